import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { questionSearchText } from "../../packages/rag/src/retrieval/identifier-parts";
import { documentText, loadBeir } from "./load-beir";
import { bm25Ndcg } from "./term-bm25-study";

// tsx bench/retrieval/title-weight-study.ts <BEIR folder> ...
// In memory, at the document level, BM25 only (no word forms, no vectors), search text as the product parses it:
// what counting a document's title words `w` times (BM25F-style, the title's length counted once) would do.
// Today a title is the first line of the document's text, weight 1. nDCG@10 over all queries and per half.

const WEIGHTS = (process.env.WEIGHTS ?? "1,1.5,2,3").split(",").map(Number);
// Titles of more words than this count once (a chunk's first line weighs more only when it is heading-sized).
const MAX_WORDS = Number(process.env.MAX_WORDS ?? Infinity);
const MAX_CHARS = Number(process.env.MAX_CHARS ?? Infinity);
const stop = new Set([...stopwords].map(normalizeSearchText));
const termsOf = (text: string) => tokenize(normalizeSearchText(text));

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const documents = collection.documents.filter((d) => documentText(d).trim() !== "");
  const cells: string[] = [];
  for (const weight of WEIGHTS) {
    const docs = documents.map((d) => {
      const tf = new Map<string, number>();
      for (const word of termsOf(d.text)) tf.set(word, (tf.get(word) ?? 0) + 1);
      const title = termsOf(d.title);
      for (const word of title) tf.set(word, (tf.get(word) ?? 0) + (title.length <= MAX_WORDS && [...d.title.trim()].length <= MAX_CHARS ? weight : 1));
      return { id: d.id, tf, length: Math.max(1, countTokens(documentText(d))) };
    });
    const terms = (text: string) => termsOf(questionSearchText(text)).filter((term) => !stop.has(term));
    cells.push(`w${weight} ${bm25Ndcg(collection, docs, terms)}`);
  }
  console.log(`${collection.name.padEnd(10)} ${cells.join("  ")}`);
}
