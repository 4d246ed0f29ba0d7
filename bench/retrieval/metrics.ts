/** Graded judgments for one query: document id → relevance grade (> 0 is relevant). */
export type QueryJudgments = ReadonlyMap<string, number>;

export interface RankingMetrics {
  ndcg10: number;
  recall10: number;
  mrr10: number;
}

/**
 * nDCG@k with linear gain (the grade itself) and the standard log2(rank + 1) discount, as trec_eval and BEIR
 * compute it; the ideal ranking is every judged document sorted by grade.
 */
export function ndcgAt(ranking: readonly string[], judgments: QueryJudgments, k: number): number {
  const dcg = ranking.slice(0, k).reduce((sum, id, index) => sum + gain(judgments.get(id)) / Math.log2(index + 2), 0);
  const ideal = [...judgments.values()]
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, index) => sum + grade / Math.log2(index + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents found in the top k. */
export function recallAt(ranking: readonly string[], judgments: QueryJudgments, k: number): number {
  const relevant = [...judgments.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((id) => gain(judgments.get(id)) > 0).length / relevant;
}

/** 1 / rank of the first relevant document within the top k, else 0. */
export function mrrAt(ranking: readonly string[], judgments: QueryJudgments, k: number): number {
  const index = ranking.slice(0, k).findIndex((id) => gain(judgments.get(id)) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}

export function rankingMetrics(ranking: readonly string[], judgments: QueryJudgments): RankingMetrics {
  return { ndcg10: ndcgAt(ranking, judgments, 10), recall10: recallAt(ranking, judgments, 10), mrr10: mrrAt(ranking, judgments, 10) };
}

export function meanMetrics(all: readonly RankingMetrics[]): RankingMetrics {
  const mean = (pick: (m: RankingMetrics) => number) => (all.length === 0 ? 0 : all.reduce((sum, m) => sum + pick(m), 0) / all.length);
  return { ndcg10: mean((m) => m.ndcg10), recall10: mean((m) => m.recall10), mrr10: mean((m) => m.mrr10) };
}

/** Chunk hits → document ranking: each document keeps the rank of its best chunk. */
export function toDocumentRanking(documentIds: readonly string[]): string[] {
  return [...new Set(documentIds)];
}

function gain(grade: number | undefined): number {
  return grade !== undefined && grade > 0 ? grade : 0;
}
