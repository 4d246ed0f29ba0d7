/** One ranked list to fuse: ids best first, and how much this list counts. */
export interface RankedList {
  ids: readonly string[];
  weight?: number;
}

/** The usual RRF constant (Cormack et al. 2009): damps the difference between the very first ranks. */
export const RRF_K = 60;

/**
 * Weighted reciprocal rank fusion: score(id) = Σ weight / (k + rank), rank starting at 1. Returns every id
 * that appears in any list, best first (ties keep first-seen order).
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of lists) {
    ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
