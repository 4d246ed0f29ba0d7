import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "./answer-question";
import { HIGH_BAND, meaningBandOffset, READ_BAND } from "./meaning-band";
import { NOT_FOUND_REPLIES } from "./not-found-reply";
import type { AnswerEvent, AnswerSource } from "./types";

// A question the model does not read has its cosines measured against their band (meaning-band.ts).

/** Vectors from a table by exact text; anything else (the sentences) near the question's band. */
const embeddingsOf = (table: Record<string, number[]>, other: number[]): EmbeddingsInterface & { calls: string[] } => {
  const calls: string[] = [];
  const vector = (text: string) => {
    calls.push(text);
    return table[text] ?? other;
  };
  return { calls, embedQuery: async (text) => vector(text), embedDocuments: async (texts) => texts.map(vector) };
};

describe("the band of a question's cosines", () => {
  it("leaves a question in a low band as it is, without measuring anything", async () => {
    const embeddings = embeddingsOf({}, [1, 0]);
    expect(await meaningBandOffset(embeddings, "Do you have a sauna?", [0.1, 0.3, HIGH_BAND - 0.01])).toBe(0);
    expect(embeddings.calls).toEqual([]);
  });

  it("measures a high band from READ_BAND when the question's content words barely move its vector", async () => {
    // "Bieten Sie an?" is nearly the whole question to the model: it does not read "Haarverlängerungen".
    const embeddings = embeddingsOf({ "Bieten Sie Haarverlängerungen an?": [1, 0.05], "Bieten Sie an?": [1, 0] }, [0, 1]);
    expect(await meaningBandOffset(embeddings, "Bieten Sie Haarverlängerungen an?", [0.7, 0.8, 0.9])).toBeCloseTo(0.8 - READ_BAND);
  });

  it("keeps a high band when the content words carry the question (sentences that all answer it)", async () => {
    const embeddings = embeddingsOf({ "Do you have a sauna?": [1, 0], "Do you have a ?": [0, 1] }, [0, 1]);
    expect(await meaningBandOffset(embeddings, "Do you have a sauna?", [0.7, 0.8, 0.9])).toBe(0);
  });
});

describe("answering a question the model does not read", () => {
  it("declines when no sentence stands out of the band, however high the cosines", async () => {
    const salon: AnswerSource = {
      chunkId: "chunk-salon",
      documentId: "doc-salon",
      documentTitle: "Salon",
      content: "Wir arbeiten nach Termin. Der Salon ist barrierefrei. Hunde sind willkommen.",
      score: 0.5,
      vectorScore: 0.8,
      textScore: null,
    };
    const question = "Habt ihr eine Filiale in Basel?";
    // Every sentence at cosine ~0.8 from the question, which moves 0.01 without "Filiale" and "Basel".
    const embeddings = embeddingsOf({ [question]: [1, 0.75], "Habt ihr eine in ?": [1, 0.72] }, [1, 1.4]);
    const events: AnswerEvent[] = [];
    for await (const event of answerQuestion({ question, history: [], hits: [salon], systemPrompt: "", chatModel: null, embeddings })) events.push(event);
    expect(events.at(-1)).toEqual({ type: "done", content: NOT_FOUND_REPLIES.de, citations: [] });
  });
});
