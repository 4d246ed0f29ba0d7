import { describe, expect, it } from "vitest";
import { givenAgeTerms, statesAgeLimit } from "./asked-ages";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerSource as source } from "./answer-test-fixtures";

describe("an age the visitor gives", () => {
  it("reads the age's words in English, German, Spanish and French", () => {
    expect(givenAgeTerms("can my 13 yr old take a canoe out")).toEqual(["13", "yr", "old"]);
    expect(givenAgeTerms("my son is 7, can he play")).toEqual(["7"]);
    expect(givenAgeTerms("meine tochter ist 12, darf sie allein kommen")).toEqual(["12"]);
    expect(givenAgeTerms("mi hijo de 10 años puede salir solo?")).toEqual(["10", "anos"]);
    expect(givenAgeTerms("is 10 people too many")).toEqual([]);
    expect(givenAgeTerms("how much for 2 hours")).toEqual([]);
  });

  it("tells an age limit from other figures", () => {
    expect(statesAgeLimit("Anyone 12 or over who can swim 25 metres")).toBe(true);
    expect(statesAgeLimit("Kinder unter 14 Jahren bouldern nur mit Begleitung")).toBe(true);
    expect(statesAgeLimit("Prices: Canoe; £28; £48")).toBe(false);
  });

  it("answers with the age limit a yes/no question about the visitor's child", () => {
    const boats = source(
      "boats",
      "# The boats\n\n| Boat | Seats | Who can take it out |\n| --- | --- | --- |\n| Canadian canoe | 2 or 3 | Anyone 12 or over who can swim 25 metres |\n| Rowing boat | Up to 4 | Anyone 14 or over |",
    );
    // Every document names canoes (a boat hire): "canoe" is a topic word, and the age's words no sentence says.
    const others = [
      source("faq", "# Can we stop on the way?\n\nYes, canoes and boats can moor at the public moorings."),
      source("terms", "# On the water\n\nNever stand up in a rowing boat or canoe."),
    ];
    const flat: SentenceMeaning = { similarity: () => 0.45 };
    expect(composeExtractiveAnswer("can my 13 yr old take a canoe out", [boats, ...others], {}, flat).content).toContain("Anyone 12 or over");
  });
});
