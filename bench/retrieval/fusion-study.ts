import { readFile } from "node:fs/promises";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";

// tsx bench/retrieval/fusion-study.ts <candidates.json from dump-candidates.ts>
// Compares fusion functions offline on dumped candidates, choosing on one half of the queries (even positions)
// and reporting the other half (odd positions) as a holdout.

interface TextHit { chunkId: string; documentId: string; score: number; coverage: number; similarity: number | null }
interface VectorHit { chunkId: string; documentId: string; score: number }
interface Dump {
  documents: Record<string, string[]>;
  qrels: Record<string, Record<string, number>>;
  queries: Array<{ id: string; text: string; vector: VectorHit[]; fullText: TextHit[] }>;
}

type Fusion = (vector: VectorHit[], text: TextHit[]) => Array<{ documentId: string; score: number }>;

const stats = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length)) || 1;
  return { mean, sd, max: Math.max(0, ...values), min: values.length > 0 ? Math.min(...values) : 0 };
};

function fuse(depth: number, alpha: number, normText: string, normVector: string): Fusion {
  return (vectorAll, textAll) => {
    const vector = vectorAll.slice(0, depth);
    const text = textAll.slice(0, depth);
    const sim = new Map<string, number>();
    const doc = new Map<string, string>();
    for (const hit of text) { if (hit.similarity !== null) sim.set(hit.chunkId, hit.similarity); doc.set(hit.chunkId, hit.documentId); }
    for (const hit of vector) { sim.set(hit.chunkId, hit.score); doc.set(hit.chunkId, hit.documentId); }
    const t = stats(text.map((h) => h.score));
    const v = stats(vector.map((h) => h.score));
    // dbsf: distribution-based score fusion, (s - (mean - 3 sd)) / 6 sd, clipped to 0..1.
    const norm = (kind: string, x: ReturnType<typeof stats>, s: number) =>
      kind === "raw" ? s : kind === "max" ? s / (x.max || 1) : kind === "minmax" ? (s - x.min) / ((x.max - x.min) || 1)
        : kind === "dbsf" ? Math.min(1, Math.max(0, (s - (x.mean - 3 * x.sd)) / (6 * x.sd)))
        : kind === "dbsfmax" ? Math.max(0, (s - (x.mean - 3 * x.sd)) / ((x.max - (x.mean - 3 * x.sd)) || 1)) : (s - x.mean) / x.sd;
    const normT = (s: number) => norm(normText, t, s);
    const normV = (s: number) => norm(normVector, v, s);
    const textScore = new Map(text.map((h) => [h.chunkId, normT(h.score)]));
    // A chunk missing from one list gets that list's floor (0 for max/minmax, the list minimum for z-scores).
    const textFloor = normText === "z" ? normT(t.min) : 0;
    const vectorFloor = normVector === "z" ? normV(v.min) : 0;
    return [...doc.keys()].map((id) => ({
      documentId: doc.get(id) ?? id,
      score: alpha * (textScore.get(id) ?? textFloor) + (1 - alpha) * (sim.has(id) ? normV(sim.get(id) ?? 0) : vectorFloor),
    })).sort((a, b) => b.score - a.score);
  };
}

async function main(): Promise<void> {
  const dump = JSON.parse(await readFile(process.argv[2] ?? "", "utf8")) as Dump;
  const evaluate = (fusion: Fusion, half: 0 | 1 | "all"): RankingMetrics => {
    const metrics = dump.queries.filter((_, i) => half === "all" || i % 2 === half).map((q) => {
      const ranking = toDocumentRanking(fusion(q.vector, q.fullText).flatMap((h) => dump.documents[h.documentId] ?? [h.documentId])).slice(0, 10);
      return rankingMetrics(ranking, new Map(Object.entries(dump.qrels[q.id] ?? {})));
    });
    return meanMetrics(metrics);
  };
  const textOnly: Fusion = (_v, text) => text.map((h) => ({ documentId: h.documentId, score: h.score }));
  const base = { A: evaluate(textOnly, 0), B: evaluate(textOnly, 1), all: evaluate(textOnly, "all") };
  console.log(`fulltext  A ${base.A.ndcg10.toFixed(3)}  B ${base.B.ndcg10.toFixed(3)}  all ${base.all.ndcg10.toFixed(3)} mrr ${base.all.mrr10.toFixed(3)}`);
  const rows: Array<{ name: string; A: number; B: number; all: RankingMetrics }> = [];
  for (const depth of [50, 100, 200])
    for (const normText of (process.env.NORM_TEXT ?? "max,minmax,z,dbsf,dbsfmax").split(","))
      for (const normVector of (process.env.NORM_VECTOR ?? "raw,max,minmax,z,dbsf").split(","))
        for (const alpha of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
          const fusion = fuse(depth, alpha, normText, normVector);
          rows.push({ name: `d${depth} t:${normText} v:${normVector} a${alpha}`, A: evaluate(fusion, 0).ndcg10, B: evaluate(fusion, 1).ndcg10, all: evaluate(fusion, "all") });
        }
  rows.sort((a, b) => b.A - a.A);
  for (const row of rows.slice(0, 25)) console.log(`${row.name.padEnd(32)} A ${row.A.toFixed(3)}  B ${row.B.toFixed(3)}  all ${row.all.ndcg10.toFixed(3)} mrr ${row.all.mrr10.toFixed(3)}`);
  for (const name of ["d50 t:max v:raw a0.5", "d50 t:z v:z a0.5", "d50 t:minmax v:minmax a0.5", "d100 t:z v:z a0.5"]) {
    const row = rows.find((r) => r.name === name);
    if (row) console.log(`REF ${row.name.padEnd(28)} A ${row.A.toFixed(3)}  B ${row.B.toFixed(3)}  all ${row.all.ndcg10.toFixed(3)} mrr ${row.all.mrr10.toFixed(3)}`);
  }
}

await main();
