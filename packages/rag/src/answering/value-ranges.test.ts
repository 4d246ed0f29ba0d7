import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { givenValues, rangeFit, statedRanges, statedValues, statesOtherValue, withoutOtherUnits } from "./value-ranges";
import type { AnswerSource } from "./types";

const row = (id: string, content: string): AnswerSource => ({
  chunkId: `chunk-${id}`,
  documentId: "doc-prices",
  documentTitle: "prices.csv",
  content,
  score: 0.5,
  vectorScore: 0.6,
  textScore: null,
});

describe("a value of the question against the ranges a row states", () => {
  it("reads the values a question gives, in their units", () => {
    expect(givenValues("how much to neuter a 30kg labrador")).toEqual([{ value: 30, unit: "kg" }]);
    expect(givenValues("a table for 3 people on Sunday")).toEqual([{ value: 3, unit: "people" }]);
    expect(givenValues("2 adults and 1 child for 2.5 hours")).toEqual([
      { value: 2, unit: "people" },
      { value: 1, unit: "children" },
      { value: 2.5, unit: "hour" },
    ]);
    expect(givenValues("How much is a consultation?")).toEqual([]);
  });

  it("reads the ranges a sentence states, open or closed", () => {
    expect(statedRanges("Dog neuter under 20 kg")).toEqual([{ low: -Infinity, high: 20, unit: "kg" }]);
    expect(statedRanges("Dog neuter 20 kg and over")).toEqual([{ low: 20, high: Infinity, unit: "kg" }]);
    expect(statedRanges("Tables for 2–4 guests")).toEqual([{ low: 2, high: 4, unit: "people" }]);
    expect(statedRanges("Groups of 6+ people")).toEqual([{ low: 6, high: Infinity, unit: "people" }]);
    expect(statedRanges("up to 4 persons")).toEqual([{ low: -Infinity, high: 4, unit: "people" }]);
    // A bare amount, a clock time and a price are no ranges.
    expect(statedRanges("Family room for 4 guests")).toEqual([]);
    expect(statedRanges("Open 09:00 to 17:00")).toEqual([]);
    expect(statedRanges("Bills over £300 can be spread")).toEqual([]);
  });

  it("fits a row whose range holds the value, and counts against one in the same unit that does not", () => {
    const values = givenValues("a 30kg labrador");
    expect(rangeFit(values, "Dog neuter 20 kg and over")).toBe(1);
    expect(rangeFit(values, "Dog neuter under 20 kg")).toBe(-1);
    expect(rangeFit(values, "Cat spay")).toBe(0);
    expect(rangeFit(values, "Bikes for riders under 150 cm")).toBe(0);
    expect(rangeFit([], "Dog neuter under 20 kg")).toBe(0);
  });

  it("answers with the row whose range holds the value", () => {
    const rows = [row("under", "service: Dog neuter under 20 kg\nprice: £245"), row("over", "service: Dog neuter 20 kg and over\nprice: £310")];
    const meaning: SentenceMeaning = { similarity: (unit) => (unit.text.includes("under") ? 0.64 : 0.63) };
    expect(composeExtractiveAnswer("how much to neuter a 30kg labrador", rows, {}, meaning).content).toContain("£310");
    expect(composeExtractiveAnswer("how much to neuter my 12 kg terrier", rows, {}, meaning).content).toContain("£245");
  });

  it("matches a number the question gives in a unit only where the text states it in that unit", () => {
    const values = givenValues("If I cancel 3 days before arrival, will I be charged?");
    expect(withoutOtherUnits(["check", "3", "pm"], values, "Check-in is from 3 pm to 10 pm.")).toEqual(["check", "pm"]);
    expect(withoutOtherUnits(["cancel", "3", "days"], values, "Cancel 3 days before arrival.")).toEqual(["cancel", "3", "days"]);
    // A number the question gives without a unit matches as any word.
    expect(withoutOtherUnits(["3", "pm"], givenValues("is room 3 free"), "Check-in is from 3 pm.")).toEqual(["3", "pm"]);
  });
});

describe("a value of the question against the values a sentence states", () => {
  it("reads the values a sentence states, in figures or words, hyphenated or not", () => {
    expect(statedValues("Sports massage; Length: 30 minutes; Price: £40")).toEqual([{ value: 30, unit: "minute" }]);
    expect(statedValues("A 10-class pass costs £115; a drop-in is one class")).toEqual([
      { value: 10, unit: "class" },
      { value: 1, unit: "class" },
    ]);
    expect(statedValues("Open 09:00 to 17:00, £14")).toEqual([]);
  });

  it("tells a sentence stating another value in the question's unit from one stating it, a range or no such unit", () => {
    const ninety = givenValues("how much is a 90 minute sports massage");
    expect(statesOtherValue(ninety, "Treatment: Sports massage; Length: 30 minutes; Price: £40")).toBe(true);
    expect(statesOtherValue(givenValues("how much is a 30 minute sports massage"), "Sports massage; Length: 30 minutes; Price: £40")).toBe(false);
    // A range is rangeFit's to read: "from 14 weeks" holds 16 weeks.
    expect(statesOtherValue(givenValues("I'm 16 weeks pregnant"), "Yes, from 14 weeks of pregnancy.")).toBe(false);
    expect(statesOtherValue(ninety, "Packages of five treatments cost £235.")).toBe(false);
    expect(statesOtherValue([], "Sports massage; Length: 30 minutes")).toBe(false);
  });

  it("declines a price asked for a value no row states, and answers with the row stating it", () => {
    const rows = [
      row("short", "Treatment: Sports massage\nLength: 30 minutes\nPrice: £40"),
      row("long", "Treatment: Sports massage\nLength: 60 minutes\nPrice: £60"),
    ];
    const meaning: SentenceMeaning = { similarity: () => 0.6 };
    expect(composeExtractiveAnswer("how much is a 90 minute sports massage", rows, {}, meaning).citations).toEqual([]);
    expect(composeExtractiveAnswer("how much is a 60 minute sports massage", rows, {}, meaning).content).toContain("£60");
    // A question that is no price question is left to the other rules: "10 minutes late" over "5 minutes after".
    const late = [row("late", "Arriving late\nDoors close 5 minutes after the class begins.")];
    expect(composeExtractiveAnswer("What happens if I turn up 10 minutes late?", late, {}, meaning).content).toContain("5 minutes after");
  });
});

