import { SOURCES_READ } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "../knowledge/schemas";

/**
 * The sentence vectors ingestion stored with the sources an extractive answer may read (the `first` ones,
 * sourcesReadAtMost the question; by chunk id), when they were
 * made by `model`, the model answering embeds the question with: no embedding call per answer. The search reads
 * them with the sources' rows (`known`: null for a chunk without them); any source it did not look up (a ranking
 * merged from several knowledge bases can bring one from past a ranking's first few) is read here by primary key.
 * Chunks stored before sentence vectors existed, or by another model, are left out (answering embeds their
 * sentences itself).
 */
export async function loadSentenceVectors(
  ctx: ServiceContext,
  sources: readonly SearchResult[],
  model: string,
  known: ReadonlyMap<string, Uint8Array | null> = new Map(),
  first: number = SOURCES_READ,
): Promise<Map<string, Uint8Array>> {
  const read = sources.slice(0, first).map((source) => source.chunkId);
  const found = new Map<string, Uint8Array>();
  // Rows read beyond the first sources (a whole table, see withWholeTables) come with their vectors already.
  for (const { chunkId } of sources) {
    const vectors = known.get(chunkId);
    if (vectors) found.set(chunkId, vectors);
  }
  const ids = read.filter((id) => !known.has(id));
  if (ids.length === 0) return found;
  const rows = await ctx.prisma.chunk.findMany({
    where: { id: { in: ids }, organizationId: ctx.organizationId, embeddingModel: model, sentenceVectors: { not: null } },
    select: { id: true, sentenceVectors: true },
  });
  for (const row of rows) if (row.sentenceVectors) found.set(row.id, row.sentenceVectors);
  return found;
}
