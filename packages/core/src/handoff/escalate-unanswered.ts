import type { Conversation, Message } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { requestHandoff } from "./request-handoff";

/** Answers in a row that found nothing in the knowledge before a person is asked to join. */
export const UNANSWERED_IN_A_ROW = 2;

const outcomeOf = (message: Pick<Message, "metadata">) => (message.metadata as { outcome?: unknown } | null)?.outcome;
// Answers to remarks ("this is useless", "ok thanks") are marked asked: false: they found nothing because there
// was nothing to find, so they neither count nor break a run of unanswered questions.
const answeredARemark = (message: Pick<Message, "metadata">) => (message.metadata as { asked?: unknown } | null)?.asked === false;

const QUESTION_START =
  /^(what|when|where|who|whom|which|why|how|do|does|did|can|could|is|are|was|were|will|would|should|may|have|has|qu[eé]|cu[aá]ndo|d[oó]nde|qui[eé]n|c[oó]mo|cu[aá]nto|cu[aá]l|por qu[eé]|puedo|pueden|puede|tienen|tiene|hay|hacen|es|son)\b/i;

/** A question rather than a remark: a question mark, or a question word first (English, Spanish). */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  return /[?¿]/.test(trimmed) || QUESTION_START.test(trimmed);
}

/**
 * After a bot answer: when it and the answers just before it (UNANSWERED_IN_A_ROW in all, since the last handoff)
 * all found nothing, the conversation is handed to a person as when the visitor asks for one, with the escalation
 * email saying why. Answers to remarks rather than questions are left out (see looksLikeQuestion). Returns the
 * handoff notice, or null when the bot carries on.
 */
export async function escalateIfUnanswered(ctx: ServiceContext, conversation: Conversation, answer: Message): Promise<Message | null> {
  if (outcomeOf(answer) !== "declined" || answeredARemark(answer)) return null;
  const recent = await ctx.prisma.message.findMany({
    where: {
      organizationId: ctx.organizationId,
      conversationId: conversation.id,
      role: "assistant",
      createdAt: { lte: answer.createdAt, ...(conversation.handoffRequestedAt ? { gt: conversation.handoffRequestedAt } : {}) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { metadata: true },
  });
  // A person already offered (frustration) ends the run: the visitor was given the choice. Only answers carry an
  // outcome; notices, lead forms and follow-ups in between do not break the run.
  const offered = recent.findIndex((message) => (message.metadata as { type?: unknown } | null)?.type === "handoff_suggestion");
  const answers = (offered < 0 ? recent : recent.slice(0, offered))
    .filter((message) => outcomeOf(message) !== undefined && !answeredARemark(message))
    .slice(0, UNANSWERED_IN_A_ROW);
  if (answers.length < UNANSWERED_IN_A_ROW || !answers.every((message) => outcomeOf(message) === "declined")) return null;
  const current = await ctx.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
  if (current.status !== "open") return null;
  return requestHandoff(ctx, current, { reason: "unanswered" });
}
