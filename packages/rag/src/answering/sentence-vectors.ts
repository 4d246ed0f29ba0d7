import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { embedQueryCached } from "../embeddings/query-vector-cache";

/** Sentence vectors kept per embeddings model: the same knowledge is asked about again and again. */
const MAX_CACHED = 20_000;
const caches = new WeakMap<EmbeddingsInterface, Map<string, number[]>>();

/**
 * Vectors of the question and of the texts, in order. The question's comes from the query vector cache that
 * retrieval has just filled (no second embedding); the texts not cached yet are embedded in one call (least
 * recently used texts are dropped beyond MAX_CACHED). Only sentences of chunks stored without sentence vectors
 * (ingested before they existed) get here at answer time.
 */
export async function embedForAnswer(embeddings: EmbeddingsInterface, question: string, texts: readonly string[]): Promise<{ question: number[]; texts: number[][] }> {
  const [questionVector, found] = await Promise.all([embedQueryCached(embeddings, question), embedTextsCached(embeddings, texts)]);
  return { question: questionVector, texts: found };
}

/** Vectors of the texts, in order: cached ones from the cache, the others embedded in one call and cached. */
export async function embedTextsCached(embeddings: EmbeddingsInterface, texts: readonly string[]): Promise<number[][]> {
  return vectorsKept(caches, embeddings, texts, MAX_CACHED, (missing) => embeddings.embedDocuments(missing));
}

/**
 * Vectors of the texts, in order, from `embeddings`' cache in `caches` (least recently used dropped beyond `limit`);
 * the texts it lacks are embedded with one `embed` call first.
 */
export async function vectorsKept(
  caches: WeakMap<EmbeddingsInterface, Map<string, number[]>>,
  embeddings: EmbeddingsInterface,
  texts: readonly string[],
  limit: number,
  embed: (missing: string[]) => Promise<number[][]>,
): Promise<number[][]> {
  let cache = caches.get(embeddings);
  if (!cache) caches.set(embeddings, (cache = new Map()));
  const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
  const vectors = missing.length > 0 ? await embed(missing) : [];
  missing.forEach((text, index) => cache.set(text, vectors[index]!));
  const found = texts.map((text) => {
    const vector = cache.get(text)!;
    cache.delete(text);
    cache.set(text, vector);
    return vector;
  });
  while (cache.size > limit) cache.delete(cache.keys().next().value!);
  return found;
}

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const y = b[index] ?? 0;
    dot += a[index]! * y;
    normA += a[index]! ** 2;
    normB += y ** 2;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
