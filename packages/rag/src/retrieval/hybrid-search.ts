import type { PrismaClient } from "@frontdesk/db";
import { fullTextSearch } from "./full-text-search";
import { reciprocalRankFusion, RRF_K } from "./reciprocal-rank-fusion";
import type { FullTextSearchHit, RetrievedChunk, SearchHit, SearchScope, VectorSearchHit } from "./types";
import { vectorSearch } from "./vector-search";

export interface HybridSearchInput extends SearchScope {
  query: string;
  queryVector: readonly number[];
  /** Results returned (default 8). */
  limit?: number;
  /**
   * Minimum cosine similarity. A chunk below it is still returned when it is a strong full-text match
   * (coverage ≥ minTextScore), so exact names, codes and rare words are found even when embeddings miss them.
   */
  minScore?: number;
  /** Full-text coverage (0..1) that counts as a strong match when minScore filters (default 0.5). */
  minTextScore?: number;
  /** Candidates taken from each list before fusion (default max(50, 5 × limit)). */
  candidates?: number;
  /** Relative weight of each list in the fusion (default 1 each). */
  weights?: { vector?: number; text?: number };
}

export const DEFAULT_HYBRID_LIMIT = 8;
export const DEFAULT_MIN_TEXT_SCORE = 0.5;

/** Vector and full-text search fused with reciprocal rank fusion, both scoped to the organization and knowledge bases. */
export async function hybridSearch(prisma: PrismaClient, input: HybridSearchInput): Promise<SearchHit[]> {
  const limit = input.limit ?? DEFAULT_HYBRID_LIMIT;
  const candidates = input.candidates ?? Math.max(50, limit * 5);
  const scope = { organizationId: input.organizationId, knowledgeBaseIds: input.knowledgeBaseIds };
  const [vectorHits, textHits] = await Promise.all([
    vectorSearch(prisma, { ...scope, queryVector: input.queryVector, limit: candidates }),
    fullTextSearch(prisma, { ...scope, query: input.query, limit: candidates }),
  ]);
  return fuseHits(vectorHits, textHits, input, limit);
}

/** The fusion step on its own, for callers (like the bench) that already ran both searches. */
export function fuseHits(
  vectorHits: readonly VectorSearchHit[],
  textHits: readonly FullTextSearchHit[],
  options: Pick<HybridSearchInput, "minScore" | "minTextScore" | "weights">,
  limit: number,
): SearchHit[] {
  const byVector = new Map(vectorHits.map((hit) => [hit.chunkId, hit]));
  const byText = new Map(textHits.map((hit) => [hit.chunkId, hit]));
  const fused = reciprocalRankFusion(
    [
      { ids: vectorHits.map((hit) => hit.chunkId), weight: options.weights?.vector ?? 1 },
      { ids: textHits.map((hit) => hit.chunkId), weight: options.weights?.text ?? 1 },
    ],
    RRF_K,
  );
  const minTextScore = options.minTextScore ?? DEFAULT_MIN_TEXT_SCORE;
  const results: SearchHit[] = [];
  for (const { id, score } of fused) {
    const vector = byVector.get(id);
    const text = byText.get(id);
    const vectorScore = vector?.score ?? null;
    const textScore = text?.coverage ?? null;
    if (options.minScore !== undefined) {
      const similarEnough = vectorScore !== null && vectorScore >= options.minScore;
      const strongText = textScore !== null && textScore >= minTextScore;
      if (!similarEnough && !strongText) continue;
    }
    const hit = vector ?? text;
    if (!hit) continue;
    results.push({ ...chunkFields(hit), score, vectorScore, textScore });
    if (results.length === limit) break;
  }
  return results;
}

function chunkFields(hit: RetrievedChunk): RetrievedChunk {
  const { chunkId, documentId, knowledgeBaseId, documentTitle, content, position, metadata } = hit;
  return { chunkId, documentId, knowledgeBaseId, documentTitle, content, position, metadata };
}
