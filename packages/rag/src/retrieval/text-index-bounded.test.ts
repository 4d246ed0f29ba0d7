import { describe, expect, it } from "vitest";
import { BM25_B, BM25_K1 } from "./bm25-parameters";
import { chunkIdOf, documentFrequency, scoreTextIndexes, type IndexQueryTerm, type ScoredChunk, type TextIndex } from "./text-index";
import { TextIndexPacker } from "./text-index-build.mjs";

// Bounded scoring (block-max MaxScore, text-index-bounded.ts) against exhaustive scoring of every posting on random
// Zipf indexes: the same chunks in the same order with the same scores, bit for bit, whatever the query. No database.

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const VOCABULARY = 4_000;
const word = (rank: number) => `w${rank}`;

/** A word rank drawn from a Zipf distribution (s = 1) over the vocabulary. */
function zipfDraw(next: () => number): () => number {
  const cumulative = new Float64Array(VOCABULARY);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY; rank += 1) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = next() * total;
    let [low, high] = [0, VOCABULARY - 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/**
 * An index of Zipf chunks of 20–300 words. Every 40th chunk repeats an earlier chunk's text and length, so many
 * scores tie exactly and the chunk id decides; ids are not in arrival order.
 */
function zipfIndex(chunks: number, seed: number, knowledgeBaseId = "kb", longest = 300): TextIndex {
  const next = random(seed);
  const draw = zipfDraw(next);
  const packer = new TextIndexPacker();
  const texts: Array<{ fts: string; length: number }> = [];
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    let text = texts[Math.floor(next() * texts.length)];
    if (chunk % 40 !== 39 || !text) {
      const length = 20 + Math.floor(next() * (longest - 19));
      const tfs = new Map<number, number>();
      for (let at = 0; at < length; at += 1) {
        const rank = draw();
        tfs.set(rank, (tfs.get(rank) ?? 0) + 1);
      }
      const fts = [...tfs].map(([rank, tf]) => `'${word(rank)}':${Array.from({ length: Math.min(tf, 256) }, (_, at) => at + 1).join(",")}`).join(" ");
      text = { fts, length: Math.round(1.3 * length) };
    }
    texts.push(text);
    packer.addChunk(`${knowledgeBaseId}-${(chunk * 7_919) % chunks}-${chunk}`, `d${chunk % 61}`, text.length, text.fts);
  }
  return { ...packer.finish({ k1: BM25_K1, b: BM25_B }), knowledgeBaseId, generation: 1n };
}

/** A query of 1–8 Zipf words, sometimes a rare one or one the index lacks; IDFs from the indexes' document frequencies. */
function zipfQuery(next: () => number, draw: () => number, indexes: readonly TextIndex[], df: (lexeme: string) => number): IndexQueryTerm[] {
  const chunks = indexes.reduce((sum, index) => sum + index.chunkCount, 0);
  const ranks = new Set(Array.from({ length: 1 + Math.floor(next() * 8) }, draw));
  if (next() < 0.4) ranks.add(1_000 + Math.floor(next() * (VOCABULARY - 1_000)));
  if (next() < 0.1) ranks.add(VOCABULARY + 5);
  return [...ranks].map((rank) => {
    const lexeme = word(rank);
    const documents = df(lexeme);
    return { lexeme, weight: 1, idf: Math.log(1 + (chunks - documents + 0.5) / (documents + 0.5)), original: true };
  });
}

const describeHits = (hits: readonly ScoredChunk[]) => hits.map((hit) => ({ id: chunkIdOf(hit.index, hit.ordinal), score: hit.score, matched: hit.matched }));

