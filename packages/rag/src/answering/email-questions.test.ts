import { describe, expect, it } from "vitest";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { composeExtractiveAnswer } from "./extractive-answer";
import { answerTypeOf } from "./question-type";

// A question asking for the e-mail address, in English, French, Spanish or German (session 21, bench/README.md "The
// e-mail address asked for").

describe("the e-mail address asked for", () => {
  it("reads 'email address', 'adresse e-mail', 'E-Mail-Adresse', 'vuestro correo' as asking for an e-mail address", () => {
    for (const question of ["what's your email address", "What is your e-mail address?", "Quelle est votre adresse e-mail ?", "c'est quoi votre mail", "welche email adresse habt ihr", "An welche E-Mail-Adresse kann ich schreiben?", "cual es vuestro correo", "¿cuál es vuestra dirección de email?"]) {
      expect(answerTypeOf(question), question).toBe("email");
    }
  });

  it("reads an interrogative asking which mail as asking for an e-mail address (French, Spanish, German)", () => {
    for (const question of ["quel mail pour poser une question sur les locations ?", "je voudrais envoyer un mail pour une réservation, à quelle adresse ?", "a qué email mando el justificante de pago?", "cuál es el correo para las matrículas?", "wie lautet die e-mail für anfragen zum brautstyling?", "an welche mail schicke ich das?"]) {
      expect(answerTypeOf(question), question).toBe("email");
    }
    expect(answerTypeOf("à quelle adresse se trouve le camping ?")).toBe("place");
  });

  it("does not read e-mail as the thing asked for when the address is not", () => {
    expect(answerTypeOf("how quickly do you reply to emails")).not.toBe("email");
    expect(answerTypeOf("can you email me a gift voucher")).not.toBe("email");
    expect(answerTypeOf("can you forward my mail to my home address")).not.toBe("email");
    expect(answerTypeOf("what's your address")).toBe("place");
  });

  const sources = [
    answerSource("where", "Nous trouver\n\nAdresse : 14 route du Pô, 56340 Carnac."),
    answerSource("contact", "Nous contacter\n\nTéléphone : 02 97 52 18 64. Courriel : contact@pinsdores.example."),
  ];
  // Noise as the local model gives a French question: the street address sits nearer than the e-mail.
  const meaning = meaningBySubstring([["Adresse", 0.45], ["Téléphone", 0.3], ["Courriel", 0.3]]);

  it("answers with the sentence stating an e-mail address, not the street address", () => {
    expect(composeExtractiveAnswer("Quelle est votre adresse e-mail ?", sources, {}, meaning).content).toContain("contact@pinsdores.example");
  });

  it("declines when no sentence read states one", () => {
    expect(composeExtractiveAnswer("what is your email address?", [sources[0]!], {}, meaning).citations).toEqual([]);
  });
});

describe("the business's own e-mail address, whatever the question names", () => {
  const sources = [
    answerSource("rules", "Regeln\n\nKinder unter 14 Jahren kommen bitte in Begleitung eines Erwachsenen in den Salon."),
    answerSource("contact", "Kontakt\n\nTelefon 0761 389 27 40, E-Mail hallo@salon.example."),
  ];
  const meaning = meaningBySubstring([["Kinder", 0.45], ["Telefon", 0.3]]);

  it("answers a yes/no question for it with the e-mail, as no thing asked about", () => {
    expect(composeExtractiveAnswer("habt ihr eine email adresse", sources, {}, meaning).content).toContain("hallo@salon.example");
  });

  it("answers with it when the question names the business too, which its section does not", () => {
    const french = [
      answerSource("site", "Le camping\n\nLe camping compte 160 emplacements sous les pins."),
      answerSource("contact", "Nous contacter\n\nCourriel : contact@pinsdores.example."),
    ];
    const near = meaningBySubstring([["Le camping compte", 0.45], ["Courriel", 0.3]]);
    expect(composeExtractiveAnswer("quelle est l'adresse courriel du camping", french, {}, near).content).toContain("contact@pinsdores.example");
  });
});

describe("whom to write to about a thing", () => {
  it("reads 'who do I email', 'a quién escribo', 'à qui j'écris' as asking for an e-mail address, as 'who do I call' asks for a number", () => {
    for (const question of ["who do i email about a work party for 20 people", "who should I write to about a team day", "which address do I email for a corporate event", "tengo una empresa con 8 furgonetas, a quien escribo", "¿a quién mando un correo para las matrículas?", "à qui j'écris pour l'inscription de ma fille ?"]) {
      expect(answerTypeOf(question), question).toBe("email");
    }
    expect(answerTypeOf("who do I speak to about a gift voucher")).toBe("person");
    expect(answerTypeOf("who do I call about a leak")).toBe("phone");
  });

  it("answers with the address for the thing, not the row of the person who handles it", () => {
    const sources = [
      answerSource("team", "Name: Marisol Vega\nRole: Events coordinator\nRooms: Birthday parties, team building"),
      answerSource("contact", "Contact\n\nEmail: play@escape.example\nQuestions about groups of 12 or more, corporate events and parties: events@escape.example"),
    ];
    const meaning = meaningBySubstring([["Marisol", 0.5], ["Questions about groups", 0.35], ["play@", 0.3]]);
    expect(composeExtractiveAnswer("who do i email about a work party for 20 people", sources, {}, meaning).content).toContain("events@escape.example");
  });

  it("answers whom to write to with the best address given when no sentence answers by the question's words", () => {
    const sources = [
      answerSource("team", "Team building\n\nCorporate groups of 12 to 40 play in several rooms at once."),
      answerSource("contact", "Contact\n\nEmail: play@escape.example\nQuestions about groups of 12 or more, corporate events and parties: events@escape.example"),
    ];
    const meaning = meaningBySubstring([["Corporate groups", 0.25], ["Questions about groups", 0.2], ["play@", 0.15]]);
    expect(composeExtractiveAnswer("who should i write to about a corporate team outing", sources, {}, meaning).content).toContain("@escape.example");
    expect(composeExtractiveAnswer("who should i write to about a corporate team outing", [sources[0]!], {}, meaning).citations).toEqual([]);
  });
});
