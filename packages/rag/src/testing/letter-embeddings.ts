import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/** Vectors from the letters of a text, for answering tests: deterministic, and different texts point different ways. */
export const letterEmbeddings: EmbeddingsInterface = {
  embedQuery: async (text) => vectorOf(text),
  embedDocuments: async (texts) => texts.map(vectorOf),
};

function vectorOf(text: string): number[] {
  const vector = new Array<number>(26).fill(0.01);
  for (const letter of text.toLowerCase()) {
    const index = letter.charCodeAt(0) - 97;
    if (index >= 0 && index < 26) vector[index] = vector[index]! + 1;
  }
  return vector;
}
