import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { splitAnswerUnits } from "./answer-units";
import { asksUnnamedKind } from "./unnamed-kind";

/** Sentences near in meaning, and the words no source names weighed: `shifts` says how far each moves the question. */
const weighed = (table: Array<[string, number]>, shifts: Record<string, number>): SentenceMeaning => ({
  ...meaningBySubstring(table, 0.1),
  shift: (word) => shifts[word] ?? 0,
  unknownShift: () => Math.max(0, ...Object.values(shifts)),
});

const tyres = answerSource("services", "## Tyres\nWe stock Michelin, Continental and budget tyres. Fitting and balancing are included in the tyre price.");
const supplies = answerSource("supplies", "## Packing supplies\nWe sell boxes, tape, bubble wrap and padlocks in the office.");

describe("a question about a kind of thing the section names no such one of", () => {
  it("declines 'Pirelli tyres' over a section naming other tyres, and answers the tyres it names", () => {
    const meaning = weighed([["Michelin", 0.57]], { pirelli: 0.165 });
    expect(composeExtractiveAnswer("do you stock Pirelli tyres", [tyres], {}, meaning)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    expect(composeExtractiveAnswer("do you stock Michelin tyres", [tyres], {}, weighed([["Michelin", 0.6]], {})).content).toContain("Michelin, Continental");
  });

  it("takes a name no dictionary knows ('Trane', a brand) as narrowing the thing, however little the model weighs it", () => {
    const furnaces = answerSource("faq", "## What brands of furnace do you install?\nWe are a Carrier Factory Authorized Dealer and also install Lennox and Rheem equipment.");
    const meaning = weighed([["Carrier", 0.55]], { trane: 0.078 });
    expect(composeExtractiveAnswer("do you install Trane furnaces", [furnaces], {}, meaning)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    expect(composeExtractiveAnswer("do you install Lennox furnaces", [furnaces], {}, weighed([["Carrier", 0.55]], {})).content).toContain("Lennox and Rheem");
  });

  it("answers when the narrowing word carries little of the question ('cardboard boxes' are boxes)", () => {
    const meaning = weighed([["boxes", 0.49]], { cardboard: 0.094 });
    expect(composeExtractiveAnswer("do you sell cardboard boxes", [supplies], {}, meaning).content).toContain("We sell boxes");
  });

  it("reads only the words right before the head as narrowing it, and leaves a head the section does not name to meaning", () => {
    const units = splitAnswerUnits(supplies.content);
    const carries = () => true;
    // "rays" is no head of "copy": a copy of X-rays is a copy.
    expect(asksUnnamedKind({ question: "Can I get a copy of my X-rays?", subject: ["copy", "rays"], unknown: ["copy"], section: units, carries })).toBe(false);
    // "cartons" is named nowhere: whether "boxes" says it is for meaning to tell, not this rule.
    expect(asksUnnamedKind({ question: "do you sell cardboard cartons", subject: ["cardboard", "cartons"], unknown: ["cardboard", "cartons"], section: units, carries })).toBe(false);
    expect(asksUnnamedKind({ question: "do you sell mattress boxes", subject: ["mattress", "boxes"], unknown: ["mattress"], section: units, carries })).toBe(true);
  });
});
