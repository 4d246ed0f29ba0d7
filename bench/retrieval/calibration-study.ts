import { readFile } from "node:fs/promises";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// tsx bench/retrieval/calibration-study.ts <dump.json> ...   (dumps of dump-candidates.ts --word-forms)
// The first fused pass offline (100 candidates a side, adaptive fusion's full-text-alone rule, no feedback), with
// other calibrations of the two scores: how far from today's convex combination (BM25 / best BM25 + raw cosine) a
// per-query weight, a standardised cosine or a bonus for chunks both lists rank high gets, and the per-query oracle
// (best text weight per question) as the ceiling of any weight rule. nDCG@10 per dump, halves A/B = even/odd queries.

interface TextHit { chunkId: string; documentId: string; score: number; coverage: number; similarity: number | null }
interface VectorHit { chunkId: string; documentId: string; score: number }
interface Query { id: string; text: string; terms: number; vector: VectorHit[]; fullText: TextHit[] }
interface Dump { collection: string; documents: Record<string, string[]>; qrels: Record<string, Record<string, number>>; queries: Query[] }

interface Pool {
  ids: string[];
  doc: Map<string, string>;
  text: Map<string, number>; // BM25 / best BM25
  textRank: Map<string, number>;
  vectorRank: Map<string, number>;
  cosine: Map<string, number>;
  agreement: number | null;
}

const DEPTH = 100;

function pool(query: Query): Pool {
  const text = query.fullText.slice(0, DEPTH);
  const vector = query.vector.slice(0, DEPTH);
  const doc = new Map<string, string>();
  const cosine = new Map<string, number>();
  for (const hit of text) { doc.set(hit.chunkId, hit.documentId); if (hit.similarity !== null) cosine.set(hit.chunkId, hit.similarity); }
  for (const hit of vector) { doc.set(hit.chunkId, hit.documentId); cosine.set(hit.chunkId, hit.score); }
  const best = Math.max(0, ...text.map((hit) => hit.score));
  // Pearson correlation of BM25 and cosine over the full-text candidates (vector-agreement.ts).
  const pairs = text.filter((hit) => cosine.has(hit.chunkId)).map((hit) => [hit.score, cosine.get(hit.chunkId)!] as const);
  let agreement: number | null = null;
  if (pairs.length >= 10) {
    const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
    const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
    let sxy = 0, sxx = 0, syy = 0;
    for (const [x, y] of pairs) { sxy += (x - mx) * (y - my); sxx += (x - mx) ** 2; syy += (y - my) ** 2; }
    agreement = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }
  return {
    ids: [...doc.keys()],
    doc,
    text: new Map(text.map((hit) => [hit.chunkId, best > 0 ? hit.score / best : 0])),
    textRank: new Map(text.map((hit, index) => [hit.chunkId, index + 1])),
    vectorRank: new Map(vector.map((hit, index) => [hit.chunkId, index + 1])),
    cosine,
    agreement,
  };
}

type Scorer = (p: Pool, q: Query) => Map<string, number>;

const convex = (alpha: number, vector: (p: Pool) => Map<string, number> = (p) => p.cosine, adaptive = true): Scorer => (p) => {
  const v = vector(p);
  const textOnly = adaptive && p.agreement !== null && p.agreement < 0.1;
  const a = textOnly ? 1 : alpha;
  return new Map(p.ids.map((id) => [id, a * (p.text.get(id) ?? 0) + (1 - a) * (v.get(id) ?? 0)]));
};

/** Cosine standardised over the pool, rescaled so its spread matches a typical raw spread (sd 0.05 around its mean). */
const standardised = (spread: number) => (p: Pool) => {
  const values = [...p.cosine.values()];
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length)) || 1;
  return new Map([...p.cosine].map(([id, c]) => [id, 0.4 + (spread * (c - mean)) / sd]));
};

/** Cosine minus the pool's best cosine, plus 1: the vector side's best gets 1 like the text side's. */
const shifted = (p: Pool) => {
  const best = Math.max(...p.cosine.values());
  return new Map([...p.cosine].map(([id, c]) => [id, 1 - (best - c)]));
};

