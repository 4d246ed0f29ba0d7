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

/** A model that embeds several queries at once, each vector equal to `embedQuery`'s for it (LocalEmbeddings). */
export interface QueryBatchEmbeddings {
  embedQueries(queries: readonly string[]): Promise<number[][]>;
}

function embedsQueryBatches(embeddings: EmbeddingsInterface): embeddings is EmbeddingsInterface & QueryBatchEmbeddings {
  return typeof (embeddings as Partial<QueryBatchEmbeddings>).embedQueries === "function";
}

/**
 * `embedQueryCached` for several queries: the ones not cached go to the model in one `embedQueries` call when it has
 * one (the local model: one message, one run per token count), else one `embedQuery` each. The same cache either way.
 */
export function embedQueriesCached(embeddings: EmbeddingsInterface, queries: readonly string[]): Promise<number[][]> {
  const cache = caches.get(embeddings);
  const missing = [...new Set(queries.filter((query) => !cache?.has(query)))];
  if (missing.length > 1 && embedsQueryBatches(embeddings)) {
    const batch = embeddings.embedQueries(missing);
    let own = caches.get(embeddings);
    if (!own) caches.set(embeddings, (own = new Map()));
    missing.forEach((query, index) => {
      const vector = batch.then((vectors) => vectors[index]!);
      own.set(query, vector);
      vector.catch(() => own.delete(query));
    });
    while (own.size > MAX_CACHED) own.delete(own.keys().next().value!);
  }
  return Promise.all(queries.map((query) => embedQueryCached(embeddings, query)));
}
