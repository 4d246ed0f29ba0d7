import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/** Sentence vectors kept per embeddings model: the same knowledge is asked about again and again. */
const MAX_CACHED = 20_000;
const caches = new WeakMap<EmbeddingsInterface, Map<string, number[]>>();

/**
 * Vectors of the question and of the texts, in order, in one embedding call for whatever is not cached yet
 * (least recently used texts are dropped beyond MAX_CACHED). The question is embedded like the sentences (one batch), which suits symmetric models such as the local one.
 */
export async function embedForAnswer(embeddings: EmbeddingsInterface, question: string, texts: readonly string[]): Promise<{ question: number[]; texts: number[][] }> {
  let cache = caches.get(embeddings);
  if (!cache) caches.set(embeddings, (cache = new Map()));
  const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
  // One call for the question and the new sentences: each call is a round trip to the model's worker.
  const questionKey = `\u0000query\u0000${question}`;
  const cachedQuestion = cache.get(questionKey);
  const batch = cachedQuestion ? missing : [question, ...missing];
  const vectors = batch.length > 0 ? await embeddings.embedDocuments(batch) : [];
  const questionVector = cachedQuestion ?? vectors.shift()!;
  cache.set(questionKey, questionVector);
  missing.forEach((text, index) => cache.set(text, vectors[index]!));
  const found = texts.map((text) => {
    const vector = cache.get(text)!;
    cache.delete(text);
    cache.set(text, vector);
    return vector;
  });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return { question: questionVector, texts: found };
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    dot += a[index]! * (b[index] ?? 0);
    normA += a[index]! ** 2;
    normB += (b[index] ?? 0) ** 2;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
