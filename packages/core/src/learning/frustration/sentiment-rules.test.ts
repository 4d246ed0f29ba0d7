import { describe, expect, it } from "vitest";
import { classifyRecentTurns, classifyVisitorTurn, type Sentiment, type SentimentLanguage } from "./sentiment-rules";

// Real-looking visitor and caller messages (web chat, SMS, WhatsApp, voice transcripts alike).
const table: Array<[message: string, expected: Sentiment, earlier?: string[]]> = [
  // English
  ["What time do you open on Saturday?", "neutral"],
  ["Do you have parking?", "neutral"],
  ["Thanks, that's really helpful!", "positive"],
  ["Perfect, thank you", "positive"],
  ["Great, thank you so much!", "positive"],
  ["This bot is useless", "frustrated"],
  ["What a waste of time", "frustrated"],
  ["I want to speak to a real person", "frustrated"],
  ["Can I talk to a manager please", "frustrated"],
  ["I already told you my booking number", "frustrated"],
  ["I have asked this three times", "frustrated"],
  ["How many times do I have to say it?", "frustrated"],
  ["This is ridiculous, let me speak to a real person", "frustrated"],
  ["I'm getting really frustrated", "frustrated"],
  ["You're not listening", "frustrated"],
  ["WHY CAN'T YOU ANSWER A SIMPLE QUESTION", "frustrated"],
  ["This is not working!!!", "frustrated"],
  ["What time do you open on Saturday?", "frustrated", ["what time do you open on saturday"]],
  ["When do you open on Saturday", "frustrated", ["What time do you open on Saturday?"]],
  ["That's not what I asked", "negative"],
  ["The app is broken", "negative"],
  ["The app is broken and I'm disappointed", "negative"],
  ["I'm disappointed with the service", "negative"],
  ["Where is the clinic?", "neutral", ["Do you open on Saturday?"]],
  ["OK", "neutral"],
  ["NHS", "neutral"],
  ["Is there a toll road near you?", "neutral"],
  // Spanish
  ["¿A qué hora abren el sábado?", "neutral"],
  ["Muchas gracias, perfecto", "positive"],
  ["Este bot es inútil", "frustrated"],
  ["Quiero hablar con una persona", "frustrated"],
  ["Ya te lo dije, el número es 1234", "frustrated"],
  ["¿Cuántas veces tengo que repetirlo?", "frustrated"],
  ["Eso no es lo que pregunté", "negative"],
  ["No funciona la página", "negative"],
  ["¿Abren el sábado?", "frustrated", ["¿Abren el sábado por la mañana?"]],
  ["Qué pérdida de tiempo", "frustrated"],
  // French
  ["Vous êtes ouverts le samedi ?", "neutral"],
  ["Merci beaucoup, c'est parfait", "positive"],
  ["C'est nul, ce bot est inutile", "frustrated"],
  ["Je veux parler à un conseiller", "frustrated"],
  ["Je vous l'ai déjà dit !", "frustrated"],
  ["Le formulaire ne marche pas", "negative"],
  // German
  ["Haben Sie am Samstag geöffnet?", "neutral"],
  ["Vielen Dank, perfekt", "positive"],
  ["Das ist doch lächerlich, so eine Zeitverschwendung", "frustrated"],
  ["Ich möchte mit einem Menschen sprechen", "frustrated"],
  ["Das habe ich schon wieder gefragt", "frustrated"],
  ["Die Buchung funktioniert nicht", "negative"],
];

describe("sentiment rules", () => {
  it.each(table)("%s → %s", (message, expected, earlier) => {
    expect(classifyVisitorTurn(message, earlier).sentiment).toBe(expected);
  });

  it("names the language for the reply and the rules that fired", () => {
    expect(classifyVisitorTurn("Quiero hablar con una persona")).toMatchObject({ language: "es", reasons: ["asks for a person"] });
    expect(classifyVisitorTurn("This bot is useless")).toMatchObject({ language: "en", reasons: ["abuse"] });
    expect(classifyVisitorTurn("Ya te lo dije, no funciona").language).toBe("es");
    expect(classifyVisitorTurn("No, can you tell me a bit more?").language).toBe("en");
  });

  it.each([
    ["Je veux parler à un conseiller", "fr"],
    ["C'est nul, je vous l'ai déjà dit", "fr"],
    ["Ich möchte mit einem Menschen sprechen", "de"],
    ["Die Buchung funktioniert nicht", "de"],
    ["¿Dónde está la clínica?", "es"],
    ["Where is the clinic?", "en"],
  ] as const)("%s is %s", (message, language: SentimentLanguage) => {
    expect(classifyVisitorTurn(message).language).toBe(language);
  });
});

describe("a caller's mood over their recent lines", () => {
  it.each([
    [["Hi, what time do you open?"], "neutral"],
    [["Great, thank you so much!"], "positive"],
    [["The app is broken and I'm disappointed"], "negative"],
    [["This is ridiculous, let me speak to a real person"], "frustrated"],
    [["I have asked this three times", "How many times do I have to say it?", "ok"], "frustrated"],
    [["It was broken", "thanks, that fixed it"], "positive"],
    [["Do you fit car seats?", "do you fit car seats"], "frustrated"],
  ] as const)("%j → %s", (lines, expected) => {
    expect(classifyRecentTurns(lines)).toBe(expected);
  });
});
