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

  it("tells a question of content words only by the French and Spanish word lists", () => {
    expect(questionLanguage("horaires accueil juillet")).toBe("fr");
    expect(questionLanguage("cours de voltige ?")).toBe("fr");
    expect(questionLanguage("precio clases particulares")).toBe("es");
    expect(questionLanguage("vuestro email por favor")).toBe("es");
    expect(questionLanguage("clases de chino?")).toBe("es");
    // English content words stay English; a word both lists hold ("location", "parking") splits its vote.
    expect(questionLanguage("parking?")).toBe("en");
    expect(questionLanguage("location of the campsite")).toBe("en");
    expect(questionLanguage("wifi password")).toBe("en");
    expect(questionLanguage("opening hours saturday")).toBe("en");
    // No list for German: a German question of content words only is still read as English.
    expect(questionLanguage("preis bartpflege")).toBe("en");
  });
});
