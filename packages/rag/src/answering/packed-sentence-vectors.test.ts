import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "./answer-question";
import { embedSentenceVectors } from "./embed-sentence-vectors";
import { packedSentenceSimilarities, packSentenceVectors, readSentenceVectors, sentenceTextsOf } from "./packed-sentence-vectors";
import { cosineSimilarity } from "./sentence-vectors";
import type { AnswerEvent, AnswerSource } from "./types";

/** Counts the texts an embeddings model is asked for, so a test can tell stored vectors from answer-time ones. */
function countingEmbeddings() {
  const embeddings = new SyntheticEmbeddings({ vectorSize: 32 });
  const embedded: string[] = [];
  const original = embeddings.embedDocuments.bind(embeddings);
  embeddings.embedDocuments = async (texts: string[]) => {
    embedded.push(...texts);
    return original(texts);
  };
  return { embeddings, embedded };
}

async function answerOf(input: Parameters<typeof answerQuestion>[0]): Promise<Extract<AnswerEvent, { type: "done" }>> {
  let done: Extract<AnswerEvent, { type: "done" }> | undefined;
  for await (const event of answerQuestion(input)) if (event.type === "done") done = event;
  return done!;
}

const hours = "## Opening hours\nWe open at 9 on weekdays. On Saturday we open at 10.\n\n## Parking\nThe garage next door has spaces.";

describe("sentence vectors stored with a chunk", () => {
  it("are the chunk's sentences with their headings, as answering compares them", () => {
    expect(sentenceTextsOf(hours)).toEqual([
      "Opening hours: We open at 9 on weekdays.",
      "Opening hours: On Saturday we open at 10.",
      "Parking: The garage next door has spaces.",
    ]);
  });

  it("keep each vector's direction (cosine ≥ 0.999) at a quarter of float32's size, found by sentence text", () => {
    const vectors = [
      Array.from({ length: 384 }, (_, d) => Math.sin(d * 0.7) / 10),
      Array.from({ length: 384 }, (_, d) => Math.cos(d * 1.3) * (d % 7 === 0 ? 0.5 : 0.05)),
    ];
    const packed = packSentenceVectors(["first sentence", "second sentence"], vectors);
    expect(packed.byteLength).toBe(12 + 2 * (4 + 384));
    const stored = readSentenceVectors(packed);
    expect(stored.dimensions).toBe(384);
    expect(cosineSimilarity(stored.vectorOf("first sentence")!, vectors[0]!)).toBeGreaterThan(0.999);
    expect(cosineSimilarity(stored.vectorOf("second sentence")!, vectors[1]!)).toBeGreaterThan(0.999);
    expect(stored.vectorOf("a sentence never stored")).toBeUndefined();
  });

  it("give the cosine of a query to every stored sentence, in order, without knowing their texts", () => {
    const vectors = [
      [1, 0, 0, 0],
      [0.6, 0.8, 0, 0],
      [0, 0, -0.5, 0.5],
    ];
    const packed = packSentenceVectors(["a", "b", "c"], vectors);
    const similarities = packedSentenceSimilarities(packed, [2, 0, 0, 0]);
    expect(similarities.map((value) => Math.round(value * 100) / 100)).toEqual([1, 0.6, 0]);
    // A query of another size (another model) or an unreadable blob compares with nothing.
    expect(packedSentenceSimilarities(packed, [1, 0, 0])).toEqual([]);
    expect(packedSentenceSimilarities(packed.slice(0, packed.byteLength - 1), [1, 0, 0, 0])).toEqual([]);
  });

  it("hold nothing when the blob is not in the known layout (a later version, a truncated copy)", () => {
    const packed = packSentenceVectors(["only sentence"], [[0.1, 0.2, 0.3]]);
    expect(readSentenceVectors(packed.slice(0, packed.byteLength - 1)).vectorOf("only sentence")).toBeUndefined();
    const later = packed.slice();
    later[0] = 2;
    expect(readSentenceVectors(later).vectorOf("only sentence")).toBeUndefined();
    expect(readSentenceVectors(new Uint8Array(3)).vectorOf("only sentence")).toBeUndefined();
  });

  it("spare the answer every embedding call: the question's vector is retrieval's, the sentences' were stored", async () => {
    const { embeddings, embedded } = countingEmbeddings();
    const [packed] = await embedSentenceVectors(embeddings, [hours]);
    expect(embedded.sort()).toEqual([...sentenceTextsOf(hours)].sort());
    embedded.length = 0;
    const question = "When do you open on Saturday?";
    await embeddings.embedQuery(question); // retrieval's call, which answering finds in the query cache
    const hit: AnswerSource = { chunkId: "c1", documentId: "d1", documentTitle: "hours", content: hours, score: 1, vectorScore: 0.3 };
    const withStored = await answerOf({ question, history: [], hits: [hit], systemPrompt: "", chatModel: null, embeddings, sentenceVectors: new Map([["c1", packed!]]) });
    expect(embedded).toEqual([]);
    expect(withStored.content).toContain("On Saturday we open at 10.");

    // A chunk stored before sentence vectors existed: the same answer, its sentences embedded at answer time.
    const withoutStored = await answerOf({ question, history: [], hits: [hit], systemPrompt: "", chatModel: null, embeddings });
    expect(embedded.length).toBeGreaterThan(0);
    expect(withoutStored.content).toBe(withStored.content);
  });
});
