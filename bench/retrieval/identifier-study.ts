import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { bm25Ndcg } from "./term-bm25-study";

// tsx bench/retrieval/identifier-study.ts <BEIR folder> ...
// In memory, at the document level, BM25 only (no word forms, no vectors): what splitting camelCase identifiers
// ("getElementById" → get element by id; "HTTPServer" → http server) does to the stored search text (snake_case
// and dotted names are split already: search-normalization.ts). Variants: `before` (no split: the text lowercased
// first), `split` (identifiers replaced by their parts), `both` (the joined word kept, its parts added: session 10's
// rule), `queriesToo` (normalizeSearchText's parse on documents and questions), `product` (documents parsed so,
// questions whole as questionSearchText keeps them: identifier-parts.ts, migration 20261206033000).
// nDCG@10 over all queries and per half (even / odd positions). Title and text on one line, so that the title does
// not count twice as a heading (heading-weight.ts): that is title-weight-study.ts' question.

const stop = new Set([...stopwords].map(normalizeSearchText));
const camel = /\b[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll})[\p{L}\p{N}]*\b/gu;
const parts = (word: string) => word.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
const variants = {
  before: (text: string) => text.toLowerCase(),
  split: (text: string) => text.replace(camel, parts).toLowerCase(),
  both: (text: string) => text.replace(camel, (word) => `${word} ${parts(word)}`).toLowerCase(),
  queriesToo: (text: string) => text,
  product: (text: string, isQuery = false) => (isQuery ? text.toLowerCase() : text),
};

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const documents = collection.documents.filter((d) => documentText(d).trim() !== "");
  const identifiers = documents.reduce((sum, d) => sum + (documentText(d).match(camel)?.length ?? 0), 0);
  const cells: string[] = [];
  for (const [name, rewrite] of Object.entries(variants)) {
    const docs = documents.map((d) => {
      const tf = new Map<string, number>();
      for (const word of tokenize(normalizeSearchText(rewrite(`${d.title} ${d.text}`)))) tf.set(word, (tf.get(word) ?? 0) + 1);
      return { id: d.id, tf, length: Math.max(1, countTokens(documentText(d))) };
    });
    const terms = (text: string) => tokenize(normalizeSearchText(rewrite(text, true))).filter((term) => !stop.has(term));
    cells.push(`${name} ${bm25Ndcg(collection, docs, terms)}`);
  }
  console.log(`${collection.name.padEnd(10)} camelCase words ${identifiers}: ${cells.join("  ")}`);
}
