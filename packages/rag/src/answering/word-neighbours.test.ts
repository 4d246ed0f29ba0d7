import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { loadConfig } from "@frontdesk/config";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingsProvider } from "../embeddings";
import type { EmbeddingsProvider } from "../runtime";
import { answerQuestion } from "./answer-question";
import { extractiveAnswerText } from "./answer-test-fixtures";
import { answerUnitsOf, scoreUnits, unknownTerms } from "./score-units";
import type { AnswerSource } from "./types";
import { embedWordsCached, vocabularyOf, wordNeighbours } from "./word-neighbours";
import { localModelRuns } from "../embeddings";

// A question in other words than the knowledge: its words no source mentions, matched to the sources' words by the
// local model (use-lite-512), read against how near each word comes to words in general.

const team = [
  "Our dentists",
  "",
  "Dr Lucia Ferrer is the clinic's founder and an implant surgeon with twenty years of experience.",
  "Dr Omar Haddad is our orthodontist; he looks after aligners and braces for adults and teenagers.",
  "Dr Aina Puig is a paediatric dentist and sees most of our young patients.",
  "Marta Vidal is the hygienist and does cleanings and whitening.",
].join("\n");
const policies = [
  "Payment is due at the end of each visit by card or cash.",
  "Treatments over 600 euros can be paid in three instalments.",
  "Check-ups for children under 12 are free when a parent is a patient of the clinic.",
  "Appointments cancelled with less than 36 hours notice incur a fee of 45 euros; it usually takes a day to refund.",
].join(" ");

let embeddings: EmbeddingsProvider;

beforeAll(async () => {
  embeddings = await createEmbeddingsProvider(loadConfig({}));
}, 120_000);

describe("wordNeighbours", () => {
  const vocabulary = vocabularyOf(answerUnitsOf([team, policies]));

  it("reads the sources' words without digits or very short words", () => {
    expect(vocabulary).toContain("whitening");
    expect(vocabulary).toContain("children");
    expect(vocabulary.some((word) => /\d/u.test(word) || word.length < 3)).toBe(false);
  });

  it("finds the sources' word for a question word said another way", async () => {
    const found = await wordNeighbours(embeddings.embeddings, ["whiter", "kids"], vocabulary);
    expect(found.get("whiter")?.[0]?.word).toBe("whitening");
    expect(found.get("kids")?.[0]?.word).toBe("children");
  });

  it("finds none for a word the sources only share a topic with, nor for a word near every word (a hub)", async () => {
    // "sell" ~ "cash" 0.65 and "extra" ~ "takes" 0.77 by cosine alone; both stand out too little to be the same word.
    const found = await wordNeighbours(embeddings.embeddings, ["sell", "extra", "toothbrushes"], vocabulary);
    expect([...found.keys()]).toEqual([]);
  });

  it("looks nothing up for numbers and two-letter words", async () => {
    expect((await wordNeighbours(embeddings.embeddings, ["12", "ok"], vocabulary)).size).toBe(0);
  });

  it("embeds a knowledge base's words in a few model runs, each word's vector its vector alone", async () => {
    // Words no other test here embeds: none is cached yet.
    const words = vocabularyOf(
      answerUnitsOf([
        "Parking is round the back; bicycles go in the racks by the entrance. Dogs are welcome in the garden, kept on a lead.",
        "The sauna and steam room open at seven; towels, robes and slippers are provided at reception for a small deposit.",
        "Lockers take a one-pound coin, returned when you unlock them. Lost property is kept for a fortnight, then donated.",
        "Guided walks leave from the harbour every Thursday afternoon; sturdy boots and waterproof jackets are recommended.",
        "Our bakery sells sourdough loaves, croissants, cinnamon buns and gluten-free brownies until lunchtime.",
      ]),
    );
    expect(words.length).toBeGreaterThan(56);
    const runs = localModelRuns();
    const vectors = await embedWordsCached(embeddings.embeddings, words);
    // One run per token count (most words are one to three tokens), not one per batch of 8 words.
    expect(localModelRuns() - runs).toBeLessThanOrEqual(5);
    for (const word of ["bicycles", "sourdough", "fortnight", "waterproof", "lunchtime"]) expect(vectors[words.indexOf(word)]).toEqual(await embeddings.embeddings.embedQuery(word));
    const again = localModelRuns();
    expect(await embedWordsCached(embeddings.embeddings, words.slice(0, 10))).toEqual(vectors.slice(0, 10));
    expect(localModelRuns()).toBe(again);
  });
});

