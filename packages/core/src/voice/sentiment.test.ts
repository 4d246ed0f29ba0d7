import { describe, expect, it } from "vitest";
import { classifySentiment } from "./sentiment";

describe("classifySentiment", () => {
  it.each([
    [["Hi, what time do you open?"], "neutral"],
    [["Great, thank you so much!"], "positive"],
    [["The app is broken and I'm disappointed"], "negative"],
    [["This is ridiculous, let me speak to a real person"], "frustrated"],
    [["I have asked this three times", "How many times do I have to say it?", "ok"], "frustrated"],
    [["It was broken", "thanks, that fixed it"], "positive"],
  ] as const)("%j → %s", (lines, expected) => {
    expect(classifySentiment(lines)).toBe(expected);
  });
});