const withBonus = (base: Scorer, bonus: number, depth: number): Scorer => (p, q) => {
  const scores = base(p, q);
  for (const id of p.ids) if ((p.textRank.get(id) ?? Infinity) <= depth && (p.vectorRank.get(id) ?? Infinity) <= depth) scores.set(id, scores.get(id)! + bonus);
  return scores;
};

function ranking(dump: Dump, p: Pool, scores: Map<string, number>): string[] {
  const ids = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => p.doc.get(id)!);
  return toDocumentRanking(ids.flatMap((id) => dump.documents[id] ?? [id])).slice(0, 10);
}

/** Convex combination plus β × reciprocal-rank fusion of the two lists (k): rank agreement on top of score fusion. */
const withRrf = (base: Scorer, beta: number, k: number): Scorer => (p, q) => {
  const scores = base(p, q);
  // Queries adaptive fusion ranks by full text alone get no vector-rank share either.
  const textOnly = p.agreement !== null && p.agreement < 0.1;
  for (const id of p.ids) {
    const rt = p.textRank.get(id);
    const rv = textOnly ? undefined : p.vectorRank.get(id);
    scores.set(id, scores.get(id)! + beta * k * ((rt ? 1 / (k + rt) : 0) + (rv ? 1 / (k + rv) : 0)));
  }
  return scores;
};

/**
 * Per-query text weight from how decisive each list is at its top: text's (1 − second best / best BM25) against
 * vector's (best − second cosine) / (best − tenth cosine); α = 0.5 + κ × (text − vector), clipped to [lo, hi].
 */
const confident = (kappa: number, lo = 0.2, hi = 0.8): Scorer => (p, q) => {
  const text = q.fullText.slice(0, DEPTH).map((hit) => hit.score);
  const cos = q.vector.slice(0, DEPTH).map((hit) => hit.score);
  const textGap = text.length > 1 && text[0]! > 0 ? 1 - text[1]! / text[0]! : 1;
  const vectorGap = cos.length > 9 && cos[0]! - cos[9]! > 0 ? (cos[0]! - cos[1]!) / (cos[0]! - cos[9]!) : 0;
  const alpha = Math.min(hi, Math.max(lo, 0.5 + kappa * (textGap - vectorGap)));
  return convex(alpha)(p, q);
};

/** A shorter text weight for short questions (at most `terms` terms): BM25 has few words to rank by. */
const byLength = (terms: number, short: number, long = 0.5): Scorer => (p, q) => convex(q.terms <= terms ? short : long)(p, q);

/** Adaptive fusion's full-text-alone rule only when the vector candidates' cosines are also flat (sd below `sd`). */
const flatRule = (sd: number, alpha = 0.5, flatAlpha = alpha, keepRule = false): Scorer => (p, q) => {
  const cos = q.vector.slice(0, DEPTH).map((hit) => hit.score);
  const mean = cos.reduce((a, b) => a + b, 0) / Math.max(1, cos.length);
  const spread = Math.sqrt(cos.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, cos.length));
  const flat = cos.length < 10 || spread < sd;
  return convex(flat ? flatAlpha : alpha, (x) => x.cosine, flat || keepRule)(p, q);
};

