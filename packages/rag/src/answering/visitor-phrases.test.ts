import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { extractiveAnswerText } from "./answer-test-fixtures";
import type { AnswerSource } from "./types";
import { visitorPhraseNeighbours } from "./visitor-phrases";
import { warmWordNet } from "../wording/wordnet";

describe("visitorPhraseNeighbours", () => {
  it("matches a visitor's phrase's words to the words the sources say for it", () => {
    const said = ["Passes are not refundable, but we give a refund for illness.", "Students: 20% discount, 10% off on Mondays.", "A courtesy car is available."];
    expect(visitorPhraseNeighbours("Can I get my money back?", said).get("money")?.map((near) => near.word)).toEqual(["refund", "refundable"]);
    expect(visitorPhraseNeighbours("do over 65s get money off", said).get("money")?.map((near) => near.word)).toEqual(["discount", "off"]);
    expect(visitorPhraseNeighbours("Can I get a loan car?", said).get("loan")?.map((near) => near.word)).toEqual(["courtesy"]);
    // The words apart, or another phrase: no neighbour.
    expect(visitorPhraseNeighbours("do you take money? I'll be back", said).size).toBe(0);
    expect(visitorPhraseNeighbours("can I get a loan", said).size).toBe(0);
  });

  it("relates everyday words to the documents' words only where the documents say them", () => {
    const near = (question: string, texts: string[], word: string) => visitorPhraseNeighbours(question, texts).get(word)?.map((neighbour) => neighbour.word);
    expect(near("do you have an elevator", ["No, the building has no lift."], "elevator")).toEqual(["lift"]);
    expect(near("is there a telly in the rooms", ["All rooms have a flat-screen TV."], "telly")).toEqual(["tv"]);
    expect(near("does my baby need a swim diaper", ["Babies must wear a swim nappy."], "diaper")).toEqual(["nappy"]);
    expect(near("what does it cost to have my cat's teeth cleaned", ["Dental scale and polish,£280"], "teeth")).toEqual(["scale", "polish"]);
    expect(near("how much to fix a flat tyre", ["Puncture repair,£25"], "tyre")).toEqual(["puncture"]);
    // A phrasal verb with its object between its words.
    expect(near("can you pick my car up from home", ["We offer a free collection service."], "pick")).toEqual(["collection"]);
    // The documents' way must be said whole and in order: "health club" is no gym, "fixed" is no repair.
    expect(visitorPhraseNeighbours("do you have a gym", ["Join the Pet Health Club."]).size).toBe(0);
    expect(visitorPhraseNeighbours("is the price fixed", ["We repair every bike."]).size).toBe(0);
    expect(visitorPhraseNeighbours("is there a lift", ["There is an elevator to every floor."]).get("lift")?.map((neighbour) => neighbour.word)).toEqual(["elevator"]);
  });
});

describe("answering a visitor's phrase", () => {
  // Every text at the same point in meaning: only the words decide. Both sentences say "pass": a tie, the first is chosen.
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const policies = [
    "Cancelling a class",
    "",
    "You can cancel up to 12 hours before a class and the class is put on your pass again.",
    "",
    "Refunds",
    "",
    "Passes are not refundable, but we extend a pass by the length of an illness.",
  ].join("\n");
  const hits: AnswerSource[] = [{ chunkId: "policies", documentId: "policies", documentTitle: "policies.pdf", content: policies, score: 0.5, vectorScore: 0.4 }];

  it("answers 'money back' with the sentence saying refundable", async () => {
    await warmWordNet();
    expect(await extractiveAnswerText("Can I get my money back for a pass I haven't used?", hits, flat)).toContain("not refundable");
  });

  it("answers an everyday word with the sentence saying the business's word", async () => {
    await warmWordNet();
    const faq = ["## Getting around", "", "No, the building is Victorian and has no lift. Room 1 is on the ground floor.", "", "## Pets", "", "Well-behaved dogs are welcome for €15 per night."].join("\n");
    const source: AnswerSource[] = [{ chunkId: "faq", documentId: "faq", documentTitle: "faq.md", content: faq, score: 0.5, vectorScore: 0.4 }];
    expect(await extractiveAnswerText("do you have an elevator", source, flat)).toContain("no lift");
  });
});
