import { describe, expect, it } from "vitest";
import { classifyVisitorTurn, type Sentiment } from "./sentiment-rules";

const table: Array<[message: string, expected: Sentiment, earlier?: string[]]> = [
  // English
  ["What time do you open on Saturday?", "neutral"],
  ["Do you have parking?", "neutral"],
  ["Thanks, that's really helpful!", "positive"],
  ["Perfect, thank you", "positive"],
  ["This bot is useless", "frustrated"],
  ["What a waste of time", "frustrated"],
  ["I want to speak to a real person", "frustrated"],
  ["I already told you my booking number", "frustrated"],
  ["WHY CAN'T YOU ANSWER A SIMPLE QUESTION", "frustrated"],
  ["This is not working!!!", "frustrated"],
  ["What time do you open on Saturday?", "frustrated", ["what time do you open on saturday"]],
  ["When do you open on Saturday", "frustrated", ["What time do you open on Saturday?"]],
  ["That's not what I asked", "negative"],
  ["The app is broken", "negative"],
  ["I'm disappointed with the service", "negative"],
  ["Where is the clinic?", "neutral", ["Do you open on Saturday?"]],
  ["OK", "neutral"],
  ["NHS", "neutral"],
  // Spanish
  ["¿A qué hora abren el sábado?", "neutral"],
  ["Muchas gracias, perfecto", "positive"],
  ["Este bot es inútil", "frustrated"],
  ["Quiero hablar con una persona", "frustrated"],
  ["Ya te lo dije, el número es 1234", "frustrated"],
  ["Eso no es lo que pregunté", "negative"],
  ["No funciona la página", "negative"],
  ["¿Abren el sábado?", "frustrated", ["¿Abren el sábado por la mañana?"]],
  ["Qué pérdida de tiempo", "frustrated"],
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
});
