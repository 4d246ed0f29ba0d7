import { describe, expect, it } from "vitest";
import { perturbQuestion, typo } from "./perturb-question";

describe("perturbQuestion", () => {
  it("is the same for the same seed and question, and differs across seeds", () => {
    const question = "Can I change my appointment to Saturday?";
    expect(perturbQuestion(question, 1)).toBe(perturbQuestion(question, 1));
    const wordings = new Set([1, 2, 3, 4, 5, 6].map((seed) => perturbQuestion(question, seed)));
    expect(wordings.size).toBeGreaterThan(3);
  });

  it("changes how it is typed, never what is asked", () => {
    const question = "How much does a full service cost?";
    for (let seed = 1; seed <= 20; seed += 1) {
      const noisy = perturbQuestion(question, seed).toLowerCase();
      // Every content word is still there, or one slip away from it.
      expect(noisy, String(seed)).toMatch(/much/);
      expect(noisy, String(seed)).toMatch(/cost/);
    }
    expect(perturbQuestion(question, 1, { lowerCase: 1, dropQuestionMark: 1, chatSpeak: 0, typo: 0, preamble: 0, ending: 0 })).toBe("how much does a full service cost");
  });

  it("makes one slip inside a word, never at its first letter", () => {
    let state = 0;
    const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
    for (let round = 0; round < 50; round += 1) {
      const slipped = typo("appointment", random);
      expect(slipped[0]).toBe("a");
      expect(Math.abs(slipped.length - "appointment".length)).toBeLessThanOrEqual(1);
    }
  });
});
