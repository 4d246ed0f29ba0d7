import { describe, expect, it } from "vitest";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { composeExtractiveAnswer } from "./extractive-answer";
import { sameNounForm } from "./noun-forms";
import { NOT_FOUND_REPLIES } from "./not-found-reply";

// Forms of one noun no ending list pairs: French plurals in "-aux" / "-x", German feminine nouns (noun-forms.ts).

describe("forms of one noun", () => {
  it("pairs a French plural in -aux or -x with its singular", () => {
    expect(sameNounForm("animaux", "animal")).toBe(true);
    expect(sameNounForm("travail", "travaux")).toBe(true);
    expect(sameNounForm("bateaux", "bateau")).toBe(true);
    expect(sameNounForm("animaux", "anime")).toBe(false);
  });

  it("pairs a German feminine noun with the masculine's forms, and nothing shorter or English", () => {
    expect(sameNounForm("hundin", "hunde")).toBe(true);
    expect(sameNounForm("kundinnen", "kunden")).toBe(true);
    expect(sameNounForm("studentin", "studenten")).toBe(true);
    expect(sameNounForm("hundin", "hunds")).toBe(false);
    expect(sameNounForm("login", "log")).toBe(false);
    expect(sameNounForm("cabin", "cab")).toBe(false);
  });
});

describe("a German question naming the feminine of the documents' noun", () => {
  const sources = [
    answerSource("faq", "Kann ich meinen Hund mitbringen?\n\nKleine, ruhige Hunde sind willkommen. Bitte sagen Sie bei der Buchung Bescheid."),
    answerSource("team", "Unser Team\n\nLena Vogt ist Coloristin und macht Balayage."),
  ];
  const meaning = meaningBySubstring([["Hunde", 0.3], ["Lena Vogt", 0.2]]);

  it("is answered by the sentence naming the masculine", () => {
    expect(composeExtractiveAnswer("kann ich meine hündin mitbringen?", sources, {}, meaning).content).toContain("Hunde sind willkommen");
  });

  it("is still declined for an animal no source names", () => {
    expect(composeExtractiveAnswer("kann ich meine katze mitbringen?", sources, {}, meaning).content).toBe(NOT_FOUND_REPLIES.de);
  });
});
