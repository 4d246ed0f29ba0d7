import { describe, expect, it } from "vitest";
import { BM25_B, BM25_K1 } from "./bm25-parameters";
import { chunkIdOf, chunkOrdinalOf, documentFrequency, scoreTextIndexes, textIndexBytes, type TextIndex } from "./text-index";
import { BLOCK_POSTINGS, TextIndexPacker } from "./text-index-build.mjs";

// The packed postings (varint gaps, one-byte term frequencies, skip blocks) against a plain reckoning of the same
// chunks, with gaps of every varint width and lists of many blocks: no database needed.

const CHUNKS = 40_000;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Chunk ids whose order differs from the arrival order; terms common, rare (gaps > 16,383: three-byte varints) and one-off. */
function corpus(): Array<{ id: string; document: string; length: number; tfs: Map<string, number> }> {
  const next = random(7);
  return Array.from({ length: CHUNKS }, (_, chunk) => {
    const tfs = new Map<string, number>();
    tfs.set("common", 1 + Math.floor(next() * 300));
    if (chunk % 3 === 0) tfs.set("third", 256);
    if (chunk % 20_000 === 7) tfs.set("rare", 2);
    if (next() < 0.01) tfs.set(`word${Math.floor(next() * 50)}`, 1 + Math.floor(next() * 3));
    if (chunk === CHUNKS - 1) tfs.set("it's ünïcødé", 1);
    return { id: `c${(chunk * 7_919) % CHUNKS}-${chunk}`, document: `d${chunk % 97}`, length: 10 + (chunk % 50), tfs };
  });
}

const tsvector = (tfs: Map<string, number>) =>
  [...tfs].map(([lexeme, tf]) => `'${lexeme.replaceAll("'", "''")}':${Array.from({ length: Math.min(tf, 256) }, (_, at) => at + 1).join(",")}`).join(" ");

describe("packed text index", () => {
  const chunks = corpus();
  const packer = new TextIndexPacker();
  for (let at = 0; at < chunks.length; at += 1_000) {
    const batch = chunks.slice(at, at + 1_000);
    packer.addBatch({ ids: batch.map((c) => c.id), documentIds: batch.map((c) => c.document), lengths: batch.map((c) => c.length), fts: batch.map((c) => tsvector(c.tfs)) });
  }
  const index: TextIndex = { ...packer.finish({ k1: BM25_K1, b: BM25_B }), knowledgeBaseId: "kb", generation: 1n };
  const averageLength = index.tokenSum / index.chunkCount;
  const expected = (lexeme: string) =>
    chunks.flatMap((chunk, ordinal) => {
      const tf = Math.min(chunk.tfs.get(lexeme) ?? 0, 256);
      if (tf === 0) return [];
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * chunk.length) / averageLength);
      return [{ id: chunk.id, ordinal, score: (2 * tf * (BM25_K1 + 1)) / (tf + norm) }];
    });
  const lexemes = ["common", "third", "rare", "word3", "it's ünïcødé"];

  it("keeps every chunk's id, document frequency and order", () => {
    expect(index.chunkCount).toBe(CHUNKS);
    expect(chunks.every((chunk, ordinal) => chunkIdOf(index, ordinal) === chunk.id)).toBe(true);
    for (const ordinal of [0, 1, 4_999, CHUNKS - 1]) expect(chunkOrdinalOf(index, chunks[ordinal]!.id)).toBe(ordinal);
    expect(chunkOrdinalOf(index, "missing")).toBe(-1);
    for (const lexeme of lexemes) expect(documentFrequency(index, lexeme)).toBe(expected(lexeme).length);
    expect(documentFrequency(index, "absent")).toBe(0);
    expect(index.postingCount).toBe(chunks.reduce((sum, chunk) => sum + chunk.tfs.size, 0));
    expect(index.blockStart[index.termDf.length]).toBeGreaterThan(CHUNKS / BLOCK_POSTINGS);
  });

  it("scores every posting exactly, through the postings and by looking chunks up", () => {
    const accept = () => true;
    for (const lexeme of lexemes) {
      const want = expected(lexeme).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      const terms = [{ lexeme, weight: 2, idf: 1, original: true }];
      const all = scoreTextIndexes([index], terms, averageLength, CHUNKS, accept);
      expect(all.map((hit) => chunkIdOf(index, hit.ordinal))).toEqual(want.map((hit) => hit.id));
      expect(Math.max(0, ...all.map((hit, at) => Math.abs(hit.score - want[at]!.score)))).toBeLessThan(1e-12);
      expect(all.every((hit) => hit.matched === 1)).toBe(true);
      // Feedback's second pass: some chunks that hold the term and some that do not, looked up one by one.
      const within = new Set([...want.slice(0, 300).map((hit) => hit.id), ...chunks.slice(0, 300).map((chunk) => chunk.id)]);
      const some = scoreTextIndexes([index], terms, averageLength, CHUNKS, accept, within);
      const wantSome = want.filter((hit) => within.has(hit.id));
      expect(some.map((hit) => chunkIdOf(index, hit.ordinal))).toEqual(wantSome.map((hit) => hit.id));
      expect(Math.max(0, ...some.map((hit, at) => Math.abs(hit.score - wantSome[at]!.score)))).toBeLessThan(1e-12);
    }
  });

  it("takes under 3 bytes a posting", () => {
    const bytes = index.postings.byteLength + index.blockChunk.byteLength + index.blockByte.byteLength;
    expect(bytes / index.postingCount).toBeLessThan(3);
    expect(textIndexBytes(index)).toBeGreaterThan(bytes);
  });
});
