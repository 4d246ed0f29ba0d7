import { readFile } from "node:fs/promises";
import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/prf-study.ts <BEIR folder> <candidates.json from dump-candidates.ts>
// Offline study of pseudo-relevance feedback (RM3) on the full-text side of the DBSF hybrid, on one dump.
// Full text is emulated in memory at the document level (same tokens, stop words and BM25 k1 1.2 / b 0.75 as
// full-text-search.ts, lengths in cl100k tokens like chunk.tokenCount; checked against the dumped full-text ranking); cosines come from the dump (a document
// outside both dumped lists gets the 200th vector score, an upper bound, or 0 with FLOOR=0).
// Parameters are the Anserini RM3 defaults (fbDocs 10, fbTerms 10, originalQueryWeight 0.5), not fitted.

interface Dump {
  documents: Record<string, string[]>;
  queries: Array<{ id: string; text: string; vector: Array<{ documentId: string; score: number }>; fullText: Array<{ documentId: string; score: number; similarity: number | null }> }>;
}

const K1 = 1.2;
const B = 0.75;
const stop = new Set([...stopwords].map(normalizeSearchText));
const terms = (text: string) => tokenize(normalizeSearchText(text)).filter((t) => !stop.has(t));

async function main(): Promise<void> {
  const [folder, dumpPath] = process.argv.slice(2);
  const collection = await loadBeir(folder ?? "");
  const dump = JSON.parse(await readFile(dumpPath ?? "", "utf8")) as Dump;
  const beir = (id: string) => dump.documents[id]?.[0] ?? id;
  const docs = collection.documents.filter((d) => documentText(d).trim() !== "");
  const tf = docs.map((d) => { const m = new Map<string, number>(); const all = tokenize(normalizeSearchText(documentText(d))); for (const t of all) m.set(t, (m.get(t) ?? 0) + 1); return { id: d.id, m, len: Math.max(1, process.env.LENGTH === "words" ? all.length : countTokens(documentText(d))) }; });
  const df = new Map<string, number>();
  for (const d of tf) for (const t of d.m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = tf.length;
  const avgdl = tf.reduce((a, d) => a + d.len, 0) / n;
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const bm25 = (weights: Map<string, number>) => tf.map((d) => {
    let s = 0;
    for (const [t, w] of weights) { const f = d.m.get(t); if (f) s += w * idf(t) * f * (K1 + 1) / (f + K1 * (1 - B + B * d.len / avgdl)); }
    return { id: d.id, score: s };
  }).filter((h) => h.score > 0).sort((a, b) => b.score - a.score);
  const rm3 = (query: Map<string, number>, feedback: Array<{ id: string; score: number }>, fbTerms: number, origWeight: number) => {
    const rel = new Map<string, number>();
    const total = feedback.reduce((a, h) => a + h.score, 0) || 1;
    for (const h of feedback) {
      const d = tf.find((x) => x.id === h.id); if (!d) continue;
      for (const [t, f] of d.m) if (!stop.has(t) && !/^\d+$/.test(t)) rel.set(t, (rel.get(t) ?? 0) + (h.score / total) * (f / d.len));
    }
    const top = [...rel].sort((a, b) => b[1] - a[1]).slice(0, fbTerms);
    const sum = top.reduce((a, [, w]) => a + w, 0) || 1;
    const qsum = [...query.values()].reduce((a, b) => a + b, 0) || 1;
    const out = new Map<string, number>();
    for (const [t, w] of query) out.set(t, origWeight * w / qsum);
    for (const [t, w] of top) out.set(t, (out.get(t) ?? 0) + (1 - origWeight) * w / sum);
    return out;
  };
  const stats = (v: number[]) => { const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length); const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length)) || 1; return { mean, sd }; };
  const floorMode = process.env.FLOOR ?? "v200";
  const fuse = (q: Dump["queries"][number], text: Array<{ id: string; score: number }>, depth = 100, alpha = 0.5) => {
    const sim = new Map<string, number>();
    for (const h of q.fullText) if (h.similarity !== null) { const id = beir(h.documentId); sim.set(id, Math.max(sim.get(id) ?? -1, h.similarity)); }
    for (const h of q.vector) { const id = beir(h.documentId); sim.set(id, Math.max(sim.get(id) ?? -1, h.score)); }
    const floor = floorMode === "0" ? 0 : (q.vector.at(-1)?.score ?? 0);
    const t = text.slice(0, depth); const s = stats(t.map((h) => h.score));
    const ts = new Map(t.map((h) => [h.id, Math.min(1, Math.max(0, (h.score - (s.mean - 3 * s.sd)) / (6 * s.sd)))]));
    const ids = new Set([...ts.keys(), ...q.vector.slice(0, depth).map((h) => beir(h.documentId))]);
    return [...ids].map((id) => ({ id, score: alpha * (ts.get(id) ?? 0) + (1 - alpha) * (sim.get(id) ?? floor) })).sort((a, b) => b.score - a.score);
  };
  const systems: Record<string, (q: Dump["queries"][number]) => string[]> = {
    "dumped fulltext": (q) => [...new Set(q.fullText.map((h) => beir(h.documentId)))],
    "emulated fulltext": (q) => bm25(new Map(terms(q.text).map((t) => [t, 1]))).map((h) => h.id),
    "hybrid (dumped text, DBSF)": (q) => fuse(q, (() => { const m = new Map<string, number>(); for (const h of q.fullText) { const id = beir(h.documentId); if (!m.has(id)) m.set(id, h.score); } return [...m].map(([id, score]) => ({ id, score })); })()).map((h) => h.id),
    "hybrid (emulated text, DBSF)": (q) => fuse(q, bm25(new Map(terms(q.text).map((t) => [t, 1])))).map((h) => h.id),
  };
  const qmap = (q: { text: string }) => { const m = new Map<string, number>(); for (const t of terms(q.text)) m.set(t, (m.get(t) ?? 0) + 1); return m; };
  for (const [fbDocs, fbTerms, w] of [[10, 10, 0.5], [3, 10, 0.5]] as const) {
    systems[`RM3 text fb${fbDocs}/${fbTerms}/${w}`] = (q) => { const first = bm25(qmap(q)); return bm25(rm3(qmap(q), first.slice(0, fbDocs), fbTerms, w)).map((h) => h.id); };
    systems[`hybrid + RM3 text fb${fbDocs}/${fbTerms}/${w}`] = (q) => { const first = bm25(qmap(q)); return fuse(q, bm25(rm3(qmap(q), first.slice(0, fbDocs), fbTerms, w))).map((h) => h.id); };
    // Feedback documents from the first-pass hybrid ranking (text and vector agree), weighted by fused score.
    systems[`hybrid + RM3 from hybrid fb${fbDocs}/${fbTerms}/${w}`] = (q) => { const first = fuse(q, bm25(qmap(q))); return fuse(q, bm25(rm3(qmap(q), first.slice(0, fbDocs), fbTerms, w))).map((h) => h.id); };
  }
  const only = process.env.ONLY;
  for (const [name, run] of Object.entries(systems)) {
    if (only && !name.includes(only)) continue;
    // Same halves as fusion-study.ts: positions in the dump's query list.
    const per = dump.queries.map((q, i) => ({ i, m: rankingMetrics(run(q).slice(0, 10), collection.qrels.get(q.id) ?? new Map()) }));
    const f = (xs: typeof per) => { const m = meanMetrics(xs.map((x) => x.m)); return `${m.ndcg10.toFixed(3)}/${m.recall10.toFixed(3)}/${m.mrr10.toFixed(3)}`; };
    console.log(`${name.padEnd(44)} all ${f(per)}  even ${f(per.filter((x) => x.i % 2 === 0))}  odd ${f(per.filter((x) => x.i % 2 === 1))}`);
  }
}

await main();
