import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// LENGTH=words|tokens WEIGHTS=0,0.25,1 tsx bench/retrieval/stopword-weight-study.ts <BEIR folder> ...
// In-memory BM25 at the document level (k1 1.2, b 0.75) where a question's function words (stopwords.ts) are kept
// with a weight instead of dropped: 0 is the product's full text (dropped), 1 the BM25 baseline (every word).
const fold = (word: string) => normalizeSearchText(word.toLowerCase().normalize("NFC"));
const product = new Set([...stopwords].flatMap((w) => [fold(w), fold(w.normalize("NFKD").replace(/\p{M}+/gu, ""))]));
const weights = (process.env.WEIGHTS ?? "0,0.1,0.25,0.5,1").split(",").map(Number);
const words = (text: string) => tokenize(normalizeSearchText(text));
for (const folder of process.argv.slice(2)) {
  const c = await loadBeir(folder);
  const docs = c.documents
    .filter((d) => documentText(d).trim() !== "")
    .map((d) => {
      const all = words(documentText(d));
      const tf = new Map<string, number>();
      for (const t of all) tf.set(t, (tf.get(t) ?? 0) + 1);
      return { id: d.id, tf, len: Math.max(1, process.env.LENGTH === "tokens" ? countTokens(documentText(d)) : all.length) };
    });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const avg = docs.reduce((a, d) => a + d.len, 0) / n;
  const row: string[] = [];
  for (const weight of weights) {
    const per = c.queries.map((q) => {
      const terms = [...new Set(words(q.text))].map((t) => ({ t, w: product.has(t) ? weight : 1 })).filter((x) => x.w > 0);
      const ranked = docs
        .map((d) => {
          let s = 0;
          for (const { t, w } of terms) {
            const f = d.tf.get(t);
            if (!f) continue;
            const idf = Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
            s += (w * idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avg));
          }
          return { id: d.id, s };
        })
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
        .slice(0, 10)
        .map((x) => x.id);
      return rankingMetrics(ranked, c.qrels.get(q.id) ?? new Map());
    });
    const m = meanMetrics(per);
    row.push(`${weight}: ${m.ndcg10.toFixed(4)}`);
  }
  console.log(`${c.name.padEnd(14)} ${row.join("  ")}`);
}
