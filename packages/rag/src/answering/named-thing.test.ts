import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, namedThing, type SentenceMeaning } from "./extractive-answer";
import { askedObjectWords, askedVerb, keySubjectWords } from "./key-subject";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";

const source = (id: string, content: string) => answerSource(id, content);

/** Sentence similarities by substring; the words no source mentions carry the question (shift 0.3, over the gate), but a verb. */
const carried = (table: Array<[string, number]>, verbs: readonly string[] = ["provide"]): SentenceMeaning => ({
  ...meaningBySubstring(table, 0.1),
  shift: (word) => (verbs.includes(word) ? 0.05 : 0.3),
  unknownShift: () => 0.3,
});

describe("the thing a yes/no question asks about, read as the object of its verb", () => {
  it("reads what is there or the verb's object, as keySubjectWords does", () => {
    expect(askedObjectWords("Can you provide a cot for our baby?")).toEqual(["cot"]);
    expect(askedObjectWords("Can I share my class pass with my husband?")).toEqual(["class", "pass"]);
    expect(askedObjectWords("Is there a cafe at the studio?")).toEqual(["cafe"]);
    expect(askedObjectWords("can you look after my budgie while we're away")).toEqual(["budgie"]);
  });

  it("takes no preposition's object for the thing, nor what follows 'does it …'", () => {
    expect(askedObjectWords("can I pay with paypal")).toEqual([]);
    expect(askedObjectWords("Can I vape in my room?")).toEqual([]);
    expect(askedObjectWords("does it cost extra to give my dog his tablets")).toEqual([]);
    // keySubjectWords still reads them (the subject rule's reading is unchanged).
    expect(keySubjectWords("can I pay with paypal")).toEqual(["paypal"]);
    expect(keySubjectWords("Can I vape in my room?")).toEqual(["room"]);
  });

  it("is kept only when no unknown word is part of it, it is not all topic, and no unknown word is written as a name", () => {
    expect(namedThing("Can you provide a cot for our baby?", ["provide", "baby"], [])).toEqual(["cot"]);
    expect(namedThing("Do you sell water softeners?", ["softeners"], [])).toEqual([]);
    expect(namedThing("can I buy driving lessons as a birthday present", ["buy", "birthday", "present"], ["driving", "lessons"])).toEqual([]);
    expect(namedThing("do you have a location in Boulder too", ["boulder"], [])).toEqual([]);
    expect(namedThing("do you have a location in boulder too", ["boulder"], [])).toEqual(["location"]);
    // An unknown verb that carries the question asks what is done with the thing: another deed does not answer.
    expect(namedThing("can you look after my tortoise", ["look"], [], ["look"])).toEqual([]);
    expect(namedThing("can you look after my tortoise", ["look"], [], [])).toEqual(["tortoise"]);
    expect(askedVerb("can you look after my tortoise")).toBe("look");
    expect(askedVerb("Is there a cafe at the studio?")).toBeUndefined();
  });
});

describe("a yes/no question whose unknown words are its verb and scene, not its thing", () => {
  const hotel = [
    source("rooms", "## Family room\nA cot is available free of charge on request.\n\n## Garden room\nOn the ground floor with its own door to the garden."),
    source("faq", "## Can I bring my dog?\nWe cannot accept cats or other pets."),
  ];
  // The cot sentence is under minScore in meaning: by meaning alone the question was declined.
  const meaning = carried([["A cot", 0.4], ["cats or other pets", 0.42]]);

  it("is answered by the sentence naming the thing, by its words and meaning", () => {
    const cot = composeExtractiveAnswer("Can you provide a cot for our baby?", hotel, {}, meaning);
    expect(cot.content).toContain("A cot is available free of charge");
    expect(cot.citations).toHaveLength(1);
    // When the unknown verb is what carries the question, meaning alone decides, as before: declined.
    expect(composeExtractiveAnswer("Can you provide a cot for our baby?", hotel, {}, carried([["A cot", 0.4], ["cats or other pets", 0.42]], [])).content).toBe(NOT_FOUND_ANSWER);
  });

  it("is still declined when the thing holds the unknown word", () => {
    expect(composeExtractiveAnswer("Can you provide a baby monitor for the room?", hotel, {}, meaning).content).toBe(NOT_FOUND_ANSWER);
  });

  it("is not declined for another section nearer in meaning when its sentence names the whole thing", () => {
    const studio = [
      source("passes", "## Passes\npass: 10-class pass; price: £115; valid for: 4 months; notes: can be shared with one family member"),
      source("cancel", "## Cancelling a class\nYou can cancel up to 12 hours before a class and the class goes back on your account."),
    ];
    const near = carried([["10-class pass", 0.46], ["Cancelling", 0.5]]);
    expect(composeExtractiveAnswer("Can I share my class pass with my husband?", studio, {}, near).content).toContain("one family member");
    // A name the sources never mention narrows the question as much as its thing: declined as before.
    expect(composeExtractiveAnswer("Can I share my class pass with Tom?", studio, {}, near).content).toBe(NOT_FOUND_ANSWER);
  });
});
