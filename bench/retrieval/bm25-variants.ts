import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/bm25-variants.ts <BEIR folder>: which difference between the in-memory BM25 baseline and
// the SQL full-text ranking costs what (stop words in the query, length in words or cl100k tokens).
const c = await loadBeir(process.argv[2] ?? "");
const stop = new Set([...stopwords].map(normalizeSearchText));
const docs = c.documents.filter((d) => documentText(d).trim() !== "").map((d) => {
  const all = tokenize(normalizeSearchText(documentText(d)));
  const tf = new Map<string, number>();
  for (const t of all) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { id: d.id, tf, words: Math.max(1, all.length), tokens: Math.max(1, countTokens(documentText(d))) };
});
const df = new Map<string, number>();
for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
const n = docs.length;
const run = (name: string, dropStop: boolean, length: "words" | "tokens") => {
  const avg = docs.reduce((a, d) => a + d[length], 0) / n;
  const per = c.queries.map((q) => {
    const terms = [...new Set(tokenize(normalizeSearchText(q.text)))].filter((t) => !dropStop || !stop.has(t));
    const scored = docs.map((d) => {
      let s = 0;
      for (const t of terms) { const f = d.tf.get(t); if (!f) continue; const idf = Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5)); s += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d[length] / avg)); }
      return { id: d.id, s };
    }).filter((x) => x.s > 0).sort((a, b) => b.s - a.s).slice(0, 10).map((x) => x.id);
    return rankingMetrics(scored, c.qrels.get(q.id) ?? new Map());
  });
  const m = meanMetrics(per);
  console.log(`${c.name} ${name.padEnd(30)} ${m.ndcg10.toFixed(3)}/${m.recall10.toFixed(3)}/${m.mrr10.toFixed(3)}`);
};
run("all words, length in words", false, "words");
run("stop words dropped, words", true, "words");
run("all words, cl100k tokens", false, "tokens");
run("stop words dropped, tokens", true, "tokens");
