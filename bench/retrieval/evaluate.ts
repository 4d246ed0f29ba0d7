import {
  createBm25Index,
  DEFAULT_CANDIDATES,
  fullTextSearch,
  hybridSearch,
  LexicalProximityReranker,
  vectorSearch,
  type HybridSearchInput,
} from "@frontdesk/rag";
import type { BenchApi } from "../open-bench-api";
import type { IngestedCorpus } from "./ingest-corpus";
import { documentText, type BeirCollection } from "./load-beir";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";

export const SYSTEMS = ["bm25", "vector", "fulltext", "hybrid", "hybridNoFeedback", "hybridRrf", "hybridRerank"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface SystemResult extends RankingMetrics {
  msPerQuery: number;
}

/** Chunks fetched per query before collapsing to documents, so that ten distinct documents remain. */
const CHUNK_DEPTH = 50;

/** Runs every judged query through each system and averages the document-level metrics at 10. */
export async function evaluate(api: BenchApi, collection: BeirCollection, corpus: IngestedCorpus): Promise<Record<SystemName, SystemResult>> {
  const { prisma } = api.deps;
  const bm25 = createBm25Index(collection.documents.map((document) => ({ id: document.id, text: documentText(document) })));
  const queryVectors = await api.deps.rag.embeddings.embeddings.embedDocuments(collection.queries.map((query) => query.text));
  const scope = { organizationId: corpus.organizationId, knowledgeBaseIds: [corpus.knowledgeBaseId] };
  const toBeirIds = (hits: Array<{ documentId: string }>) =>
    toDocumentRanking(hits.flatMap((hit) => corpus.beirIdsByDocumentId.get(hit.documentId) ?? [hit.documentId]));
  // Same candidate depth per list as the product uses for answers (limit ≤ 20 → DEFAULT_CANDIDATES).
  const hybrid = async (query: string, queryVector: number[], options: Partial<HybridSearchInput>) =>
    toBeirIds(await hybridSearch(prisma, { ...scope, query, queryVector, limit: CHUNK_DEPTH, candidates: DEFAULT_CANDIDATES, ...options }));
  const reranker = new LexicalProximityReranker();

  const runs: Record<SystemName, (text: string, vector: number[]) => Promise<string[]>> = {
    bm25: async (text) => bm25.search(text, 10).map((hit) => hit.id),
    vector: async (_text, queryVector) => toBeirIds(await vectorSearch(prisma, { ...scope, queryVector, limit: CHUNK_DEPTH })),
    fulltext: async (text) => toBeirIds(await fullTextSearch(prisma, { ...scope, query: text, limit: CHUNK_DEPTH })),
    hybrid: (text, queryVector) => hybrid(text, queryVector, {}),
    hybridNoFeedback: (text, queryVector) => hybrid(text, queryVector, { feedback: false }),
    hybridRrf: (text, queryVector) => hybrid(text, queryVector, { fusion: "rrf" }),
    hybridRerank: (text, queryVector) => hybrid(text, queryVector, { reranker, rerankDepth: CHUNK_DEPTH }),
  };

  const results = {} as Record<SystemName, SystemResult>;
  for (const system of SYSTEMS) {
    const perQuery: RankingMetrics[] = [];
    const started = performance.now();
    for (const [index, query] of collection.queries.entries()) {
      const ranking = (await runs[system](query.text, queryVectors[index] ?? [])).slice(0, 10);
      perQuery.push(rankingMetrics(ranking, collection.qrels.get(query.id) ?? new Map()));
    }
    results[system] = { ...meanMetrics(perQuery), msPerQuery: (performance.now() - started) / Math.max(1, collection.queries.length) };
  }
  return results;
}
