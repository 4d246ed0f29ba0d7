import { describe, expect, it } from "vitest";
import { splitSentences } from "./text-analysis";

describe("splitSentences", () => {
  it("keeps statements, drops Markdown headings and list markers", () => {
    const passage = "# Parking at Harbor Dental\nVisitor parking is in the Blue Garage. Bring your ticket.\n- Level 3 is reserved\n2. Pay at reception";
    expect(splitSentences(passage)).toEqual([
      "Visitor parking is in the Blue Garage.",
      "Bring your ticket.",
      "Level 3 is reserved",
      "Pay at reception",
    ]);
  });
});

describe("splitSentences on wrapped text", () => {
  it("joins lines wrapped inside a paragraph but keeps list items and FAQ lines apart", () => {
    const passage = [
      "Bring your parking ticket to reception and we",
      "validate it for three hours.",
      "",
      "Q: Do you take walk-ins?",
      "A: Yes, until noon",
      "- Level 3 is reserved",
      "- Level 4 is free",
    ].join("\n");
    expect(splitSentences(passage)).toEqual([
      "Bring your parking ticket to reception and we validate it for three hours.",
      "Q: Do you take walk-ins?",
      "A: Yes, until noon",
      "Level 3 is reserved",
      "Level 4 is free",
    ]);
  });
});
