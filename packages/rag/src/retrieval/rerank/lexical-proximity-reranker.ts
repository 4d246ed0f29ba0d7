import { normalizeSearchText } from "../search-normalization";
import { stopwords } from "../stopwords";
import type { SearchHit } from "../types";
import type { Reranker } from "./reranker";

/** How much of the final score each signal carries; the fused retrieval score keeps half. */
const WEIGHTS = { fused: 0.5, coverage: 0.2, proximity: 0.2, title: 0.1 } as const;

const foldedStopwords = new Set([...stopwords].map(normalizeSearchText));

/** Lower-cased, folded words of any script, without function words: the same folding as full-text search. */
export function contentWords(text: string): string[] {
  return (normalizeSearchText(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !foldedStopwords.has(word));
}

/**
 * A reranker that needs no model and no network: it mixes the fused retrieval score (scaled by the best
 * candidate's) with three lexical signals computed on the candidates' text —
 * - coverage: share of the query's distinct words the chunk contains, each weighted by its IDF among the
 *   candidates (so a rare word counts more than one every candidate has);
 * - proximity: matched words / length of the shortest window holding all of them (1 = adjacent, as in a phrase);
 * - title: share of the query's words found in the document title (a second field, as in BM25F).
 * Ties keep retrieval order, so the result is deterministic.
 */
export class LexicalProximityReranker implements Reranker {
  readonly name = "lexical-proximity";

  async rerank(query: string, candidates: readonly SearchHit[]): Promise<SearchHit[]> {
    const terms = [...new Set(contentWords(query))];
    if (terms.length === 0 || candidates.length < 2) return [...candidates];
    const tokenized = candidates.map((hit) => contentWords(hit.content));
    const idf = new Map(
      terms.map((term) => {
        const df = tokenized.filter((tokens) => tokens.includes(term)).length;
        return [term, Math.log(1 + (candidates.length - df + 0.5) / (df + 0.5))];
      }),
    );
    const totalIdf = terms.reduce((sum, term) => sum + (idf.get(term) ?? 0), 0) || 1;
    const bestScore = Math.max(...candidates.map((hit) => hit.score));
    const scored = candidates.map((hit, index) => {
      const tokens = tokenized[index] ?? [];
      const present = terms.filter((term) => tokens.includes(term));
      const coverage = present.reduce((sum, term) => sum + (idf.get(term) ?? 0), 0) / totalIdf;
      const titleWords = new Set(contentWords(hit.documentTitle));
      const title = terms.filter((term) => titleWords.has(term)).length / terms.length;
      const fused = bestScore > 0 ? hit.score / bestScore : 0;
      const score =
        WEIGHTS.fused * fused + WEIGHTS.coverage * coverage + WEIGHTS.proximity * proximity(tokens, present) + WEIGHTS.title * title;
      return { hit: { ...hit, score }, index };
    });
    return scored.sort((a, b) => b.hit.score - a.hit.score || a.index - b.index).map(({ hit }) => hit);
  }
}

/**
 * Distinct matched words / width of the shortest token window containing each of them at least once
 * (1 when they stand next to each other; a single matched word counts as adjacent).
 */
export function proximity(tokens: readonly string[], present: readonly string[]): number {
  if (present.length === 0) return 0;
  if (present.length === 1) return 1;
  const wanted = new Set(present);
  const counts = new Map<string, number>();
  let covered = 0;
  let best = Number.POSITIVE_INFINITY;
  let left = 0;
  for (let right = 0; right < tokens.length; right++) {
    const word = tokens[right] ?? "";
    if (!wanted.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (counts.get(word) === 1) covered++;
    while (covered === wanted.size) {
      best = Math.min(best, right - left + 1);
      const leftWord = tokens[left] ?? "";
      if (wanted.has(leftWord)) {
        const count = (counts.get(leftWord) ?? 0) - 1;
        counts.set(leftWord, count);
        if (count === 0) covered--;
      }
      left++;
    }
  }
  return Number.isFinite(best) ? present.length / best : 0;
}
