import { readFile } from "node:fs/promises";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// tsx bench/retrieval/adaptive-study.ts <candidates.json from dump-candidates.ts>...
// Offline look at query-adaptive fusion (no feedback): per collection, the signals that could tell whether the
// vector side is informative for a query, and nDCG@10 of the convex combination with the vector weight each
// rule gives.

interface TextHit { chunkId: string; documentId: string; score: number; coverage: number; similarity: number | null }
interface VectorHit { chunkId: string; documentId: string; score: number }
interface Query { id: string; text: string; vector: VectorHit[]; fullText: TextHit[] }
interface Dump { collection: string; documents: Record<string, string[]>; qrels: Record<string, Record<string, number>>; queries: Query[] }

const DEPTH = 100;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

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
  return { coverage: top10[0]?.coverage ?? 0, corr, spear, overlap, separation, agreement, latin, topCos: vs[0] ?? 0, textTopSim };
}
export type Features = ReturnType<typeof features>;

function fuse(q: Query, textWeight: number): string[] {
  const vector = q.vector.slice(0, DEPTH);
  const text = q.fullText.slice(0, DEPTH);
  const sim = new Map<string, number>();
  const doc = new Map<string, string>();
  for (const h of text) { if (h.similarity !== null) sim.set(h.chunkId, h.similarity); doc.set(h.chunkId, h.documentId); }
  for (const h of vector) { sim.set(h.chunkId, h.score); doc.set(h.chunkId, h.documentId); }
  const best = Math.max(0, ...text.map((h) => h.score)) || 1;
  const t = new Map(text.map((h) => [h.chunkId, h.score / best]));
  const ids = textWeight >= 1 ? text.map((h) => h.chunkId) : [...doc.keys()];
  return ids
    .map((id) => ({ id, s: textWeight * (t.get(id) ?? 0) + (1 - textWeight) * (sim.get(id) ?? 0) }))
    .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
    .map((x) => doc.get(x.id) ?? x.id);
}

type Rule = (f: Features) => number; // text weight

const rules: Record<string, Rule> = {
  fixed: () => 0.5,
  textOnly: () => 1,
  ...Object.fromEntries([0.1, 0.15, 0.2, 0.25, 0.3].map((c) => [`corr<${c}`, (f: Features) => (f.corr < c ? 1 : 0.5)])),
  ...Object.fromEntries([0.1, 0.2, 0.3].map((c) => [`corrRamp${c}`, (f: Features) => 1 - 0.5 * Math.min(1, Math.max(0, f.corr / c))])),
  ...Object.fromEntries([0.5, 1, 1.5, 2].map((c) => [`agree<${c}`, (f: Features) => (f.agreement < c ? 1 : 0.5)])),
  ...Object.fromEntries([1, 2, 3].map((c) => [`agreeRamp${c}`, (f: Features) => 1 - 0.5 * Math.min(1, Math.max(0, f.agreement / c))])),
  ...Object.fromEntries([0.1, 0.2, 0.3].map((c) => [`overlap<${c}`, (f: Features) => (f.overlap < c ? 1 : 0.5)])),
  ...Object.fromEntries([0.1, 0.2, 0.3].flatMap((c) => [0.3, 0.5, 0.7].map((v) => [`corr<${c}&cov>=${v}`, (f: Features) => (f.corr < c && f.coverage >= v ? 1 : 0.5)]))),
  ...Object.fromEntries([0.05, 0.1, 0.15, 0.2].map((c) => [`spear<${c}`, (f: Features) => (f.spear < c ? 1 : 0.5)])),
  "latin<0.5": (f) => (f.latin < 0.5 ? 1 : 0.5),
};

async function main(): Promise<void> {
  const dumps = await Promise.all(process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, "utf8")) as Dump));
  const header = ["rule".padEnd(16), ...dumps.map((d) => d.collection.slice(0, 14).padStart(14))].join(" ");
  for (const d of dumps) {
    const fs = d.queries.map(features);
    const keys = Object.keys(fs[0] ?? {}) as Array<keyof Features>;
    console.log(`${d.collection}: ` + keys.map((k) => `${k} ${mean(fs.map((f) => f[k])).toFixed(3)}±${sd(fs.map((f) => f[k])).toFixed(3)}`).join("  "));
  }
  console.log(header);
  for (const [name, rule] of Object.entries(rules)) {
    const cells = dumps.map((d) => {
      const per = d.queries.map((q) => {
        const ranking = toDocumentRanking(fuse(q, rule(features(q))).flatMap((id) => d.documents[id] ?? [id])).slice(0, 10);
        return rankingMetrics(ranking, new Map(Object.entries(d.qrels[q.id] ?? {})));
      });
      const share = mean(d.queries.map((q) => (rule(features(q)) >= 1 ? 1 : 0)));
      return `${meanMetrics(per).ndcg10.toFixed(3)} (${(share * 100).toFixed(0).padStart(3)}%)`;
    });
    console.log([name.padEnd(16), ...cells.map((c) => c.padStart(14))].join(" "));
  }
}

await main();
