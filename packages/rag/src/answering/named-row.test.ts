import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerSource } from "./answer-test-fixtures";
import { withContext } from "./answer-units";

// A question naming a row in full, over a table where a longer row's label is that name with more words.
const prices = [
  ["Repeat consultation", "£25", "same problem within 10 days"],
  ["Consultation", "£48", "15 minutes with a vet"],
  ["Nail clip", "£12", ""],
].map(([service, price, notes], index) => answerSource(`price-${index}`, `service: ${service}\nprice: ${price}\nnotes: ${notes}`, { documentId: "prices.csv" }));

/** The variant row nearer in meaning, as the local model put it (0.46 against 0.34). */
const nearerVariant: SentenceMeaning = { similarity: (unit) => (withContext(unit).includes("Repeat") ? 0.46 : 0.34) };

const ask = (question: string) => composeExtractiveAnswer(question, prices, {}, nearerVariant).content;

describe("the row a question names in full", () => {
  it("answers with it rather than with a nearer row whose label adds words the question does not say", () => {
    expect(ask("what's the consultation fee")).toContain("£48");
    expect(ask("what's the consultation fee")).not.toContain("£25");
  });

  it("keeps the variant when the question says its words", () => {
    expect(ask("how much is a repeat consultation")).toContain("£25");
  });
});
