// What the in-memory retrieval studies (lsa-study.ts, glove-study.ts, gate-study.ts) share: the product's question
// terms, a BEIR collection's term statistics for BM25, and scores turned into rankings.
import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { joinedLetters } from "../../packages/rag/src/retrieval/letter-parts";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";

export const stop = new Set([...stopwords].map(normalizeSearchText));
export const termsOf = (text: string) => tokenize(normalizeSearchText(text));
/** A question's terms as the product searches them: stop words out, but letters joined to a name kept ("C++"). */
export const questionTerms = (text: string) => {
  const joined = joinedLetters(text);
  return termsOf(text).filter((term) => !stop.has(term) || joined.has(term));
};
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
/** The mean with its even and odd questions' halves, "0.8383 (0.804/0.873)". */
export const cell = (per: number[]) => `${mean(per).toFixed(4)} (${mean(per.filter((_, i) => i % 2 === 0)).toFixed(3)}/${mean(per.filter((_, i) => i % 2 === 1)).toFixed(3)})`;

/** The best `depth` documents' scores, min-max normalized over them. */
export function topScores(scores: Float64Array, depth: number): Map<number, number> {
  const order = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, depth);
  const top = new Map<number, number>();
  if (order.length === 0) return top;
  const max = scores[order[0]!]!;
  const min = order.length > 1 ? scores[order[order.length - 1]!]! : 0;
  for (const i of order) top.set(i, max > min ? (scores[i]! - min) / (max - min) : 1);
  return top;
}
/** The first ten document ids of a score map. */
export const rankOf = (scores: Map<number, number>, ids: string[]) =>
  [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10).map(([i]) => ids[i]!);

/** A BEIR folder's non-empty documents with their term frequencies, document frequencies and BM25's idf. */
export async function studyIndex(folder: string) {
  const collection = await loadBeir(folder);
  const kept = collection.documents.filter((d) => documentText(d).trim() !== "");
  const ids = kept.map((d) => d.id);
  const docs = kept.map((d) => {
    const tf = new Map<string, number>();
    for (const word of termsOf(documentText(d))) tf.set(word, (tf.get(word) ?? 0) + 1);
    return { tf, length: Math.max(1, countTokens(documentText(d))) };
  });
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const idf = (term: string) => Math.log(1 + (n - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5));
  return { collection, kept, ids, docs, df, n, average, idf };
}
