import { toVectorLiteral } from "@frontdesk/db";
import { embedChunksWithSentences } from "@frontdesk/rag";
import type { IngestionDeps } from "../../ingestion/types";
import { embeddingCatalog } from "../embedding-catalog";

export interface ReembedRef {
  organizationId: string;
  knowledgeBaseId: string;
  /** Target model; a step for a target the knowledge base no longer wants stops the run. */
  model: string;
}

export type ReembedBatchResult = { status: "stale" } | { status: "embedded"; embedded: number; remaining: number };

/** Chunks per re-embedding step (one embedding call, one UPDATE). */
export const REEMBED_BATCH_SIZE = 64;

/**
 * Embeds the next batch of the knowledge base's chunks that have no vector for the target model yet into
 * Chunk.nextEmbedding (chunks added while the run goes on are picked up too, because every batch asks again),
 * then records progress. Search is untouched: it reads Chunk.embedding.
 */
export async function reembedBatch(deps: IngestionDeps, ref: ReembedRef, batchSize = REEMBED_BATCH_SIZE): Promise<ReembedBatchResult> {
  const kb = await deps.prisma.knowledgeBase.findFirst({
    where: { id: ref.knowledgeBaseId, organizationId: ref.organizationId },
    select: { nextEmbeddingModel: true, nextEmbeddingDimensions: true },
  });
  if (!kb || kb.nextEmbeddingModel !== ref.model) return { status: "stale" };
  const pending = { knowledgeBaseId: ref.knowledgeBaseId, organizationId: ref.organizationId, OR: [{ nextEmbeddingModel: null }, { NOT: { nextEmbeddingModel: ref.model } }] };
  const chunks = await deps.prisma.chunk.findMany({ where: pending, select: { id: true, content: true }, orderBy: { id: "asc" }, take: batchSize });
  if (chunks.length > 0) {
    const provider = await embeddingCatalog(deps.rag).load(ref.model);
    // Sentence vectors for extractive answers move to the new model with the chunk vectors, in the same call.
    const { vectors, sentenceVectors: sentences } = await embedChunksWithSentences(provider.embeddings, chunks.map((chunk) => chunk.content));
    if (vectors.some((vector) => vector.length !== kb.nextEmbeddingDimensions)) {
      throw new Error(`${ref.model} returned vectors of another size than ${kb.nextEmbeddingDimensions}`);
    }
    await deps.prisma.$executeRaw`
      UPDATE chunk c SET "nextEmbedding" = v.embedding::vector, "nextEmbeddingModel" = ${ref.model},
                         "nextSentenceVectors" = decode(v.sentences, 'base64')
        FROM unnest(${chunks.map((chunk) => chunk.id)}::text[], ${vectors.map((vector) => toVectorLiteral(vector))}::text[],
                    ${sentences.map((packed) => Buffer.from(packed).toString("base64"))}::text[]) AS v(id, embedding, sentences)
       WHERE c.id = v.id AND c."organizationId" = ${ref.organizationId}`;
  }
  const [remaining, total] = await Promise.all([
    deps.prisma.chunk.count({ where: pending }),
    deps.prisma.chunk.count({ where: { knowledgeBaseId: ref.knowledgeBaseId, organizationId: ref.organizationId } }),
  ]);
  const progress = total === 0 ? 99 : Math.min(99, Math.floor(((total - remaining) / total) * 100));
  await deps.prisma.knowledgeBase.updateMany({
    where: { id: ref.knowledgeBaseId, organizationId: ref.organizationId, nextEmbeddingModel: ref.model },
    data: { reembedProgress: progress },
  });
  return { status: "embedded", embedded: chunks.length, remaining };
}

export type SwapResult = "swapped" | "stale" | "pending";

/**
 * In ONE transaction (the knowledge base row locked): when every chunk has a vector for the target, moves
 * nextEmbedding into embedding for all chunks and makes the target the knowledge base's model. Chunks added
 * since the last batch → "pending" (run another batch, then swap again).
 */
export async function swapEmbeddings(deps: IngestionDeps, ref: ReembedRef): Promise<SwapResult> {
  return deps.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ nextEmbeddingModel: string | null; nextEmbeddingDimensions: number | null }>>`
      SELECT "nextEmbeddingModel", "nextEmbeddingDimensions" FROM knowledge_base
       WHERE id = ${ref.knowledgeBaseId} AND "organizationId" = ${ref.organizationId} FOR UPDATE`;
    const kb = locked[0];
    if (!kb || kb.nextEmbeddingModel !== ref.model || kb.nextEmbeddingDimensions === null) return "stale";
    const missing = await tx.chunk.count({
      where: { knowledgeBaseId: ref.knowledgeBaseId, organizationId: ref.organizationId, OR: [{ nextEmbeddingModel: null }, { NOT: { nextEmbeddingModel: ref.model } }] },
    });
    if (missing > 0) return "pending";
    await tx.$executeRaw`
      UPDATE chunk SET embedding = "nextEmbedding", "embeddingModel" = ${ref.model}, "embeddingDimensions" = ${kb.nextEmbeddingDimensions},
                       "sentenceVectors" = "nextSentenceVectors", "nextEmbedding" = NULL, "nextEmbeddingModel" = NULL, "nextSentenceVectors" = NULL
       WHERE "knowledgeBaseId" = ${ref.knowledgeBaseId} AND "organizationId" = ${ref.organizationId} AND "nextEmbeddingModel" = ${ref.model}`;
    await tx.knowledgeBase.update({
      where: { id: ref.knowledgeBaseId },
      data: {
        embeddingModel: ref.model,
        embeddingDimensions: kb.nextEmbeddingDimensions,
        nextEmbeddingModel: null,
        nextEmbeddingDimensions: null,
        reembedProgress: 100,
        reembedError: null,
      },
    });
    return "swapped";
  });
}

/** Records why a re-embedding gave up; the old vectors stay in use. */
export async function markReembedFailed(deps: IngestionDeps, ref: ReembedRef, reason: string): Promise<void> {
  await deps.prisma.knowledgeBase.updateMany({
    where: { id: ref.knowledgeBaseId, organizationId: ref.organizationId, nextEmbeddingModel: ref.model },
    data: { reembedError: reason.slice(0, 1000) },
  });
}
