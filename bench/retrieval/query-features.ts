// Per-query signals computed from a dump-candidates.ts dump (the first pass of both searches), shared by the offline
// studies (adaptive-study.ts, decision-study.ts).

export interface TextHit { chunkId: string; documentId: string; score: number; coverage: number; similarity: number | null }
export interface VectorHit { chunkId: string; documentId: string; score: number }
export interface Query {
  id: string;
  text: string;
  /** Terms of the question searched by full text (dumps since the feedback decision study). */
  terms?: number;
  vector: VectorHit[];
  fullText: TextHit[];
  /** Cosine of the query to each stored sentence vector of a candidate chunk (dumps since sentence-study.ts). */
  sentences?: Record<string, number[]>;
}
export interface Dump { collection: string; documents: Record<string, string[]>; qrels: Record<string, Record<string, number>>; queries: Query[] }

export const DEPTH = 100;
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
export const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs), my = mean(ys);
  let num = 0, dx = 0, dy = 0;
  xs.forEach((x, i) => { const y = ys[i] ?? 0; num += (x - mx) * (y - my); dx += (x - mx) ** 2; dy += (y - my) ** 2; });
  return dx > 0 && dy > 0 ? num / Math.sqrt(dx * dy) : 0;
}

const ranks = (xs: number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
};

export function features(q: Query) {
  const vector = q.vector.slice(0, DEPTH);
  const text = q.fullText.slice(0, DEPTH);
  const sim = new Map<string, number>();
  for (const h of text) if (h.similarity !== null) sim.set(h.chunkId, h.similarity);
  for (const h of vector) sim.set(h.chunkId, h.score);
  const best = Math.max(0, ...text.map((h) => h.score)) || 1;
  const paired = text.filter((h) => sim.has(h.chunkId));
  const corr = pearson(paired.map((h) => h.score / best), paired.map((h) => sim.get(h.chunkId) ?? 0));
  const spear = pearson(ranks(paired.map((h) => h.score)), ranks(paired.map((h) => sim.get(h.chunkId) ?? 0)));
  const vectorIds = new Set(vector.map((h) => h.chunkId));
  const top10 = text.slice(0, 10);
  const overlap = top10.length === 0 ? 0 : top10.filter((h) => vectorIds.has(h.chunkId)).length / top10.length;
  const vs = vector.map((h) => h.score);
  const separation = vs.length > 1 ? ((vs[0] ?? 0) - mean(vs)) / (sd(vs) || 1) : 0;
  // Where the best full-text chunks' cosines stand in the vector list's distribution (z-score of their mean).
  const textTopSim = mean(top10.map((h) => sim.get(h.chunkId) ?? 0));
  const agreement = (textTopSim - mean(vs)) / (sd(vs) || 1);
  const letters = [...q.text].filter((c) => /\p{L}/u.test(c));
  const latin = letters.length === 0 ? 1 : letters.filter((c) => /\p{Script=Latin}/u.test(c)).length / letters.length;
  // The first fused ranking as hybridSearch makes it (text weight 0.5, or full text alone below MIN_AGREEMENT 0.1):
  // how far its best chunk leads, and how much of the question (IDF share) that chunk holds.
  const textWeight = paired.length >= 10 && corr < 0.1 ? 1 : 0.5;
  const textScore = new Map(text.map((h) => [h.chunkId, h.score / best]));
  const fused = [...new Set([...text, ...vector].map((h) => h.chunkId))]
    .map((id) => ({ id, score: textWeight * (textScore.get(id) ?? 0) + (1 - textWeight) * (sim.get(id) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const margin = fused.length > 1 ? fused[0]!.score - fused[1]!.score : 1;
  const fusedTopCoverage = text.find((h) => h.chunkId === fused[0]?.id)?.coverage ?? 0;
  const sameTop = text[0] !== undefined && text[0].chunkId === vector[0]?.chunkId ? 1 : 0;
  return { coverage: top10[0]?.coverage ?? 0, corr, spear, overlap, separation, agreement, latin, topCos: vs[0] ?? 0, textTopSim, terms: q.terms ?? 0, margin, fusedTopCoverage, sameTop };
}
export type Features = ReturnType<typeof features>;

