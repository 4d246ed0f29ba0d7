import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { assessVisitorTurn } from "../learning/frustration/assess-visitor-turn";
import { resolveAnswerSettings } from "./answer-settings";
import { loadHistory } from "./load-history";
import type { ChatResponse } from "./schemas";
import { continueTurn, withKnowledgeBaseIds } from "./stream-chat";

/**
 * The bot's reply to one stored visitor message; `message` is "" when nothing goes back (a person has it).
 * `noticeIds` are text messages that follow the answer on the same channel (e.g. the handoff notice after answers
 * that found nothing); lead forms are left out, they only make sense in the widget.
 */
export type StoredMessageReply = Pick<ChatResponse, "messageId" | "message" | "citations" | "status"> & { noticeIds: string[] };

/**
 * Answers a visitor message stored earlier (SMS, WhatsApp) exactly as web chat answers: same handoff rules,
 * sentiment and offer of a person, knowledge search, model or extractive answer, citations. Run again for the same message, it returns the reply
 * already stored instead of answering twice.
 */
export async function answerStoredMessage(ctx: ServiceContext, input: { messageId: string }): Promise<StoredMessageReply> {
  const startedAt = performance.now();
  const message = await ctx.prisma.message.findFirst({
    where: { id: input.messageId, organizationId: ctx.organizationId, role: "user" },
    include: { conversation: { include: { bot: { include: withKnowledgeBaseIds } } } },
  });
  if (!message) throw notFound("Message");
  const { conversation } = message;
  const { bot, ...conversationRow } = conversation;
  const earlier = await ctx.prisma.message.findFirst({
    where: { conversationId: conversation.id, organizationId: ctx.organizationId, role: "assistant", metadata: { path: ["inReplyTo"], equals: message.id } },
  });
  if (earlier) return { messageId: earlier.id, message: earlier.content, citations: [], status: conversation.status, noticeIds: [] };
  const settings = resolveAnswerSettings(bot.answerSettings);
  const history = await loadHistory(ctx, conversation.id, settings.historyTurns, message.createdAt);
  // The same sentiment rules as web chat: a second frustrated text offers a person (sent as a notice).
  const assessment = assessVisitorTurn(ctx, { conversationId: conversation.id, messageId: message.id });
  const events = await continueTurn(ctx, {
    bot,
    conversation: conversationRow,
    question: message.content,
    questionMessageId: message.id,
    history,
    startedAt,
    replyTo: message.id,
    suggestHandoff: assessment.then((result) => (result?.suggestHandoff ? result.sentiment.language : undefined)),
  });
  for await (const event of events) {
    if (event.type === "done") {
      const noticeIds = (event.followUps ?? []).filter((followUp) => !followUp.form).map((followUp) => followUp.id);
      return { messageId: event.messageId, message: event.message, citations: event.citations, status: event.status, noticeIds };
    }
  }
  throw new Error("The answer ended without a result");
}
