import type { FailedRetrieval } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { contentWords } from "@frontdesk/rag";
import { embedMessage } from "../../conversations/search/embed-message";
import { sameQuestion } from "./same-question";

/** Distinct wordings kept per gap. */
const MAX_EXAMPLES = 5;
/** Most recent gaps of a bot compared with a new question. */
const CANDIDATE_GAPS = 500;

const folded = (text: string) => contentWords(text).join(" ");

/**
 * Files a failed question under the bot's knowledge gap that asks the same thing (by meaning, with the vector
 * search over conversations keeps for its message), or opens a new gap. A gap answered earlier is reopened; a
 * dismissed one stays hidden but keeps counting. Never throws: a gap is bookkeeping, not part of the answer.
 */
export async function attachToGap(ctx: ServiceContext, failure: FailedRetrieval): Promise<void> {
  try {
    const { model, vector } = await questionVector(ctx, failure);
    const candidates = await ctx.prisma.knowledgeGap.findMany({
      where: { organizationId: ctx.organizationId, botId: failure.botId, embeddingModel: model },
      orderBy: { lastAskedAt: "desc" },
      take: CANDIDATE_GAPS,
    });
    const question = { text: failure.query, vector };
    let best: { id: string; similarity: number } | undefined;
    for (const gap of candidates) {
      const exact = folded(gap.question) === folded(failure.query);
      const match = exact ? { same: true, similarity: 1 } : sameQuestion(question, { text: gap.question, vector: gap.embedding });
      if (match.same && (!best || match.similarity > best.similarity)) best = { id: gap.id, similarity: match.similarity };
    }
    const gap = best ? candidates.find((candidate) => candidate.id === best.id)! : undefined;
    const at = failure.createdAt;
    if (!gap) {
      const created = await ctx.prisma.knowledgeGap.create({
        data: {
          organizationId: ctx.organizationId,
          botId: failure.botId,
          question: failure.query,
          lastAskedAt: at,
          examples: [failure.query],
          embedding: vector,
          embeddingModel: model,
        },
      });
      await ctx.prisma.failedRetrieval.update({ where: { id: failure.id }, data: { gapId: created.id } });
      return;
    }
    const examples = gap.examples.some((example) => folded(example) === folded(failure.query)) ? gap.examples : [...gap.examples, failure.query].slice(-MAX_EXAMPLES);
    await ctx.prisma.knowledgeGap.update({
      where: { id: gap.id },
      data: {
        count: { increment: 1 },
        lastAskedAt: at > gap.lastAskedAt ? at : gap.lastAskedAt,
        examples,
        ...(gap.status === "resolved" ? { status: "open", resolvedAt: null } : {}),
      },
    });
    await ctx.prisma.failedRetrieval.update({ where: { id: failure.id }, data: { gapId: gap.id } });
  } catch (error) {
    ctx.logger.error({ err: error, failedRetrievalId: failure.id }, "could not file a failed question under a knowledge gap");
  }
}

/**
 * The failed question's vector: the one search over conversations keeps for its message (the bot's knowledge base
 * model, embedded once for both), or the runtime's model for a failure without a stored message.
 */
async function questionVector(ctx: ServiceContext, failure: FailedRetrieval): Promise<{ model: string; vector: number[] }> {
  const stored = failure.messageId ? await embedMessage(ctx, { messageId: failure.messageId }) : null;
  if (stored) return stored;
  const provider = ctx.rag.embeddings;
  return { model: provider.model, vector: await provider.embeddings.embedQuery(failure.query) };
}

/**
 * A failed question answered later in the same conversation (a rephrase, an operator) was a wording problem,
 * not missing knowledge: it stops counting toward its gap, and a gap nobody else asked disappears.
 */
export async function detachFromGap(ctx: ServiceContext, failure: Pick<FailedRetrieval, "id" | "gapId">): Promise<void> {
  if (!failure.gapId) return;
  await ctx.prisma.failedRetrieval.update({ where: { id: failure.id }, data: { gapId: null } });
  const gap = await ctx.prisma.knowledgeGap.update({ where: { id: failure.gapId }, data: { count: { decrement: 1 } } });
  if (gap.count <= 0) await ctx.prisma.knowledgeGap.delete({ where: { id: gap.id } });
}
