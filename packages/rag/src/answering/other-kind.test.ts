import { beforeAll, describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { answerSource } from "./answer-test-fixtures";
import { sameSlot } from "./other-kind";
import { warmWordNet } from "../wording/wordnet";

// A price question about a kind no source's table names, over a row pricing another kind of the same thing.

/** Every sentence equally near in meaning: only words, rows and kinds decide. */
const flat: SentenceMeaning = { similarity: () => 0.42 };

/** A CSV price list as the loader writes it: one record per chunk, "Field: value" lines. */
const prices = [
  ["Consultation", "£48"],
  ["Cat spay", "£120"],
  ["Dog neuter", "£245"],
  ["Dog vaccination first course", "£85"],
  ["Cat vaccination first course", "£78"],
  ["Nail clip", "£12"],
].map(([service, price], index) => answerSource(`price-${index}`, `service: ${service}\nprice: ${price}`, { documentId: "prices.csv" }));

const towns = [
  ["Columbus", "$0"],
  ["Dublin", "$25"],
  ["Westerville", "$35"],
].map(([town, charge], index) => answerSource(`town-${index}`, `Town: ${town}\nTrip charge: ${charge}`, { documentId: "service-area.csv" }));

const ask = (question: string, hits = prices) => composeExtractiveAnswer(question, hits, {}, flat).content;

describe("two kinds of one thing (WordNet)", () => {
  beforeAll(async () => {
    await warmWordNet();
  }, 120_000);

  it("reads two nouns as two values of one slot only when their nearest shared kind is near and narrow", () => {
    expect(sameSlot("rabbit", "cat")).toBe(true);
    expect(sameSlot("ferret", "cat")).toBe(true);
    expect(sameSlot("cincinnati", "columbus")).toBe(true);
    // A kind of the other, one kind, or kinds sharing only a broad kind ("act", "abstraction") are no slot.
    expect(sameSlot("puppy", "dog")).toBe(false);
    expect(sameSlot("kids", "children")).toBe(false);
    expect(sameSlot("intro", "course")).toBe(false);
    expect(sameSlot("event", "rate")).toBe(false);
  });

  it("declines a price question about a kind no row names rather than quote another kind's row", () => {
    expect(ask("how much to spay a cat")).toContain("£120");
    expect(ask("how much to spay a rabbit")).toBe(NOT_FOUND_ANSWER);
    expect(ask("how much does it cost to neuter a rabbit")).toBe(NOT_FOUND_ANSWER);
    expect(ask("what's the trip charge for cincinnati", towns)).toBe(NOT_FOUND_ANSWER);
    expect(ask("what's the trip charge for westerville", towns)).toContain("$35");
  });

  it("answers with the row naming another value of the slot when the best one is dropped", () => {
    // "kitten" names no row; "Dog vaccination" shares more words but prices another kind, "Cat vaccination" is the
    // other value of that slot in the same table.
    expect(ask("price of the first vaccination course for a kitten")).toContain("£78");
  });
});
