import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { composeExtractiveAnswer } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { scoreUnits } from "./score-units";
import { leansOnSentenceBefore } from "./sentence-window";

// A fact split over two sentences (bench/README.md, "A fact split over two sentences"): a sentence naming what it is
// about only by a pronoun or a demonstrative leans on the sentence before it.

describe("a sentence leaning on the one before it", () => {
  it("reads English pronouns, demonstratives and 'then'", () => {
    expect(leansOnSentenceBefore("It is usually in the basement, next to the water meter.", "en")).toBe(true);
    expect(leansOnSentenceBefore("Book it at least a week ahead; you need a full driving licence.", "en")).toBe(true);
    expect(leansOnSentenceBefore("They are valid for 12 months.", "en")).toBe(true);
    expect(leansOnSentenceBefore("This includes a helmet and a lock.", "en")).toBe(true);
    expect(leansOnSentenceBefore("Then call our emergency line.", "en")).toBe(true);
    expect(leansOnSentenceBefore("Check-out is by 11 am.", "en")).toBe(false);
    // A pronoun after the first clause names the subject of its own sentence.
    expect(leansOnSentenceBefore("Sofia Lind leads the pregnancy classes; she is also a trained midwife.", "en")).toBe(false);
  });

  it("reads French pronouns but not impersonal 'il'", () => {
    expect(leansOnSentenceBefore("En juillet et en août, il est ouvert de 8h à 21h sans interruption.", "fr")).toBe(true);
    expect(leansOnSentenceBefore("Cette option est gratuite.", "fr")).toBe(true);
    expect(leansOnSentenceBefore("Il y a une laverie près de l'accueil.", "fr")).toBe(false);
    expect(leansOnSentenceBefore("Il faut réserver la veille.", "fr")).toBe(false);
  });

  it("reads German pronouns, not the polite 'Sie' nor 'es gibt'", () => {
    expect(leansOnSentenceBefore("Er dauert fünf Minuten und muss 48 Stunden vorher stattfinden.", "de")).toBe(true);
    expect(leansOnSentenceBefore("Sie ist unsere Spezialistin für Hochsteckfrisuren.", "de")).toBe(true);
    expect(leansOnSentenceBefore("Bei ihr bekommen Sie Schnitte zum halben Preis.", "de")).toBe(true);
    expect(leansOnSentenceBefore("Sie können bar oder mit Karte bezahlen.", "de")).toBe(false);
    expect(leansOnSentenceBefore("Es gibt Parkplätze in den Seitenstraßen.", "de")).toBe(false);
    expect(leansOnSentenceBefore("Parkplätze gibt es in den Seitenstraßen.", "de")).toBe(false);
  });

  it("reads Spanish pronouns and demonstratives, not the verb 'es'", () => {
    expect(leansOnSentenceBefore("Ella coordina los cursos de francés.", "es")).toBe(true);
    expect(leansOnSentenceBefore("Este curso empieza en julio.", "es")).toBe(true);
    expect(leansOnSentenceBefore("La directora académica es Lucía Ferrer.", "es")).toBe(false);
  });

  it("keeps the sentence before in the same paragraph, not across a list's items", () => {
    const [first, second] = splitAnswerUnits("Breakfast is included in all room rates. It is served in the conservatory from 7:30.");
    expect(first!.leansOn).toBeUndefined();
    expect(second!.leansOn).toBe("Breakfast is included in all room rates.");
    const items = splitAnswerUnits("- Bike hire costs £25 a day.\n- It includes a helmet and a lock.");
    expect(items.every((unit) => unit.leansOn === undefined)).toBe(true);
    const paragraphs = splitAnswerUnits("Breakfast is included in all room rates.\n\nIt is a lovely old house by the sea.");
    expect(paragraphs[1]!.leansOn).toBeUndefined();
  });
});

describe("answers from a sentence that leans on the one before it", () => {
  it("reads the words of the sentence leaned on, like a heading's", () => {
    const units = splitAnswerUnits("Turn off the main water shut-off valve right away. It is usually in the basement, next to the water meter.");
    const question = "where is the shut-off valve usually";
    const [, where] = scoreUnits(question, units, () => 0.3);
    const [, alone] = scoreUnits(question, [units[0]!, { ...units[1]!, leansOn: undefined }], () => 0.3);
    expect(where!.lexical).toBeGreaterThan(alone!.lexical);
    expect(where!.lexical).toBeLessThan(1);
  });

  it("quotes the sentence leaned on with the one chosen", () => {
    const sources = [answerSource("faq", "Breakfast is included in all room rates except the Saver rate. It is served in the conservatory from 7:30 to 10:00.")];
    const meaning = meaningBySubstring([["conservatory", 0.6]], 0.3);
    const { content } = composeExtractiveAnswer("what time is breakfast served in the conservatory", sources, {}, meaning);
    expect(content).toContain("Breakfast is included in all room rates except the Saver rate. It is served in the conservatory");
  });

  it("quotes the sentence after the one chosen when it leans on it", () => {
    const sources = [
      answerSource(
        "lessons",
        "Your first lesson\nYour instructor will check your provisional licence and ask you to read a number plate from 20 metres away. If you cannot read it, even with your glasses on, the lesson cannot go ahead and is charged.",
      ),
    ];
    const meaning = meaningBySubstring([["Your instructor", 0.6]], 0.3);
    const { content } = composeExtractiveAnswer("what if I can't read the number plate on my first lesson", sources, {}, meaning);
    expect(content).toContain("the lesson cannot go ahead");
  });

  it("answers a who-question with the person the sentence leaned on names (German)", () => {
    const sources = [
      answerSource(
        "team",
        "Unser Team\nSabine Albrecht hat den Salon 2009 gegründet und ist Friseurmeisterin. Sie ist unsere Spezialistin für Hochsteckfrisuren und Brautstyling.\nYusuf Demir ist Barbier und kümmert sich um Herrenschnitte.",
      ),
    ];
    const meaning = meaningBySubstring([], 0.3);
    expect(composeExtractiveAnswer("wer ist bei euch die spezialistin für hochsteckfrisuren", sources, {}, meaning).content).toContain("Sabine Albrecht");
  });
});
