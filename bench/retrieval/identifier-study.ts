import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/identifier-study.ts <BEIR folder> ...
// In memory, at the document level, BM25 only (no word forms, no vectors): what splitting camelCase identifiers
// ("getElementById" → get element by id; "HTTPServer" → http server) would do if the stored search text were
// re-parsed that way (snake_case and dotted names are split already: search-normalization.ts). Variants: `today`
// (no split), `split` (identifiers replaced by their parts), `both` (the joined word kept, its parts added).
// nDCG@10 over all queries and per half (even / odd positions).

const K1 = 1.2;
const B = 0.75;
const stop = new Set([...stopwords].map(normalizeSearchText));
const camel = /\b[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll})[\p{L}\p{N}]*\b/gu;
const parts = (word: string) => word.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
const variants = {
  today: (text: string) => text,
  split: (text: string) => text.replace(camel, parts),
  both: (text: string) => text.replace(camel, (word) => `${word} ${parts(word)}`),
};

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const documents = collection.documents.filter((d) => documentText(d).trim() !== "");
  const identifiers = documents.reduce((sum, d) => sum + (documentText(d).match(camel)?.length ?? 0), 0);
  const cells: string[] = [];
  for (const [name, rewrite] of Object.entries(variants)) {
    const docs = documents.map((d) => {
      const tf = new Map<string, number>();
      for (const word of tokenize(normalizeSearchText(rewrite(documentText(d))))) tf.set(word, (tf.get(word) ?? 0) + 1);
      return { id: d.id, tf, length: Math.max(1, countTokens(documentText(d))) };
    });
    const df = new Map<string, number>();
    for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = docs.length;
    const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
    const rows = collection.queries.flatMap((query, at) => {
      const judgments = collection.qrels.get(query.id);
      if (!judgments || ![...judgments.values()].some((grade) => grade > 0)) return [];
      const terms = [...new Set(tokenize(normalizeSearchText(rewrite(query.text))).filter((term) => !stop.has(term)))];
      const ranking = docs
        .map((doc) => {
          let score = 0;
          for (const term of terms) {
            const f = doc.tf.get(term);
            const d = df.get(term) ?? 0;
            if (f) score += Math.log(1 + (n - d + 0.5) / (d + 0.5)) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / average)));
          }
          return { id: doc.id, score };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
        .slice(0, 10)
        .map((hit) => hit.id);
      return [{ at, metrics: rankingMetrics(ranking, judgments) }];
    });
    const fmt = (xs: typeof rows) => meanMetrics(xs.map((x) => x.metrics)).ndcg10.toFixed(4);
    cells.push(`${name} ${fmt(rows)} (${fmt(rows.filter((r) => r.at % 2 === 0))}/${fmt(rows.filter((r) => r.at % 2 === 1))})`);
  }
  console.log(`${collection.name.padEnd(10)} camelCase words ${identifiers}: ${cells.join("  ")}`);
}
