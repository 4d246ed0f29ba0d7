import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Embeddings } from "@langchain/core/embeddings";

/**
 * For replays: an embeddings model whose vectors are kept in a file between runs, so that replaying every dev file
 * again after a change embeds only the texts it has not seen (a vector depends only on the model, the text and
 * whether it is a query). Documents are embedded in batches of the missing texts only, so a cached vector can differ
 * from a fresh one in the last float digits (batch padding); answers did not differ on the dev files.
 * File layout: u32 length of a JSON array of keys, the keys, u32 dimensions, then the float32 vectors in key order.
 */
export function cachedEmbeddings(real: Embeddings, file: string): { embeddings: Embeddings; save(): void } {
  const cache = new Map<string, number[]>();
  if (existsSync(file)) {
    const raw = readFileSync(file);
    const keysLength = raw.readUInt32LE(0);
    const keys = JSON.parse(raw.subarray(4, 4 + keysLength).toString("utf8")) as string[];
    const dimensions = raw.readUInt32LE(4 + keysLength);
    const floats = new Float32Array(raw.buffer.slice(raw.byteOffset + 8 + keysLength, raw.byteOffset + raw.length));
    keys.forEach((key, index) => cache.set(key, Array.from(floats.subarray(index * dimensions, (index + 1) * dimensions))));
  }
  const loaded = cache.size;
  const embeddings = Object.create(real) as Embeddings;
  embeddings.embedDocuments = async (texts: string[]) => {
    const missing = [...new Set(texts.filter((text) => !cache.has(`d ${text}`)))];
    if (missing.length > 0) (await real.embedDocuments(missing)).forEach((vector, index) => cache.set(`d ${missing[index]}`, vector));
    return texts.map((text) => cache.get(`d ${text}`)!);
  };
  embeddings.embedQuery = async (text: string) => {
    if (!cache.has(`q ${text}`)) cache.set(`q ${text}`, await real.embedQuery(text));
    return cache.get(`q ${text}`)!;
  };
  const save = () => {
    if (cache.size === loaded) return;
    const keys = [...cache.keys()];
    const dimensions = cache.get(keys[0]!)!.length;
    const header = Buffer.from(JSON.stringify(keys), "utf8");
    const floats = new Float32Array(keys.length * dimensions);
    keys.forEach((key, index) => floats.set(cache.get(key)!, index * dimensions));
    const sizes = Buffer.alloc(4);
    sizes.writeUInt32LE(header.length, 0);
    const dims = Buffer.alloc(4);
    dims.writeUInt32LE(dimensions, 0);
    writeFileSync(file, Buffer.concat([sizes, header, dims, Buffer.from(floats.buffer)]));
  };
  return { embeddings, save };
}
