import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { packSentenceVectors, sentenceTextsOf } from "./packed-sentence-vectors";

/** Chunk vectors plus, per chunk, its packed sentence vectors (see packed-sentence-vectors.ts), in input order. */
export interface ChunkAndSentenceVectors {
  vectors: number[][];
  sentenceVectors: Uint8Array[];
}

/**
 * At ingestion: embeds chunk contents and their sentences in one embedDocuments call, so a batch stays one
 * provider request (one unit to retry, one rate-limit slot). Texts shared by chunks (overlap, repeated headings)
 * are embedded once, and sentences go shortest first so a batch of the local model pads its texts to similar
 * lengths.
 */
export async function embedChunksWithSentences(embeddings: EmbeddingsInterface, contents: readonly string[]): Promise<ChunkAndSentenceVectors> {
  const textsPerChunk = contents.map(sentenceTextsOf);
  const distinct = [...new Set(textsPerChunk.flat())].sort((a, b) => a.length - b.length);
  const all = await embeddings.embedDocuments([...contents, ...distinct]);
  if (all.length !== contents.length + distinct.length) {
    throw new Error(`embedding model returned ${all.length} vectors for ${contents.length} chunks and ${distinct.length} sentences`);
  }
  const vectorOf = new Map(distinct.map((text, index) => [text, all[contents.length + index]!]));
  return {
    vectors: all.slice(0, contents.length),
    sentenceVectors: textsPerChunk.map((texts) => packSentenceVectors(texts, texts.map((text) => vectorOf.get(text)!))),
  };
}

/** The packed sentence vectors of each chunk content, in order (for chunks whose own vectors exist already). */
export async function embedSentenceVectors(embeddings: EmbeddingsInterface, contents: readonly string[]): Promise<Uint8Array[]> {
  const textsPerChunk = contents.map(sentenceTextsOf);
  const distinct = [...new Set(textsPerChunk.flat())].sort((a, b) => a.length - b.length);
  const vectors = distinct.length > 0 ? await embeddings.embedDocuments(distinct) : [];
  if (vectors.length !== distinct.length) throw new Error(`embedding model returned ${vectors.length} vectors for ${distinct.length} sentences`);
  const vectorOf = new Map(distinct.map((text, index) => [text, vectors[index]!]));
  return textsPerChunk.map((texts) => packSentenceVectors(texts, texts.map((text) => vectorOf.get(text)!)));
}
