import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { packSentenceVectors, sentenceTextsOf } from "./packed-sentence-vectors";

/**
 * At ingestion: the packed sentence vectors of each chunk content (see packed-sentence-vectors.ts), in order.
 * Texts shared by chunks (overlap, repeated headings) are embedded once, and they are sent shortest first so a
 * batch of the local model pads its texts to similar lengths.
 */
export async function embedSentenceVectors(embeddings: EmbeddingsInterface, contents: readonly string[]): Promise<Uint8Array[]> {
  const textsPerChunk = contents.map(sentenceTextsOf);
  const distinct = [...new Set(textsPerChunk.flat())].sort((a, b) => a.length - b.length);
  const vectors = distinct.length > 0 ? await embeddings.embedDocuments(distinct) : [];
  if (vectors.length !== distinct.length) throw new Error(`embedding model returned ${vectors.length} vectors for ${distinct.length} sentences`);
  const vectorOf = new Map(distinct.map((text, index) => [text, vectors[index]!]));
  return textsPerChunk.map((texts) => packSentenceVectors(texts, texts.map((text) => vectorOf.get(text)!)));
}
