import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import type { RagRuntime } from "@frontdesk/rag";
import { describe, expect, it } from "vitest";
import { embedChunks, unpackEmbeddings } from "./embed-chunks";

/** Counts the texts the model is asked to embed. */
class CountingEmbeddings extends SyntheticEmbeddings {
  texts = 0;
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.texts += documents.length;
    return super.embedDocuments(documents);
  }
}

const contents = [
  "Opening hours\n\nWe are open Monday to Friday. On Saturday we open at nine. Sundays are closed.",
  "Prices\n\nA check-up costs 60 euros. Cleaning costs 80 euros.",
];

function runtime(sentenceVectorsAtIngestion?: boolean): { rag: RagRuntime; embeddings: CountingEmbeddings } {
  const embeddings = new CountingEmbeddings({ vectorSize: 16 });
  const provider = { embeddings, model: "synthetic", dimensions: 16 };
  return { rag: { embeddings: provider, chatModel: null, ...(sentenceVectorsAtIngestion === undefined ? {} : { sentenceVectorsAtIngestion }) }, embeddings };
}

describe("embedChunks", () => {
  it("stores each chunk's sentence vectors by default", async () => {
    const { rag, embeddings } = runtime();
    const unpacked = unpackEmbeddings(await embedChunks({ rag }, contents, "synthetic"), 16);
    expect(unpacked.vectors).toHaveLength(2);
    expect(unpacked.sentenceVectors.every((packed) => packed !== null && packed.byteLength > 0)).toBe(true);
    expect(embeddings.texts).toBeGreaterThan(contents.length);
  });

  it("embeds only the chunks when sentence vectors are off, with the same chunk vectors", async () => {
    const withSentences = unpackEmbeddings(await embedChunks({ rag: runtime().rag }, contents, "synthetic"), 16);
    const { rag, embeddings } = runtime(false);
    const unpacked = unpackEmbeddings(await embedChunks({ rag }, contents, "synthetic"), 16);
    expect(embeddings.texts).toBe(contents.length);
    expect(unpacked.sentenceVectors).toEqual([null, null]);
    expect(unpacked.vectors).toEqual(withSentences.vectors);
  });
});
