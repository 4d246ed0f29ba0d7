/// <reference path="./wink-bm25-text-search.d.ts" />
import createWinkBm25 from "wink-bm25-text-search";

export interface Bm25Document {
  id: string;
  text: string;
}

export interface Bm25Params {
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalization, 0..1 (default 0.75). */
  b?: number;
}

export interface Bm25Index {
  search(query: string, limit: number): Array<{ id: string; score: number }>;
}

/**
 * A light, language-neutral tokenizer shared by corpus and queries: Unicode letters and digits, lowercased,
 * with combining marks removed (so "canción" and "cancion", or Arabic with and without harakat, match).
 * No stop words, no stemming.
 */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * tokenize, with German "ß" written "ss" as visitors type it ("Strasse" ~ "Straße", "Fuss" ~ "Fuß"): the words
 * extractive answers compare. Search's index keeps "ß" (frontdesk_search_text), so search tokenizes as before.
 */
export function answerTokens(text: string): string[] {
  const tokens = tokenize(text);
  return text.includes("ß") || text.includes("ẞ") ? tokens.map((token) => token.replaceAll("ß", "ss")) : tokens;
}

/**
 * In-memory Okapi BM25 (wink-bm25-text-search) used as the retrieval benchmark's baseline. IDF is
 * ln((N - n + 0.5) / (n + 0.5) + 1), as in Lucene.
 */
export function createBm25Index(documents: readonly Bm25Document[], params: Bm25Params = {}): Bm25Index {
  // wink refuses to consolidate fewer than three documents; empty padding documents keep tiny corpora
  // searchable (they only nudge N and the average length).
  const padding = Math.max(0, 3 - documents.length);
  const engine = createWinkBm25();
  engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: params.k1 ?? 1.2, b: params.b ?? 0.75, k: 1 } });
  engine.definePrepTasks([tokenize]);
  for (const document of documents) engine.addDoc({ text: document.text }, document.id);
  for (let index = 0; index < padding; index += 1) engine.addDoc({ text: "" }, `\u0000padding-${index}`);
  engine.consolidate(9);
  return {
    search(query, limit) {
      return engine
        .search(query, limit)
        .filter(([id]) => !id.startsWith("\u0000padding-"))
        .map(([id, score]) => ({ id, score }));
    },
  };
}
