import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { setAnswerRating } from "../widget/rate-answer";
import { detachFromGap } from "./gaps/attach-to-gap";
import { proposeMapping } from "./propose-mapping";
import { recordFailedRetrieval } from "./record-failed-retrieval";
import { isVisitorRejection } from "./visitor-rejection";

/** A failed question is learned from only if it was answered within this many later visitor turns. */
export const LEARNING_WINDOW_TURNS = 3;

export interface AnsweredTurn {
  botId: string;
  conversationId: string;
  /** The visitor message this turn answered. */
  questionMessageId: string;
  question: string;
  knowledgeBaseIds: readonly string[];
  /** How many sources the search returned (above the relevance threshold). */
  sourceCount: number;
  /** The cited sources (document and text), best first; none → the answer declined. */
  cited: ReadonlyArray<{ documentId: string; content: string }>;
  answerMessageId: string;
  /** Approved expansions the search applied. */
  appliedExpansionIds: readonly string[];
}

/**
 * Whether learnFromTurn can find anything to record in a turn. The first turn of a conversation has no previous
 * answer to judge and no earlier failure to learn from, so an answer to it that cited sources without query
 * expansions leaves nothing (a declined one is a failure to record; expansion counters move either way).
 */
export function hasLessons(turn: Pick<AnsweredTurn, "cited" | "appliedExpansionIds">, input: { firstTurn: boolean }): boolean {
  return !input.firstTurn || turn.cited.length === 0 || turn.appliedExpansionIds.length > 0;
}

/**
 * The learning loop's view of one answered turn: failures are recorded, the previous answer is judged by
 * this message (rejected or accepted), expansion counters move, and a success that follows a failure in the
 * same conversation proposes a learned mapping. Never throws: learning must not cost the visitor an answer.
 */
export async function learnFromTurn(ctx: ServiceContext, turn: AnsweredTurn): Promise<void> {
  try {
    await learn(ctx, turn);
  } catch (error) {
    ctx.logger.error({ err: error, conversationId: turn.conversationId }, "learning from a turn failed");
  }
}

async function learn(ctx: ServiceContext, turn: AnsweredTurn): Promise<void> {
  // Admin preview chats teach nothing: an owner's test questions are no knowledge gaps or mappings.
  const question = await ctx.prisma.message.findFirst({ where: { id: turn.questionMessageId, organizationId: ctx.organizationId, conversation: { preview: false } } });
  if (!question) return;
  const rejected = isVisitorRejection(turn.question);
  await judgePreviousAnswer(ctx, turn, question.createdAt, rejected);
  const answered = turn.cited.length > 0;
  if (turn.appliedExpansionIds.length > 0) {
    await ctx.prisma.queryExpansion.updateMany({
      where: { id: { in: [...turn.appliedExpansionIds] }, organizationId: ctx.organizationId },
      data: { timesUsed: { increment: 1 }, ...(answered ? { timesSuccessful: { increment: 1 } } : {}) },
    });
  }
  // "That's not what I asked" is about the previous answer, not a question of its own.
  if (rejected) return;
  if (!answered) {
    await recordFailedRetrieval(ctx, {
      botId: turn.botId,
      conversationId: turn.conversationId,
      messageId: turn.questionMessageId,
      query: turn.question,
      reason: turn.sourceCount === 0 ? "no_results" : "declined",
      knowledgeBaseIds: turn.knowledgeBaseIds,
    });
    return;
  }
  const learned = await learnFromEarlierFailures(ctx, turn, question.createdAt);
  if (learned.length > 0) await mergeAnswerMetadata(ctx, turn.answerMessageId, { learnedExpansionIds: learned });
}

/** The visitor's message judges the bot's previous answer: rejected → a failure; otherwise its proposals gain. */
async function judgePreviousAnswer(ctx: ServiceContext, turn: AnsweredTurn, askedAt: Date, rejected: boolean): Promise<void> {
  const previousAnswer = await ctx.prisma.message.findFirst({
    where: { conversationId: turn.conversationId, organizationId: ctx.organizationId, role: "assistant", createdAt: { lt: askedAt } },
    orderBy: { createdAt: "desc" },
  });
  if (!previousAnswer) return;
  const metadata = readMetadata(previousAnswer.metadata);
  if (!rejected) {
    if (metadata.learnedExpansionIds.length > 0) {
      // SET sees the old counts: the confidence of seen + accepted + 1 (mappingConfidence's formula).
      await ctx.prisma.$executeRaw`
        UPDATE query_expansion
           SET "acceptedCount" = "acceptedCount" + 1,
               confidence = round((1 - power(0.6, "seenCount" + "acceptedCount" + 1))::numeric, 2)::float8
         WHERE id = ANY(${metadata.learnedExpansionIds}::text[]) AND "organizationId" = ${ctx.organizationId} AND status = 'pending'`;
    }
    return;
  }
  // "That didn't help" is a thumbs down on the answer it replies to (analytics and resolution count it).
  if (metadata.rating !== "down") await setAnswerRating(ctx, previousAnswer.id, "down", "reply");
  if (metadata.expansionIds.length > 0 && metadata.outcome === "answered") {
    await ctx.prisma.$executeRaw`
      UPDATE query_expansion SET "timesSuccessful" = GREATEST("timesSuccessful" - 1, 0)
       WHERE id = ANY(${metadata.expansionIds}::text[]) AND "organizationId" = ${ctx.organizationId}`;
  }
  const previousQuestion = await ctx.prisma.message.findFirst({
    where: { conversationId: turn.conversationId, organizationId: ctx.organizationId, role: "user", createdAt: { lt: previousAnswer.createdAt } },
    orderBy: { createdAt: "desc" },
  });
  if (!previousQuestion) return;
  const already = await ctx.prisma.failedRetrieval.findFirst({ where: { organizationId: ctx.organizationId, messageId: previousQuestion.id } });
  if (already) return;
  await recordFailedRetrieval(ctx, {
    botId: turn.botId,
    conversationId: turn.conversationId,
    messageId: previousQuestion.id,
    query: previousQuestion.content,
    reason: "visitor_rejected",
    knowledgeBaseIds: turn.knowledgeBaseIds,
  });
}

