import { SOURCES_READ } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "../knowledge/schemas";

/**
 * The sentence vectors ingestion stored with the sources an extractive answer reads (by chunk id), when they were
 * made by `model`, the model answering embeds the question with: one primary-key lookup instead of an embedding
 * call per answer. Chunks stored before sentence vectors existed, or by another model, are left out (answering
 * embeds their sentences itself).
 */
export async function loadSentenceVectors(ctx: ServiceContext, sources: readonly SearchResult[], model: string): Promise<Map<string, Uint8Array>> {
  const ids = sources.slice(0, SOURCES_READ).map((source) => source.chunkId);
  if (ids.length === 0) return new Map();
  const rows = await ctx.prisma.chunk.findMany({
    where: { id: { in: ids }, organizationId: ctx.organizationId, embeddingModel: model, sentenceVectors: { not: null } },
    select: { id: true, sentenceVectors: true },
  });
  return new Map(rows.flatMap((row) => (row.sentenceVectors ? [[row.id, row.sentenceVectors] as const] : [])));
}