function expectSame(indexes: readonly TextIndex[], terms: readonly IndexQueryTerm[], limit: number, accept: (index: TextIndex, ordinal: number) => boolean = () => true): number {
  const chunks = indexes.reduce((sum, index) => sum + index.chunkCount, 0);
  const averageLength = Math.max(indexes.reduce((sum, index) => sum + index.tokenSum, 0) / chunks, 1);
  const exhaustive = scoreTextIndexes(indexes, terms, averageLength, limit, accept, undefined, "exhaustive");
  const bounded = scoreTextIndexes(indexes, terms, averageLength, limit, accept, undefined, "bounded");
  expect(describeHits(bounded)).toEqual(describeHits(exhaustive));
  return exhaustive.length;
}

describe("bounded scoring of the in-memory index", () => {
  const index = zipfIndex(30_000, 11);
  const df = (lexeme: string) => documentFrequency(index, lexeme);
  const next = random(5);
  const draw = zipfDraw(next);

  it("keeps exhaustive scoring's top k, order and scores for random Zipf queries at several k", () => {
    let found = 0;
    for (let query = 0; query < 120; query += 1) {
      const terms = zipfQuery(next, draw, [index], df);
      for (const limit of [1, 10, 100]) found += expectSame([index], terms, limit);
    }
    expect(found).toBeGreaterThan(120 * 100);
  });

  it("keeps ties in chunk id order, k larger than the matches, a single term, and no terms at all", () => {
    // Ties: repeated chunks score alike; a limit beyond the matches keeps every match.
    for (const rank of [0, 3, 40, 900, 3_500]) {
      const terms = [{ lexeme: word(rank), weight: 1, idf: 1.5, original: true }];
      expect(expectSame([index], terms, df(word(rank)) + 50)).toBe(df(word(rank)));
      expectSame([index], terms, 7);
    }
    const tied = scoreTextIndexes([index], [{ lexeme: word(0), weight: 1, idf: 1, original: true }], index.tokenSum / index.chunkCount, 500, () => true, undefined, "bounded");
    expect(tied.some((hit, at) => at > 0 && hit.score === tied[at - 1]!.score)).toBe(true);
    expect(scoreTextIndexes([index], [], index.tokenSum / index.chunkCount, 10, () => true, undefined, "bounded")).toEqual([]);
    expect(expectSame([index], [{ lexeme: "absent", weight: 1, idf: 3, original: true }], 10)).toBe(0);
  });

  it("keeps word-form classes, feedback weights and terms of weight 0 as exhaustive scoring does", () => {
    for (let query = 0; query < 60; query += 1) {
      const terms = zipfQuery(next, draw, [index], df);
      const [first] = terms;
      // Two other "forms" of the first word, counted 0.5 each in its class; a feedback term; a zero-weight term.
      const forms = [draw(), 2_000 + Math.floor(next() * 1_000)].map((rank) => ({ ...first!, lexeme: word(rank), original: false, group: 0, form: 0.5 }));
      const feedback = { lexeme: word(draw()), weight: 0.3, idf: 2.1, original: false };
      const zero = { lexeme: word(draw()), weight: 0, idf: 1, original: true };
      expectSame([index], [{ ...first!, group: 0 }, ...forms, ...terms.slice(1), feedback, zero], 100);
    }
  });

  it("leaves out chunks of documents that are not ready or filtered out", () => {
    const accept = (_: TextIndex, ordinal: number) => index.chunkDocument[ordinal]! % 5 !== 0;
    for (let query = 0; query < 40; query += 1) {
      const terms = zipfQuery(next, draw, [index], df);
      expectSame([index], terms, 100, accept);
      expectSame([index], terms, 100, () => false);
    }
  });

  it("searches several indexes at once, at an average length other than each index's own", () => {
    const other = zipfIndex(8_000, 23, "other");
    // Much longer chunks here: the shared average moves away from the first index's.
    const long = zipfIndex(3_000, 29, "long", 1_500);
    const indexes = [index, other, long];
    const allDf = (lexeme: string) => indexes.reduce((sum, each) => sum + documentFrequency(each, lexeme), 0);
    for (let query = 0; query < 40; query += 1) expectSame(indexes, zipfQuery(next, draw, indexes, allDf), 100);
  });
});
