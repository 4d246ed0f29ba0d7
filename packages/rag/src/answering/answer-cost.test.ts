import { afterEach, describe, expect, it, vi } from "vitest";
import { answerQuestion } from "./answer-question";
import { extractiveCompositions } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType } from "./question-type";
import { splitAnswerUnits } from "./answer-units";
import { answerUnitsOf, scoreUnits, wordsOf } from "./score-units";
import { readVisitorQuestion } from "../wording/visitor-question";
import type { AnswerSource } from "./types";
import { letterEmbeddings } from "../testing/letter-embeddings";

const hours: AnswerSource = {
  chunkId: "chunk-hours",
  documentId: "doc-hours",
  documentTitle: "Opening hours",
  content: "Welcome to Hotel Aurora.\nOur front desk is open every day from 7am to 11pm. After 11pm, ring the night bell at the entrance.",
  score: 0.8,
  vectorScore: 0.62,
  textScore: null,
};

afterEach(() => vi.restoreAllMocks());

describe("what an answer computes once", () => {
  it("composes the answer once per way of reading the question: the answer is the composition that chose it", async () => {
    const before = extractiveCompositions();
    let content = "";
    const input = { question: "When is the front desk open?", history: [], hits: [hours], systemPrompt: "", chatModel: null, embeddings: letterEmbeddings };
    for await (const event of answerQuestion(input)) if (event.type === "done") content = event.content;
    expect(content).toContain("Our front desk is open every day from 7am to 11pm.");
    // Checking that the question in its own words answers composes once; the answer is that composition, not a second.
    expect(extractiveCompositions() - before).toBe(1);
  });

  it("works out a question's kind of fact and a sentence's fit once, then remembers them", () => {
    const question = "At what time does the sauna on the roof close on Sundays?";
    const sentence = "The rooftop sauna closes at 9 pm on Sundays and at 10 pm on other days.";
    expect(answerTypeOf(question)).toBe("time");
    expect(fitsAnswerType("time", sentence)).toBe(true);
    const tested = vi.spyOn(RegExp.prototype, "test");
    expect(answerTypeOf(question)).toBe("time");
    expect(fitsAnswerType("time", sentence)).toBe(true);
    expect(tested).not.toHaveBeenCalled();
    // Another type's fit of the same sentence is its own question.
    expect(fitsAnswerType("price", sentence)).toBe(false);
    expect(tested).toHaveBeenCalled();
  });

  it("splits a passage into its sentences once, then remembers them (a copy of the list, the same sentences)", () => {
    const first = splitAnswerUnits(hours.content, 2);
    first.pop();
    const again = splitAnswerUnits(hours.content, 2);
    expect(again).toHaveLength(first.length + 1);
    expect(again[0]).toBe(first[0]);
    // Another source's passage: its units say so.
    expect(splitAnswerUnits(hours.content, 3)[0]!.source).toBe(3);
  });

  it("reads a sentence's words as they meet a question's once, then remembers them (a copy each time)", () => {
    const [question, text] = ["Do you have a hair dryer on Saturdays?", "Every room has a hairdryer; the desk opens Saturday and Sunday."];
    const words = wordsOf(question, text);
    expect(words).toEqual(expect.arrayContaining(["hair", "dryer", "weekend"]));
    words.push("extra");
    const tested = vi.spyOn(RegExp.prototype, "test");
    expect(wordsOf(question, text)).toEqual(words.slice(0, -1));
    expect(tested).not.toHaveBeenCalled();
  });

  it("reads a question's sentences once for all its scorings: another meaning or other neighbours reuse the reading", () => {
    const question = "Can I ring the night bell after 11pm on a Sunday?";
    const units = answerUnitsOf([hours.content]);
    const first = scoreUnits(question, units, () => 0.3);
    const tested = vi.spyOn(RegExp.prototype, "test");
    const again = scoreUnits(question, units, () => 0.5, new Map([["ring", [{ word: "bell", similarity: 0.7 }]]]));
    expect(tested).not.toHaveBeenCalled();
    // The same words and kinds of fact; the meaning is the one given now, and "bell" counts for "ring" where it is said.
    expect(again.map((unit) => unit.fitsType)).toEqual(first.map((unit) => unit.fitsType));
    expect(again.map((unit) => unit.meaning)).toEqual(first.map(() => 0.5));
    expect(again.find((unit) => unit.text.includes("night bell"))!.lexical).toBeGreaterThanOrEqual(first.find((unit) => unit.text.includes("night bell"))!.lexical);
  });

  it("reads a visitor's question once, then remembers the reading", () => {
    expect(readVisitorQuestion("hi there, r u open sat? thanks")).toBe(readVisitorQuestion("hi there, r u open sat? thanks"));
    const tested = vi.spyOn(RegExp.prototype, Symbol.replace);
    const read = readVisitorQuestion("hi there, r u open sat? thanks");
    expect(read).not.toContain("thanks");
    expect(tested).not.toHaveBeenCalled();
  });
});
