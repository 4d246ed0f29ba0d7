/** A knowledge base's postings packed by text-index-build.mjs (text-index.ts documents the layout it reads). */
export interface PackedTextIndex {
  chunkCount: number;
  /** Every chunk id, concatenated in chunk order; chunk c's is chunkIds.slice(chunkIdStart[c], chunkIdStart[c + 1]). */
  chunkIds: string;
  chunkIdStart: Uint32Array;
  /** Chunk ordinals by id (JavaScript's string order), to find a chunk by id by bisection. */
  chunkIdOrder: Uint32Array;
  chunkDocument: Int32Array;
  /** greatest(tokenCount, 1) per chunk, as BM25 reads it. */
  chunkLength: Int32Array;
  documentIds: string[];
  /** Lexemes in JavaScript's string order, concatenated; term t's is lexicon.slice(lexemeStart[t], lexemeStart[t + 1]). */
  lexicon: string;
  lexemeStart: Uint32Array;
  /** Postings (document frequency) per term. */
  termDf: Uint32Array;
  /** Term t's postings are bytes [termStart[t], termStart[t + 1]) of `postings`: per chunk, in chunk order, the
   *  gap to the previous chunk − 1 as a varint (7 bits a byte, low first), then tf − 1 in one byte. */
  termStart: Uint32Array;
  postings: Uint8Array;
  /** Term t's skip blocks are [blockStart[t], blockStart[t + 1]): every BLOCK_POSTINGS-th posting's chunk and byte offset. */
  blockStart: Uint32Array;
  blockChunk: Int32Array;
  blockByte: Uint32Array;
  /** Per skip block, the highest BM25 impact tf·(k1+1)/(tf + k1·(1−b+b·dl/impactAverageLength)) of its postings (never rounded down). */
  blockMaxImpact: Float32Array;
  /** Per term, the highest of its blocks' impacts. */
  termMaxImpact: Float32Array;
  /** The average chunk length the impacts were computed at: greatest(tokenSum / chunkCount, 1). */
  impactAverageLength: number;
  postingCount: number;
  /** Sum of chunkLength (knowledge_base_text_stats.tokenSum). */
  tokenSum: number;
}

export interface TextIndexBatch {
  ids: string[];
  documentIds: string[];
  lengths: number[];
  fts: string[];
}

export const BLOCK_POSTINGS: number;

export function forEachLexeme(text: string, visit: (lexeme: string, tf: number) => void): void;

export function parseTsvector(text: string): { lexemes: string[]; tfs: number[] };

export class TextIndexPacker {
  readonly postings: number;
  addBatch(batch: TextIndexBatch): void;
  addChunk(id: string, documentId: string, length: number, fts: string): void;
  finish(bm25: { k1: number; b: number }): PackedTextIndex;
}

export function transferables(packed: PackedTextIndex): ArrayBuffer[];
