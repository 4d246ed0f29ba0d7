import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { extractiveAnswerText } from "./answer-test-fixtures";
import type { AnswerSource } from "./types";
import { visitorPhraseNeighbours } from "./visitor-phrases";
import { warmWordNet } from "../wording/wordnet";

describe("visitorPhraseNeighbours", () => {
  it("matches a visitor's phrase's first word to the words the sources say for it", () => {
    const said = ["passes", "refundable", "refund", "discount", "courtesy", "car", "off"];
    expect(visitorPhraseNeighbours("Can I get my money back?", said).get("money")?.map((near) => near.word)).toEqual(["refund", "refundable"]);
    expect(visitorPhraseNeighbours("do over 65s get money off", said).get("money")?.map((near) => near.word)).toEqual(["discount", "off"]);
    expect(visitorPhraseNeighbours("Can I get a loan car?", said).get("loan")?.map((near) => near.word)).toEqual(["courtesy"]);
    // The words apart, or another phrase: no neighbour.
    expect(visitorPhraseNeighbours("do you take money? I'll be back", said).size).toBe(0);
    expect(visitorPhraseNeighbours("can I get a loan", said).size).toBe(0);
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
});
