import { describe, expect, it } from "vitest";
import { answerSignals, answersNeighbouringFact, NEIGHBOURING_FACT, neighbouringFactOdds } from "./answer-signals";
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
