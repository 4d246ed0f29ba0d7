import { describe, expect, it } from "vitest";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { answerQuestion } from "./answer-question";
import type { SentenceMeaning } from "./extractive-answer";
import { CARRYING_WORD_SHIFT } from "./question-focus";
import { answerHoweverWeighed } from "./weighing-outcomes";
import type { AnswerSource } from "./types";

const plain: SentenceMeaning = { similarity: () => 0.5 };
const answered = { content: "Yes [1]", citations: [{ index: 1 }] };
const notFound = { content: "Not found", citations: [] };

describe("answerHoweverWeighed", () => {
  it("keeps the weighing when some way of weighing changes the answer", () => {
    const composed: SentenceMeaning[] = [];
    // Declined when "shuttle" carries the question, answered otherwise.
    const compose = (meaning: SentenceMeaning) => {
      composed.push(meaning);
      return (meaning.shift?.("shuttle") ?? 0) >= CARRYING_WORD_SHIFT ? notFound : answered;
    };
    expect(answerHoweverWeighed(plain, ["shuttle"], compose)).toBeUndefined();
    expect(composed).toHaveLength(2);
  });

  it("tries all the words together too: two words may carry the question together and neither alone", () => {
    const compose = (meaning: SentenceMeaning) =>
      (meaning.shift?.("shuttle") ?? 0) < CARRYING_WORD_SHIFT && (meaning.shift?.("bus") ?? 0) < CARRYING_WORD_SHIFT && (meaning.unknownShift?.() ?? 0) >= CARRYING_WORD_SHIFT
        ? notFound
        : answered;
    expect(answerHoweverWeighed(plain, ["shuttle", "bus"], compose)).toBeUndefined();
  });

  it("answers with the unweighted reading, weighed, when every way of weighing answers alike", () => {
    let compositions = 0;
    const compose = () => ((compositions += 1), answered);
    const meaning = answerHoweverWeighed(plain, ["shuttle", "bus"], compose);
    expect(meaning?.shift?.("shuttle")).toBe(0);
    expect(meaning?.unknownShift?.()).toBe(0);
    // Four sets of carrying words, and both together with neither alone.
    expect(compositions).toBe(5);
  });

  it("leaves more words than it tries to the model", () => {
    expect(answerHoweverWeighed(plain, ["a", "b", "c", "d"], () => answered)).toBeUndefined();
  });
});

describe("a yes/no question answered alike however its unknown words weigh", () => {
  it("is answered without embedding the question without them", async () => {
    const embedded: string[] = [];
    const vectorOf = (text: string) => {
      embedded.push(text);
      const vector = new Array<number>(26).fill(0.01);
      for (const letter of text.toLowerCase()) {
        const index = letter.charCodeAt(0) - 97;
        if (index >= 0 && index < 26) vector[index] = vector[index]! + 1;
      }
      return vector;
    };
    const embeddings: EmbeddingsInterface = { embedQuery: async (text) => vectorOf(text), embedDocuments: async (texts) => texts.map(vectorOf) };
    const hours: AnswerSource = {
      chunkId: "chunk-hours",
      documentId: "doc-hours",
      documentTitle: "Opening hours",
      content: "Our front desk is open every day from 7am to 11pm.",
      score: 0.8,
      vectorScore: 0.62,
      textScore: null,
    };
    // "staffed" is in no source: carrying the question or not, the sentence answers it alike.
    const question = "Is the front desk staffed every day from 7am?";
    let content = "";
    for await (const event of answerQuestion({ question, history: [], hits: [hours], systemPrompt: "", chatModel: null, embeddings })) if (event.type === "done") content = event.content;
    expect(content).toContain("Our front desk is open every day from 7am to 11pm.");
    // The question itself and its sentences; never the question without "staffed".
    expect(embedded.filter((text) => text.startsWith("Is the front desk") && !text.includes("staffed"))).toEqual([]);
    expect(embedded).toContain(question);
  });
});
