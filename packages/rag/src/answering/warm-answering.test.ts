import { describe, expect, it, vi } from "vitest";
import { answerTypeOf, type AnswerType } from "./question-type";
import type { AnswerSource } from "./types";
import { WARMING_QUESTIONS } from "./warm-answering";
import { letterEmbeddings } from "../testing/letter-embeddings";

// Sources sharing words, and some questions word for word, with the made-up ones warmAnswering answers.
const sources: AnswerSource[] = [
  { chunkId: "a", documentId: "a", documentTitle: "Fees", content: "A check-up costs £60 and a hygienist visit £75. Parking costs £2 an hour.", score: 0.8 },
  { chunkId: "b", documentId: "b", documentTitle: "Hours", content: "We are open Tuesday to Saturday, 10am to 4pm. Dr Omar Haddad is the dentist.", score: 0.7 },
  { chunkId: "c", documentId: "c", documentTitle: "Tarifs", content: "Un emplacement coûte 31 € par nuit en juillet. La réception ferme à 22h.", score: 0.6 },
];
const questions = ["How much is a check-up?", "Who is the dentist?", "Is parking free?", "When are you open on Saturday?", "Combien coûte un emplacement ?", "Do you sell pet food?"];

async function answersOf(warm: boolean): Promise<string[]> {
  vi.resetModules();
  const { answerQuestion } = await import("./answer-question");
  if (warm) await (await import("./warm-answering")).warmAnswering();
  const answers: string[] = [];
  for (const question of questions) {
    for await (const event of answerQuestion({ question, history: [], hits: sources, systemPrompt: "", chatModel: null, embeddings: letterEmbeddings })) {
      if (event.type === "done") answers.push(`${event.content} [${event.citations.map((citation) => citation.chunkId).join(",")}]`);
    }
  }
  return answers;
}

describe("warmAnswering", () => {
  it("asks for every kind of fact, so that each kind's patterns are compiled before a visitor asks", () => {
    const kinds = new Set(WARMING_QUESTIONS.map((question) => answerTypeOf(question)));
    const every: AnswerType[] = ["price", "time", "duration", "frequency", "person", "place", "phone", "quantity", "age", "distance"];
    expect(every.filter((kind) => !kinds.has(kind))).toEqual([]);
    expect(kinds.has(null)).toBe(true);
  });

  it("changes no later answer: the same questions over other sources answer alike in a fresh process with and without it", async () => {
    const cold = await answersOf(false);
    const warmed = await answersOf(true);
    expect(warmed).toEqual(cold);
    expect(cold.filter((answer) => !answer.endsWith("[]")).length).toBeGreaterThan(2);
  }, 60_000);
});
