import { createHash } from "node:crypto";
import { splitAnswerUnits, withContext } from "./answer-units";

/**
 * Sentence vectors of a chunk, computed at ingestion and stored with it (chunk."sentenceVectors"), so an
 * extractive answer compares the question with the sentences of its sources without an embedding call.
 *
 * Layout (little-endian): version byte (1), three reserved bytes, uint32 dimensions, uint32 count, then `count`
 * uint32 keys (the first four bytes of the SHA-1 of each sentence as answering sees it, withContext(unit)), then
 * `count` vectors of `dimensions` int8 values. Each vector is scaled so its largest component is ±127: cosine
 * similarity ignores the scale, and the rounding moves a similarity by about 0.001 while the blob is a quarter of
 * float32. Sentences are found by key, not by position, so a change to how passages are split only costs the
 * changed sentences an embedding at answer time.
 */
const VERSION = 1;
const HEADER_BYTES = 12;

/** The texts answering compares with a question for this chunk content: its sentences with their context. */
export function sentenceTextsOf(content: string): string[] {
  return [...new Set(splitAnswerUnits(content).map(withContext))];
}

/** The key a sentence is stored under (see the layout above). */
export function sentenceKey(text: string): number {
  return createHash("sha1").update(text).digest().readUInt32LE(0);
}

/** Packs the vectors of `texts` (same order, same dimensions) into the stored layout. */
export function packSentenceVectors(texts: readonly string[], vectors: ReadonlyArray<ArrayLike<number>>): Uint8Array {
  if (texts.length !== vectors.length) throw new RangeError(`${vectors.length} vectors for ${texts.length} sentences`);
  const dimensions = vectors[0]?.length ?? 0;
  const bytes = new Uint8Array(HEADER_BYTES + texts.length * (4 + dimensions));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(4, dimensions, true);
  view.setUint32(8, texts.length, true);
  texts.forEach((text, index) => view.setUint32(HEADER_BYTES + index * 4, sentenceKey(text), true));
  const values = new Int8Array(bytes.buffer, HEADER_BYTES + texts.length * 4);
  vectors.forEach((vector, index) => {
    if (vector.length !== dimensions) throw new RangeError(`sentence vector ${index} has ${vector.length} dimensions, expected ${dimensions}`);
    let largest = 0;
    for (let d = 0; d < dimensions; d += 1) largest = Math.max(largest, Math.abs(vector[d]!));
    const scale = largest === 0 ? 0 : 127 / largest;
    for (let d = 0; d < dimensions; d += 1) values[index * dimensions + d] = Math.round(vector[d]! * scale);
  });
  return bytes;
}

/** Looks up stored sentence vectors by text; an unreadable or foreign blob holds nothing. */
export interface StoredSentenceVectors {
  readonly dimensions: number;
  vectorOf(text: string): Int8Array | undefined;
}

export function readSentenceVectors(bytes: Uint8Array): StoredSentenceVectors {
  const empty: StoredSentenceVectors = { dimensions: 0, vectorOf: () => undefined };
  if (bytes.byteLength < HEADER_BYTES) return empty;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  if (view.getUint8(0) !== VERSION || bytes.byteLength !== HEADER_BYTES + count * (4 + dimensions)) return empty;
  const positions = new Map<number, number>();
  for (let index = 0; index < count; index += 1) positions.set(view.getUint32(HEADER_BYTES + index * 4, true), index);
  const start = bytes.byteOffset + HEADER_BYTES + count * 4;
  return {
    dimensions,
    vectorOf(text) {
      const index = positions.get(sentenceKey(text));
      return index === undefined ? undefined : new Int8Array(bytes.buffer, start + index * dimensions, dimensions);
    },
  };
}

/**
 * Cosine similarity of `query` to every sentence vector in a packed blob, in stored order (empty for an unreadable
 * blob or one of another size). Retrieval reads a chunk's sentences this way without knowing their texts.
 */
export function packedSentenceSimilarities(bytes: Uint8Array, query: ArrayLike<number>): number[] {
  if (bytes.byteLength < HEADER_BYTES) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  if (view.getUint8(0) !== VERSION || dimensions !== query.length || bytes.byteLength !== HEADER_BYTES + count * (4 + dimensions)) return [];
  let queryNorm = 0;
  for (let d = 0; d < dimensions; d += 1) queryNorm += query[d]! ** 2;
  if (queryNorm === 0) return [];
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + count * 4, count * dimensions);
  const similarities: number[] = [];
  for (let index = 0; index < count; index += 1) {
    let dot = 0;
    let norm = 0;
    for (let d = 0, at = index * dimensions; d < dimensions; d += 1, at += 1) {
      const value = values[at]!;
      dot += value * query[d]!;
      norm += value * value;
    }
    similarities.push(norm === 0 ? 0 : dot / Math.sqrt(norm * queryNorm));
  }
  return similarities;
}
