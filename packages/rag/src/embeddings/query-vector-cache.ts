import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/** Query vectors kept per embeddings model: visitors ask the same questions ("opening hours?") again and again. */
const MAX_CACHED = 2_000;
const caches = new WeakMap<EmbeddingsInterface, Map<string, Promise<number[]>>>();

/**
 * `embeddings.embedQuery(query)`, answered from a per-model LRU of the last MAX_CACHED queries. A vector depends
 * only on the model and the text, never on the knowledge, so nothing invalidates it; a failed call is not kept.
 */
export function embedQueryCached(embeddings: EmbeddingsInterface, query: string): Promise<number[]> {
  let cache = caches.get(embeddings);
  if (!cache) caches.set(embeddings, (cache = new Map()));
  const cached = cache.get(query);
  if (cached) {
    cache.delete(query);
    cache.set(query, cached);
    return cached;
  }
  const vector = embeddings.embedQuery(query);
  cache.set(query, vector);
  vector.catch(() => cache.delete(query));
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return vector;
}
