import { readFile } from "node:fs/promises";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// tsx bench/retrieval/fusion-multi.ts <dump.json> <dump.json> …
// Fusion functions on several dumped collections at once, reported as a ratio to each one's full-text ranking.
interface TextHit { chunkId: string; documentId: string; score: number; coverage: number; similarity: number | null }
interface VectorHit { chunkId: string; documentId: string; score: number }
interface Dump { collection: string; documents: Record<string, string[]>; qrels: Record<string, Record<string, number>>; queries: Array<{ id: string; vector: VectorHit[]; fullText: TextHit[] }> }
type Fusion = (vector: VectorHit[], text: TextHit[]) => Array<{ documentId: string; score: number }>;
const stats = (v: number[]) => { const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length); const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length)) || 1; return { mean, sd, max: Math.max(0, ...v), min: v.length ? Math.min(...v) : 0 }; };
const norm = (kind: string, x: ReturnType<typeof stats>, s: number) =>
  kind === "raw" ? s : kind === "max" ? s / (x.max || 1) : kind === "minmax" ? (s - x.min) / ((x.max - x.min) || 1)
    : kind === "dbsf" ? Math.min(1, Math.max(0, (s - (x.mean - 3 * x.sd)) / (6 * x.sd)))
    : kind === "dbsfopen" ? Math.max(0, (s - (x.mean - 3 * x.sd)) / (6 * x.sd))
    : kind === "dbsfmax" ? Math.max(0, (s - (x.mean - 3 * x.sd)) / ((x.max - (x.mean - 3 * x.sd)) || 1)) : (s - x.mean) / x.sd;
function fuse(depth: number, alpha: number, nt: string, nv: string): Fusion {
  return (va, ta) => {
    const vector = va.slice(0, depth), text = ta.slice(0, depth);
    const sim = new Map<string, number>(), doc = new Map<string, string>();
    for (const h of text) { if (h.similarity !== null) sim.set(h.chunkId, h.similarity); doc.set(h.chunkId, h.documentId); }
    for (const h of vector) { sim.set(h.chunkId, h.score); doc.set(h.chunkId, h.documentId); }
    const t = stats(text.map((h) => h.score)), v = stats(vector.map((h) => h.score));
    const ts = new Map(text.map((h) => [h.chunkId, norm(nt, t, h.score)]));
    return [...doc.keys()].map((id) => ({ documentId: doc.get(id) ?? id, score: alpha * (ts.get(id) ?? 0) + (1 - alpha) * (sim.has(id) ? Math.max(0, norm(nv, v, sim.get(id) ?? 0)) : 0) })).sort((a, b) => b.score - a.score);
  };
}
const dumps = await Promise.all(process.argv.slice(2).map(async (p) => JSON.parse(await readFile(p, "utf8")) as Dump));
const evaluate = (d: Dump, f: Fusion) => meanMetrics(d.queries.map((q) => rankingMetrics(toDocumentRanking(f(q.vector, q.fullText).flatMap((h) => d.documents[h.documentId] ?? [h.documentId])).slice(0, 10), new Map(Object.entries(d.qrels[q.id] ?? {})))));
const text: Fusion = (_v, t) => t.map((h) => ({ documentId: h.documentId, score: h.score }));
const base = dumps.map((d) => evaluate(d, text));
console.log("fulltext", base.map((b, i) => `${dumps[i]!.collection} ${b.ndcg10.toFixed(3)}/${b.mrr10.toFixed(3)}`).join("  "));
const rows: Array<{ name: string; r: number[]; m: string }> = [];
for (const depth of [100])
  for (const nt of (process.env.NT ?? "max,dbsf,dbsfopen,dbsfmax,z,minmax").split(","))
    for (const nv of (process.env.NV ?? "raw,dbsf,dbsfopen,z,minmax,max").split(","))
      for (const alpha of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
        const f = fuse(depth, alpha, nt, nv);
        const ms = dumps.map((d) => evaluate(d, f));
        rows.push({ name: `t:${nt} v:${nv} a${alpha}`, r: ms.map((m, i) => m.ndcg10 / base[i]!.ndcg10), m: ms.map((m) => `${m.ndcg10.toFixed(3)}/${m.mrr10.toFixed(3)}`).join("  ") });
      }
rows.sort((a, b) => Math.min(...b.r) - Math.min(...a.r));
for (const row of rows.slice(0, 30)) console.log(row.name.padEnd(28), row.r.map((x) => x.toFixed(3)).join(" "), " ", row.m);
const ref = rows.find((r) => r.name === "t:dbsf v:raw a0.5");
if (ref) console.log("DEFAULT", ref.name, ref.r.map((x) => x.toFixed(3)).join(" "), ref.m);
