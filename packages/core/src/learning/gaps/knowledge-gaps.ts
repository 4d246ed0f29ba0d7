import type { KnowledgeGap } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { createFaq } from "../../knowledge/faqs";
import { parseInput } from "../../parse-input";
import {
  answerKnowledgeGapInput,
  gapStatus,
  listKnowledgeGapsInput,
  type AnswerKnowledgeGapInput,
  type AnsweredKnowledgeGap,
  type KnowledgeGapView,
  type ListKnowledgeGapsInput,
} from "./schemas";

/** Unanswered questions, near-duplicates merged, most asked first. */
export async function listKnowledgeGaps(ctx: ServiceContext, input: ListKnowledgeGapsInput = {}): Promise<KnowledgeGapView[]> {
  const { status, botId, limit } = parseInput(listKnowledgeGapsInput, input);
  const rows = await ctx.prisma.knowledgeGap.findMany({
    where: { organizationId: ctx.organizationId, status, ...(botId ? { botId } : {}) },
    orderBy: [{ count: "desc" }, { lastAskedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toKnowledgeGapView);
}

async function gapOrThrow(ctx: ServiceContext, id: string): Promise<KnowledgeGap> {
  const gap = await ctx.prisma.knowledgeGap.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!gap) throw notFound("Knowledge gap");
  return gap;
}

/** "Answer it": the gap becomes an FAQ of the bot's knowledge (one step) and is resolved. */
export async function answerKnowledgeGap(ctx: ServiceContext, id: string, input: AnswerKnowledgeGapInput): Promise<AnsweredKnowledgeGap> {
  const data = parseInput(answerKnowledgeGapInput, input);
  const gap = await gapOrThrow(ctx, id);
  const knowledgeBaseId = data.knowledgeBaseId ? await botKnowledgeBaseOrThrow(ctx, gap.botId, data.knowledgeBaseId) : await defaultKnowledgeBase(ctx, gap.botId);
  const faq = await createFaq(ctx, knowledgeBaseId, { question: data.question ?? gap.question, answer: data.answer });
  const updated = await ctx.prisma.knowledgeGap.update({
    where: { id: gap.id },
    data: { status: "resolved", resolvedAt: new Date(), faqDocumentId: faq.id },
  });
  const { outcome: _outcome, ...faqView } = faq;
  return { gap: toKnowledgeGapView(updated), faq: faqView };
}

/** Hides the gap; it keeps counting if asked again, but is not listed as open. */
export async function dismissKnowledgeGap(ctx: ServiceContext, id: string): Promise<KnowledgeGapView> {
  const gap = await gapOrThrow(ctx, id);
  const updated = await ctx.prisma.knowledgeGap.update({ where: { id: gap.id }, data: { status: "dismissed" } });
  return toKnowledgeGapView(updated);
}

/**
 * A chosen knowledge base must be one the gap's bot answers from (the link row carries the organization, so another
 * tenant's id fails the same way): an FAQ elsewhere would not answer the next visitor who asks.
 */
async function botKnowledgeBaseOrThrow(ctx: ServiceContext, botId: string, knowledgeBaseId: string): Promise<string> {
  const link = await ctx.prisma.botKnowledgeBase.findFirst({ where: { botId, knowledgeBaseId, organizationId: ctx.organizationId } });
  if (!link) {
    const message = "not a knowledge base of the bot that was asked";
    throw new AppError("validation_failed", `knowledgeBaseId: ${message}`, { fields: [{ field: "knowledgeBaseId", message }] });
  }
  return link.knowledgeBaseId;
}

/** The bot's primary knowledge base: the first one linked. */
async function defaultKnowledgeBase(ctx: ServiceContext, botId: string): Promise<string> {
  const link = await ctx.prisma.botKnowledgeBase.findFirst({
    where: { botId, organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
  });
  if (!link) {
    throw new AppError("validation_failed", "knowledgeBaseId: the bot has no knowledge base; name one", {
      fields: [{ field: "knowledgeBaseId", message: "the bot has no knowledge base; name one" }],
    });
  }
  return link.knowledgeBaseId;
}

export function toKnowledgeGapView(row: KnowledgeGap): KnowledgeGapView {
  return {
    id: row.id,
    botId: row.botId,
    question: row.question,
    count: row.count,
    lastAskedAt: row.lastAskedAt.toISOString(),
    status: gapStatus.catch("open").parse(row.status),
    examples: row.examples,
    faqDocumentId: row.faqDocumentId,
  };
}
