import { describe, expect, it } from "vitest";
import { questionLanguage } from "./question-language";

describe("questionLanguage", () => {
  it("reads English chat-speak as English, and Dutch questions with the polite 'u' as Dutch", () => {
    expect(questionLanguage("r u open on thanksgiving")).toBe("en");
    expect(questionLanguage("do u accept bitcoin")).toBe("en");
    expect(questionLanguage("kunt u mij helpen")).toBe("nl");
    expect(questionLanguage("hoe laat bent u open")).toBe("nl");
    expect(questionLanguage("u open op zondag?")).toBe("nl");
  });
});