describe("neighbours in a sentence's score", () => {
  const units = answerUnitsOf([team]);
  const neighbours = new Map([["whiter", [{ word: "whitening", similarity: 0.84 }]]]);

  it("count a question word said another way as known, and as a share of the word in the sentence", () => {
    const question = "who can make my teeth whiter";
    expect(unknownTerms(question, units)).toContain("whiter");
    expect(unknownTerms(question, units, neighbours)).not.toContain("whiter");
    const marta = (scored: ReturnType<typeof scoreUnits>) => scored.find((unit) => unit.text.startsWith("Marta"))!;
    const without = marta(scoreUnits(question, units, () => 0.4));
    const withNeighbours = marta(scoreUnits(question, units, () => 0.4, neighbours));
    expect(without.lexical).toBe(0);
    expect(withNeighbours.lexical).toBeGreaterThan(0.2);
    expect(withNeighbours.score).toBeGreaterThan(without.score);
  });
});

describe("answering a question in other words", () => {
  const hits: AnswerSource[] = [
    { chunkId: "team", documentId: "team", documentTitle: "team.txt", content: team, score: 0.5, vectorScore: 0.4 },
    { chunkId: "policies", documentId: "policies", documentTitle: "policies.pdf", content: policies, score: 0.4, vectorScore: 0.3 },
  ];
  const ask = (question: string) => extractiveAnswerText(question, hits, embeddings.embeddings);

  it("answers by the sentence that says the question's word another way", async () => {
    expect(await ask("who can make my teeth whiter")).toContain("Marta Vidal");
  });
});

describe("when neighbours are looked up", () => {
  /** Every text embedded is recorded; the question gets `question`, anything else `other`. */
  const recording = (question: string, vectors: { question: number[]; other: number[] }): EmbeddingsInterface & { texts: string[] } => {
    const texts: string[] = [];
    const vector = (text: string) => (texts.push(text), text === question ? vectors.question : vectors.other);
    return { texts, embedQuery: async (text) => vector(text), embedDocuments: async (list) => list.map(vector) };
  };
  const hits: AnswerSource[] = [{ chunkId: "team", documentId: "team", documentTitle: "team.txt", content: team, score: 0.5, vectorScore: 0.4 }];
  const answer = async (question: string, embeddings: EmbeddingsInterface) => {
    let cited = 0;
    for await (const event of answerQuestion({ question, history: [], hits, systemPrompt: "", chatModel: null, embeddings })) {
      if (event.type === "done") cited = event.citations.length;
    }
    return cited;
  };

  it("not for a question answered without them (each word would cost the model a call)", async () => {
    // Every sentence as near as can be: answered by meaning, although "today" is no word of the sources.
    const question = "who does whitening today";
    const embeddings = recording(question, { question: [1, 0], other: [1, 0] });
    expect(await answer(question, embeddings)).toBe(1);
    expect(embeddings.texts).not.toContain("whitening");
  });

  it("for a question that finds no answer without them, over the words of the sentences read", async () => {
    const question = "who does whitening today";
    const embeddings = recording(question, { question: [1, 0], other: [0, 1] });
    expect(await answer(question, embeddings)).toBe(0);
    expect(embeddings.texts).toContain("today");
    expect(embeddings.texts).toContain("hygienist");
  });
});