/** Failures of this conversation, still unanswered and at most LEARNING_WINDOW_TURNS visitor turns back. */
async function learnFromEarlierFailures(ctx: ServiceContext, turn: AnsweredTurn, askedAt: Date): Promise<string[]> {
  const first = await ctx.prisma.document.findFirst({
    where: { id: turn.cited[0]!.documentId, organizationId: ctx.organizationId },
    select: { knowledgeBaseId: true },
  });
  const knowledgeBaseId = first?.knowledgeBaseId ?? turn.knowledgeBaseIds[0];
  if (!knowledgeBaseId) return [];
  return learnFromAnswer(ctx, {
    conversationId: turn.conversationId,
    before: askedAt,
    knowledgeBaseIds: turn.knowledgeBaseIds,
    knowledgeBaseId,
    answeredBy: "rephrase",
    answer: turn.question,
    answerMessageId: turn.answerMessageId,
    sourceText: turn.cited.map((source) => source.content).join("\n"),
  });
}

/**
 * An operator's reply answers the conversation's recent failed questions: their unknown words are proposed
 * to map to the reply's words the knowledge contains. The failures stay in their knowledge gaps (a person had
 * to answer: the knowledge may really be missing). Never throws.
 */
export async function learnFromOperatorReply(ctx: ServiceContext, input: { conversationId: string; messageId: string; text: string; at: Date }): Promise<void> {
  try {
    const conversation = await ctx.prisma.conversation.findFirst({
      where: { id: input.conversationId, organizationId: ctx.organizationId, preview: false },
      select: { bot: { select: { knowledgeBases: { select: { knowledgeBaseId: true }, orderBy: { createdAt: "asc" } } } } },
    });
    const knowledgeBaseIds = conversation?.bot.knowledgeBases.map((link) => link.knowledgeBaseId) ?? [];
    if (knowledgeBaseIds.length === 0) return;
    await learnFromAnswer(ctx, {
      conversationId: input.conversationId,
      before: input.at,
      knowledgeBaseIds,
      knowledgeBaseId: knowledgeBaseIds[0]!,
      answeredBy: "operator",
      answer: input.text,
      answerMessageId: input.messageId,
    });
  } catch (error) {
    ctx.logger.error({ err: error, conversationId: input.conversationId }, "learning from an operator reply failed");
  }
}

async function learnFromAnswer(
  ctx: ServiceContext,
  input: {
    conversationId: string;
    before: Date;
    knowledgeBaseIds: readonly string[];
    knowledgeBaseId: string;
    answeredBy: "rephrase" | "operator";
    answer: string;
    answerMessageId: string;
    sourceText?: string;
  },
): Promise<string[]> {
  const failures = await ctx.prisma.failedRetrieval.findMany({
    where: { organizationId: ctx.organizationId, conversationId: input.conversationId, resolvedAt: null, createdAt: { lt: input.before } },
    orderBy: { createdAt: "desc" },
    take: LEARNING_WINDOW_TURNS,
  });
  const learned: string[] = [];
  for (const failure of failures) {
    const turnsSince = await ctx.prisma.message.count({
      where: { conversationId: input.conversationId, role: "user", createdAt: { gt: failure.createdAt, lt: input.before } },
    });
    if (turnsSince >= LEARNING_WINDOW_TURNS) continue;
    const ids = await proposeMapping(ctx, {
      knowledgeBaseIds: input.knowledgeBaseIds,
      knowledgeBaseId: input.knowledgeBaseId,
      failedQuery: failure.query,
      answeredQuery: input.answer,
      answerSourceText: input.sourceText,
      example: {
        conversationId: input.conversationId,
        failedQuery: failure.query,
        failedMessageId: failure.messageId,
        answeredBy: input.answeredBy,
        answer: input.answer,
        answerMessageId: input.answerMessageId,
        at: new Date().toISOString(),
      },
    });
    await ctx.prisma.failedRetrieval.update({
      where: { id: failure.id },
      data: { resolvedAt: new Date(), resolvedByMessageId: input.answerMessageId },
    });
    if (input.answeredBy === "rephrase") await detachFromGap(ctx, failure);
    learned.push(...ids);
  }
  return [...new Set(learned)];
}

interface AnswerMetadata {
  outcome?: string;
  rating?: string;
  expansionIds: string[];
  learnedExpansionIds: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

export function readMetadata(value: Prisma.JsonValue): AnswerMetadata {
  const object = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  return {
    ...(typeof object.outcome === "string" ? { outcome: object.outcome } : {}),
    ...(typeof object.rating === "string" ? { rating: object.rating } : {}),
    expansionIds: strings(object.expansionIds),
    learnedExpansionIds: strings(object.learnedExpansionIds),
  };
}

async function mergeAnswerMetadata(ctx: ServiceContext, messageId: string, patch: Record<string, string[]>): Promise<void> {
  const message = await ctx.prisma.message.findFirst({ where: { id: messageId, organizationId: ctx.organizationId }, select: { metadata: true } });
  if (!message) return;
  const current = message.metadata && typeof message.metadata === "object" && !Array.isArray(message.metadata) ? message.metadata : {};
  await ctx.prisma.message.update({ where: { id: messageId }, data: { metadata: { ...current, ...patch } } });
}
