import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
import { defaultNotFoundReply, NOT_FOUND_REPLIES, notFoundReply } from "./not-found-reply";
import { questionLanguage } from "./question-language";
import type { AnswerSource } from "./types";

// The not-found reply in the visitor's language, told from the function words full-text search already drops.

const pets: AnswerSource = {
  chunkId: "chunk-pets",
  documentId: "doc-pets",
  documentTitle: "Haustiere",
  content: "Hunde sind im Salon willkommen, solange sie an der Leine bleiben.",
  score: 0.5,
  vectorScore: 0.1,
  textScore: null,
};

describe("the language of a question", () => {
  it("tells the languages a reply exists for by their function and question words", () => {
    expect(questionLanguage("Do you have a sauna?")).toBe("en");
    expect(questionLanguage("Gibt es einen Studentenrabatt?")).toBe("de");
    expect(questionLanguage("Wo kann ich parken?")).toBe("de");
    expect(questionLanguage("Avez-vous un parking ?")).toBe("fr");
    expect(questionLanguage("Combien coûte une coupe ?")).toBe("fr");
    expect(questionLanguage("¿Puedo traer a mi perro?")).toBe("es");
    expect(questionLanguage("Cuánto cuesta un corte?")).toBe("es");
    expect(questionLanguage("Posso portare il mio cane?")).toBe("it");
    expect(questionLanguage("Quanto costa un taglio?")).toBe("it");
    expect(questionLanguage("Hebben jullie een parkeerplaats?")).toBe("nl");
    expect(questionLanguage("Posso levar o meu cão?")).toBe("pt");
    expect(questionLanguage("Vocês têm estacionamento?")).toBe("pt");
  });

  it("tells questions typed without accents: Spanish 'vosotros' verbs, 'a que hora', German verbs of asking", () => {
    expect(questionLanguage("aceptais bizum?")).toBe("es");
    expect(questionLanguage("cerrais en fallas?")).toBe("es");
    expect(questionLanguage("que dias librais en navidad")).toBe("es");
    expect(questionLanguage("a que hora abre la secretaria en agosto?")).toBe("es");
    expect(questionLanguage("cuanto cuesta")).toBe("es");
    expect(questionLanguage("durfen kinder alleine kommen")).toBe("de");
    expect(questionLanguage("was kostet Wimpern farben")).toBe("de");
    // French "-ais" forms stay French, Portuguese "-veis" Portuguese, and English stays English.
    expect(questionLanguage("je voudrais une place")).toBe("fr");
    expect(questionLanguage("vous parlez anglais ?")).toBe("fr");
    expect(questionLanguage("quais são os horários disponiveis")).toBe("pt");
    expect(questionLanguage("do you sell dais for weddings")).toBe("en");
    expect(questionLanguage("what does a haircut cost")).toBe("en");
  });

  it("falls back to English when nothing tells (content words only, another language)", () => {
    expect(questionLanguage("Parkplatz?")).toBe("en");
    expect(questionLanguage("Есть ли парковка?")).toBe("en");
    expect(questionLanguage("")).toBe("en");
  });
});

describe("the not-found reply", () => {
  it("is in the question's language, English otherwise", () => {
    expect(notFoundReply("Haben Sie eine Sauna?")).toBe(NOT_FOUND_REPLIES.de);
    expect(notFoundReply("Avez-vous un sauna ?")).toBe(NOT_FOUND_REPLIES.fr);
    expect(notFoundReply("Sauna?")).toBe(NOT_FOUND_ANSWER);
  });

  it("is the bot owner's own when they wrote one, whatever the language", () => {
    expect(notFoundReply("Haben Sie eine Sauna?", "Dazu weiß ich nichts — rufen Sie uns an: 0761 123456.")).toBe("Dazu weiß ich nichts — rufen Sie uns an: 0761 123456.");
    expect(notFoundReply("Haben Sie eine Sauna?", "   ")).toBe(NOT_FOUND_REPLIES.de);
  });

  it("is what an extractive answer declines with, without citations", () => {
    expect(composeExtractiveAnswer("Wie viel kostet ein Parkplatz in Berlin?", [])).toEqual({ content: NOT_FOUND_REPLIES.de, citations: [] });
    expect(composeExtractiveAnswer("Combien coûte le parking à Lyon ?", [pets])).toEqual({ content: NOT_FOUND_REPLIES.fr, citations: [] });
    expect(composeExtractiveAnswer("Combien coûte le parking à Lyon ?", [pets], { notFoundReply: "Appelez-nous." })).toEqual({ content: "Appelez-nous.", citations: [] });
  });

  it("by default is the one of a language tag's language, English for a tag no reply is written in", () => {
    expect(defaultNotFoundReply("fr-CA")).toBe(NOT_FOUND_REPLIES.fr);
    expect(defaultNotFoundReply("de_AT")).toBe(NOT_FOUND_REPLIES.de);
    expect(defaultNotFoundReply("PT")).toBe(NOT_FOUND_REPLIES.pt);
    expect(defaultNotFoundReply("ja")).toBe(NOT_FOUND_REPLIES.en);
    expect(defaultNotFoundReply(undefined)).toBe(NOT_FOUND_REPLIES.en);
  });
});
