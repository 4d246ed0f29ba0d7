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
