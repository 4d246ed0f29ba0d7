import { describe, expect, it } from "vitest";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { composeExtractiveAnswer } from "./extractive-answer";
import { narrowingWords } from "./key-subject";
import { NOT_FOUND_REPLIES } from "./not-found-reply";

// A word narrowing the thing a French, Spanish or German question asks about, which no source read says (session 21,
// bench/README.md "A narrowing word no source says").

describe("the words narrowing the thing asked about", () => {
  it("reads the noun after de / en (French, Spanish) and mit (German), determiners skipped", () => {
    expect(narrowingWords("dais clases de chino?")).toEqual(["chino"]);
    expect(narrowingWords("¿hay cursos intensivos en agosto?")).toEqual(["agosto"]);
    expect(narrowingWords("combien coûte la location d'une planche de surf ?")).toEqual(["planche", "surf"]);
    expect(narrowingWords("habt ihr eine kundenkarte mit punkten")).toEqual(["punkten"]);
  });

  it("reads no verb after the noun, no interrogative, no count or span, and no English", () => {
    expect(narrowingWords("kann man bei euch mit apple pay zahlen")).toEqual(["apple"]);
    expect(narrowingWords("le remboursement de la caution se fait quand")).toEqual(["caution"]);
    expect(narrowingWords("vous repondez aux messages en combien de temps")).toEqual([]);
    expect(narrowingWords("l'eau est à combien de degrés")).toEqual([]);
    expect(narrowingWords("do you teach classes of Chinese in August")).toEqual([]);
  });

  it("reads the noun after a preposition made with a noun, not that noun ('en caso de', 'en cas de', 'au lieu de')", () => {
    expect(narrowingWords("hay algún descuento en caso de desempleo?")).toEqual(["desempleo"]);
    expect(narrowingWords("que se passe-t-il en cas d'annulation ?")).toEqual(["annulation"]);
    expect(narrowingWords("je peux payer en liquide au lieu de la carte ?")).toEqual(["liquide", "carte"]);
    // The same noun not followed by "de" narrows: "en caso" alone is no preposition.
    expect(narrowingWords("¿hay clases en lugar cerrado?")).toEqual(["lugar"]);
  });
});

describe("a question narrowed by a word no source read says", () => {
  const sources = [
    answerSource("lost", "Clases perdidas\n\nLas clases de grupo perdidas no se recuperan ni se descuentan de la mensualidad."),
    answerSource("team", "Equipo\n\nAnna Schneider da clases de alemán e italiano."),
  ];
  // Noise as the local model gives a Spanish question: the nearest sentence is not the one about the language.
  const meaning = meaningBySubstring([["Las clases de grupo", 0.5], ["Anna Schneider", 0.3]]);

  it("is declined: the sentence sharing its other words answers another question", () => {
    expect(composeExtractiveAnswer("dais clases de chino?", sources, {}, meaning).content).toBe(NOT_FOUND_REPLIES.es);
  });

  it("is answered when a source read says the narrowing word", () => {
    expect(composeExtractiveAnswer("dais clases de alemán?", sources, {}, meaning).content).toContain("alemán");
  });

  it("is answered when the noun after 'en caso de' is said, although no source says 'caso'", () => {
    const discounts = [answerSource("faq", "¿Hay descuentos?\n\nLas personas desempleadas tienen un 15 % de descuento presentando la tarjeta de demanda de empleo.")];
    const near = meaningBySubstring([["desempleadas", 0.5]]);
    expect(composeExtractiveAnswer("hay algún descuento en caso de desempleo?", discounts, {}, near).content).toContain("15 % de descuento");
  });

});
