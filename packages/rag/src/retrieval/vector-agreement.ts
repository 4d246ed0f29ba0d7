import type { TextCandidate } from "./types";

/**
 * Query-adaptive fusion: is the vector side informative for this query?
 *
 * An embedding model only helps for text it can read. The local model is English-only: a Russian or Arabic
 * question and every chunk in that language come out as nearly the same vector, so cosine similarity is high and
 * flat for all of them and, fused with full text, only shuffles the full-text ranking (bench/README.md: hybrid fell
 * to 0.92 × BM25 on Russian man pages). Which languages a model reads is not known for every provider, so this is
 * measured per query from the candidates both searches already returned, at no extra cost: over the full-text
 * candidates, the Pearson correlation between their BM25 (scaled by the best) and their cosine similarity. When
 * both sides see the same question, the chunks that match its words best are also the closest in meaning
 * (correlation well above 0); when the vectors cannot tell the chunks apart, their cosines do not follow BM25 at
 * all (correlation near 0, or below).
 *
 * Below MIN_AGREEMENT the vectors get weight 0 and the ranking is full text's; above, the configured weights hold.
 * Fewer than MIN_CANDIDATES full-text candidates say too little (small knowledge bases, questions whose words
 * are mostly not in the knowledge base: exactly when vectors are needed), so the configured weights hold too.
 */
export const MIN_AGREEMENT = 0.1;
export const MIN_CANDIDATES = 10;

/** Pearson correlation of full-text scores and cosine similarities over the full-text candidates that have both. */
export function scoreAgreement(textHits: readonly TextCandidate[], similarity: ReadonlyMap<string, number>): number | null {
  const pairs = textHits.flatMap((hit) => {
    const cosine = similarity.get(hit.chunkId);
    return cosine === undefined || !Number.isFinite(hit.score) ? [] : [[hit.score, cosine] as const];
  });
  if (pairs.length < MIN_CANDIDATES) return null;
  const meanText = pairs.reduce((sum, [text]) => sum + text, 0) / pairs.length;
  const meanCosine = pairs.reduce((sum, [, cosine]) => sum + cosine, 0) / pairs.length;
  let covariance = 0;
  let textVariance = 0;
  let cosineVariance = 0;
  for (const [text, cosine] of pairs) {
    covariance += (text - meanText) * (cosine - meanCosine);
    textVariance += (text - meanText) ** 2;
    cosineVariance += (cosine - meanCosine) ** 2;
  }
  // Identical scores on one side (e.g. every chunk matched one word once) carry no ranking to agree with.
  if (textVariance <= 1e-12 || cosineVariance <= 1e-12) return null;
  return covariance / Math.sqrt(textVariance * cosineVariance);
}

/**
 * The text weight to fuse with: 1 (full text alone) when the vector side does not agree with full text at all,
 * otherwise the configured weight.
 */
export function adaptiveTextWeight(
  textWeight: number,
  textHits: readonly TextCandidate[],
  similarity: ReadonlyMap<string, number>,
): number {
  if (textWeight >= 1 || textWeight <= 0) return textWeight;
  const agreement = scoreAgreement(textHits, similarity);
  return agreement !== null && agreement < MIN_AGREEMENT ? 1 : textWeight;
}
