import { describe, expect, it } from "vitest";
import { answerSignals, answersNeighbouringFact, NEIGHBOURING_FACT, neighbouringFactOdds, pricesAnotherThing } from "./answer-signals";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, withoutNeighbouringFact } from "./extractive-answer";
import { answerUnitsOf, scoreUnits } from "./score-units";

describe("answerSignals", () => {
  const passages = [
    "## Boarding\nWe board dogs and cats. Rabbits stay in the small-animal room for $18 a night.",
    "## Grooming\nA full groom for a small dog is $75.",
  ];
  const question = "do you groom rabbits";
  const units = answerUnitsOf(passages);
  const scored = scoreUnits(question, units, (unit) => (unit.text.includes("Rabbits") ? 0.6 : 0.3));
  const best = scored.find((unit) => unit.text.includes("Rabbits"))!;

  it("counts the topic words the chosen section misses but another section read names", () => {
    const signals = answerSignals({ question, type: null, yesNo: true, best, scored, unknown: [], carrying: false, subject: ["rabbits"] });
    expect(signals.subjectShare).toBe(1);
    expect(signals.hasSubject).toBe(true);
    expect(signals.topicShare).toBe(0.5);
    expect(signals.missedElsewhere).toBe(1);
    expect(signals.missedElsewhereShare).toBe(0.5);
    expect(signals.gap).toBe(0);
    expect(signals.z).toBeGreaterThan(0);
  });

  it("reads a subject word the section says through a neighbour as named", () => {
    const neighbours = new Map([["bunnies", [{ word: "rabbits", similarity: 0.7 }]]]);
    const signals = answerSignals({ question: "do you board bunnies", type: null, yesNo: true, best, scored, unknown: ["bunnies"], carrying: true, subject: ["bunnies"], neighbours });
    expect(signals.subjectShare).toBe(1);
    expect(signals.unknownShare).toBe(0.5);
  });
});

describe("answers from a neighbouring fact (NEIGHBOURING_FACT)", () => {
  it("vetoes a yes/no answer sharing few words whose missing ones the sources say elsewhere", () => {
    expect(answersNeighbouringFact({ lexical: 0.23, topicShare: 0.33, missedElsewhereShare: 0.67 })).toBe(true);
    // The words it misses are said nowhere: left to the rules for words no source mentions.
    expect(answersNeighbouringFact({ lexical: 0.23, topicShare: 0.33, missedElsewhereShare: 0 })).toBe(false);
    // It shares most of the question's words.
    expect(answersNeighbouringFact({ lexical: 0.6, topicShare: 0.33, missedElsewhereShare: 0.67 })).toBe(false);
    // The nearest right answer of the dev sets ("can I borrow a truck for moving day" over the van hire section).
    expect(neighbouringFactOdds({ lexical: 0.27, topicShare: 0.25, missedElsewhereShare: 0.5 })).toBeLessThan(NEIGHBOURING_FACT.threshold);
  });

  it("declines such an English yes/no answer once composed, and leaves others", () => {
    const sources = [
      answerSource("guarantee", "## Workmanship guarantee\nAll of our repair work is guaranteed for one year."),
      answerSource("parking", "## Parking\nPark by the garage door behind the office, next to the opener box."),
    ];
    const meaning = meaningBySubstring([["repair work", 0.5], ["garage door", 0.3]]);
    const question = "can you repair my garage door opener";
    const composed = composeExtractiveAnswer(question, sources, {}, meaning);
    expect(composed.citations.length).toBe(1);
    expect(composed.content).toContain("guaranteed");
    expect(withoutNeighbouringFact(question, composed)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    const named = "do you guarantee repair work";
    const answered = composeExtractiveAnswer(named, sources, {}, meaning);
    expect(withoutNeighbouringFact(named, answered)).toBe(answered);
  });
});

describe("a price of something else (pricesAnotherThing)", () => {
  it("holds when the section names no topic word and the sources know a word of the question", () => {
    expect(pricesAnotherThing({ topicShare: 0, unknownShare: 0.67 })).toBe(true);
    // Every word unknown to the sources: nothing could be named, meaning decides.
    expect(pricesAnotherThing({ topicShare: 0, unknownShare: 1 })).toBe(false);
    // The section names a topic word.
    expect(pricesAnotherThing({ topicShare: 0.33, unknownShare: 0.67 })).toBe(false);
  });

  const sources = [
    answerSource("club", "## Pet Health Club\nThe Pet Health Club costs £14.50 a month and covers yearly vaccinations."),
    answerSource("fees", "## Missed appointments\nWe charge £20 for an appointment missed without notice."),
  ];
  const meaning = meaningBySubstring([["Pet Health Club costs", 0.5], ["£20", 0.3]]);

  it("declines a price question whose chosen section names none of its topic words", () => {
    expect(composeExtractiveAnswer("what do you charge for a rabies jab", sources, {}, meaning)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // Named: answered from the same section.
    expect(composeExtractiveAnswer("what do you charge for the pet health club", sources, {}, meaning).content).toContain("£14.50");
  });

  it("leaves a price question none of whose words the sources know to meaning", () => {
    const regas = [answerSource("regas", "## Servicing\nAir-conditioning regas costs £79 and takes an hour.")];
    const answered = composeExtractiveAnswer("how much to get the aircon topped up", regas, {}, meaningBySubstring([["regas", 0.5]]));
    expect(answered.content).toContain("£79");
  });
});
