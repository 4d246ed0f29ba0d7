import { beforeAll, describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { answerSource } from "./answer-test-fixtures";
import { countedWords, sameSlot } from "./other-kind";
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

  it("reads periods and sides as closed sets of values, whatever WordNet says of them", () => {
    expect(sameSlot("week", "day")).toBe(true);
    expect(sameSlot("weekly", "day")).toBe(true);
    expect(sameSlot("rear", "front")).toBe(true);
    expect(sameSlot("left", "right")).toBe(true);
    // One value in two forms, or values of two sets, are no other value.
    expect(sameSlot("annual", "year")).toBe(false);
    expect(sameSlot("month", "monthly")).toBe(false);
    expect(sameSlot("week", "front")).toBe(false);
    expect(sameSlot("week", "cat")).toBe(false);
  });

  it("declines the price of a period or a side no row names rather than quote another's row", () => {
    const passes = [
      ["Day pass", "$30 a day"],
      ["Monthly membership", "$195 a month"],
    ].map(([pass, price], index) => answerSource(`pass-${index}`, `Pass: ${pass}\nPrice: ${price}`, { documentId: "passes.csv" }));
    expect(ask("how much is a day pass", passes)).toContain("$30");
    expect(ask("how much is a week pass", passes)).toBe(NOT_FOUND_ANSWER);
    const parts = [
      ["Brake pads (front axle)", "£145"],
      ["Brake discs and pads (front axle)", "£260"],
      ["Wheel alignment", "£49"],
    ].map(([item, price], index) => answerSource(`part-${index}`, `service: ${item}\nprice: ${price}`, { documentId: "garage-prices.csv" }));
    expect(ask("how much are front brake pads", parts)).toContain("£145");
    expect(ask("how much are rear brake pads", parts)).toBe(NOT_FOUND_ANSWER);
  });

  it("reads a period the question counts as a length or an age, not as the period asked for", () => {
    const rooms = [answerSource("rooms", "Children under 5 stay free; an extra bed for an older child costs €25 per night.")];
    expect(ask("How much for an extra bed for my 8 year old?", rooms)).toContain("€25");
    expect(countedWords("a bed for my 8 year old, two nights")).toEqual(["year", "nights"]);
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