const scorers: Record<string, Scorer> = {
  "flat sd<.012": flatRule(0.012),
  "flat sd<.015": flatRule(0.015),
  "flat sd<.018": flatRule(0.018),
  "flat sd<.015 α .4": flatRule(0.015, 0.4),
  "flat sd<.015 α .3": flatRule(0.015, 0.3),
  "spread≥.015 α .4 else .5": flatRule(0.015, 0.4, 0.5),
  "spread≥.015 α .3 else .5": flatRule(0.015, 0.3, 0.5),
  "spread≥.02 α .3 else .5": flatRule(0.02, 0.3, 0.5),
  "spread≥.015 α .4 (rule kept)": flatRule(0.015, 0.4, 0.5, true),
  "spread≥.015 α .3 (rule kept)": flatRule(0.015, 0.3, 0.5, true),
  "short≤3 α .3": byLength(3, 0.3),
  "short≤4 α .3": byLength(4, 0.3),
  "short≤4 α .4": byLength(4, 0.4),
  "short≤5 α .3": byLength(5, 0.3),
  "short≤4 α .2": byLength(4, 0.2),
  "conf κ.25": confident(0.25),
  "conf κ.5": confident(0.5),
  "conf κ1": confident(1),
  "conf κ.5 .3-.7": confident(0.5, 0.3, 0.7),
  "today (α .5)": convex(0.5),
  "α .4": convex(0.4),
  "α .6": convex(0.6),
  "α .3": convex(0.3),
  "std cos .03": convex(0.5, standardised(0.03)),
  "std cos .05": convex(0.5, standardised(0.05)),
  "std cos .08": convex(0.5, standardised(0.08)),
  "std cos .12": convex(0.5, standardised(0.12)),
  "shifted cos": convex(0.5, shifted),
  "shifted α .6": convex(0.6, shifted),
  "shifted α .7": convex(0.7, shifted),
  "both top5 +.05": withBonus(convex(0.5), 0.05, 5),
  "both top10 +.05": withBonus(convex(0.5), 0.05, 10),
  "both top3 +.1": withBonus(convex(0.5), 0.1, 3),
  "both top10 +.1": withBonus(convex(0.5), 0.1, 10),
  "both top20 +.05": withBonus(convex(0.5), 0.05, 20),
  "both top20 +.1": withBonus(convex(0.5), 0.1, 20),
  "rrf β.05 k10": withRrf(convex(0.5), 0.05, 10),
  "rrf β.1 k10": withRrf(convex(0.5), 0.1, 10),
  "rrf β.2 k10": withRrf(convex(0.5), 0.2, 10),
  "rrf β.1 k30": withRrf(convex(0.5), 0.1, 30),
  "rrf β.2 k30": withRrf(convex(0.5), 0.2, 30),
  "rrf β.1 k60": withRrf(convex(0.5), 0.1, 60),
  "α .4 + rrf β.1 k30": withRrf(convex(0.4), 0.1, 30),
  "α .4 + rrf β.1 k60": withRrf(convex(0.4), 0.1, 60),
  "α .3 + rrf β.1 k30": withRrf(convex(0.3), 0.1, 30),
  "α .4 + rrf β.05 k30": withRrf(convex(0.4), 0.05, 30),
  "α .4 + both top10 +.05": withBonus(convex(0.4), 0.05, 10),
  "α .4 no rule": convex(0.4, (p) => p.cosine, false),
  "α .3 no rule": convex(0.3, (p) => p.cosine, false),
  "α .5 no rule": convex(0.5, (p) => p.cosine, false),
};
const only = process.env.ONLY?.split(",");
if (only) for (const name of Object.keys(scorers)) if (!only.some((prefix) => name.startsWith(prefix))) delete scorers[name];

for (const file of process.argv.slice(2)) {
  const dump = JSON.parse(await readFile(file, "utf8")) as Dump;
  const pools = dump.queries.map((q) => ({ q, p: pool(q), judged: new Map(Object.entries(dump.qrels[q.id] ?? {})) }));
  console.log(`${dump.collection} (${pools.length} queries)`);
  for (const [name, scorer] of Object.entries(scorers)) {
    const per = pools.map(({ q, p, judged }) => rankingMetrics(ranking(dump, p, scorer(p, q)), judged).ndcg10);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(`  ${name.padEnd(18)} ${mean(per).toFixed(3)}  A ${mean(per.filter((_, i) => i % 2 === 0)).toFixed(3)}  B ${mean(per.filter((_, i) => i % 2 === 1)).toFixed(3)}`);
  }
  const oracle = meanMetrics(pools.map(({ q, p, judged }) => {
    let best = rankingMetrics(ranking(dump, p, convex(0.5)(p, q)), judged);
    for (let a = 0; a <= 1.0001; a += 0.05) {
      const m = rankingMetrics(ranking(dump, p, convex(a, (x) => x.cosine, false)(p, q)), judged);
      if (m.ndcg10 > best.ndcg10) best = m;
    }
    return best;
  }));
  console.log(`  oracle α per query  ${oracle.ndcg10.toFixed(3)}`);
}
