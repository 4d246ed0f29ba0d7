import { beforeAll, describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { faqAsksOtherThing, siblingNamedInstead } from "./other-thing";
import { namesKindOf, warmWordNet } from "../wording/wordnet";

// A section answering the same question about another thing than the one a yes/no question asks about.

/** Every sentence near enough in meaning to answer by itself (0.6): only the thing asked about decides. */
const near = meaningBySubstring([], 0.6);
const ask = (question: string, content: string) => composeExtractiveAnswer(question, [answerSource("faq", content)], {}, near).content;

describe("another thing than the one asked about (WordNet)", () => {
  beforeAll(async () => {
    await warmWordNet();
  }, 120_000);

  it("declines an FAQ entry asking the visitor's question about another thing", () => {
    const dogs = "## Can I bring my dog?\nWell-behaved dogs are welcome on Fridays, leashed in the common areas.";
    expect(ask("can I bring my cat", dogs)).toBe(NOT_FOUND_ANSWER);
    expect(ask("can I bring my dog", dogs)).toContain("Well-behaved dogs");
    const vouchers = "## Do you sell gift vouchers?\nYes, gift vouchers for any amount can be bought at reception.";
    expect(ask("Do you sell yoga mats?", vouchers)).toBe(NOT_FOUND_ANSWER);
    expect(ask("Do you sell gift vouchers?", vouchers)).toContain("gift vouchers for any amount");
    const instalments = "## Can I pay in instalments?\nBills over £300 can be spread over three monthly payments. We take cards and cash.";
    expect(ask("can i pay by bank transfer", instalments)).toBe(NOT_FOUND_ANSWER);
  });

  it("keeps an entry that says the question in other words, names the thing or a kind of it, or asks with another verb", () => {
    // "physician" is not in the entry: the whole question is paraphrased, not the same question about another thing.
    expect(ask("do I need a letter from my physician first", "## Do I need a referral from my GP?\nNo. You can book directly without seeing your doctor first.")).toContain("book directly");
    // "tortoises" and "snakes" are reptiles.
    expect(ask("do you see reptiles", "## Do you see exotic pets?\nYes. Dr Nowak sees rabbits, tortoises and snakes.")).toContain("tortoises");
    expect(ask("can I bring my cat", "## Can I bring my dog?\nDogs and cats are welcome on Fridays.")).toContain("cats are welcome");
    expect(
      faqAsksOtherThing({ question: "do you treat reptiles", thing: ["reptiles"], entryQuestion: "Do you see exotic pets?", sectionWords: ["see", "exotic", "pets", "treat", "horses"] }),
    ).toBe(false);
  });

  it("declines a section naming another kind of the thing asked about in its place", () => {
    const dinner = "Dinner\nWe cater for vegetarian, vegan and gluten-free diets if you tell us in advance.";
    expect(ask("Do you do a vegan breakfast?", dinner)).toBe(NOT_FOUND_ANSWER);
    expect(ask("Do you do a vegan dinner?", dinner)).toContain("We cater for");
    expect(siblingNamedInstead(["vegan", "breakfast"], "Do you do a vegan breakfast?", ["dinner", "cater", "vegan", "diets"])).toBe("dinner");
  });

  it("reads a broader word or a kind of the thing as naming it, not as another kind", () => {
    // "pet" is one hop below "animal", "dog" two: a sentence about pets covers dogs.
    expect(ask("Can I visit my dog while he's kept in?", "Visiting\nYou are welcome to visit a pet staying in our hospital between 14:00 and 16:00.")).toContain("visit a pet");
    expect(siblingNamedInstead(["dog"], "Can I visit my dog?", ["visiting", "welcome", "visit", "pet", "hospital"])).toBeUndefined();
    expect(namesKindOf("tortoises", "reptiles")).toBe(true);
    expect(namesKindOf("lift", "elevator")).toBe(true);
    expect(namesKindOf("dinner", "breakfast")).toBe(false);
  });

  it("does not throw for two values of a closed slot, which have no shared kind in WordNet", () => {
    // sameSlot reads sides ("front" / "rear") and periods ("weekly" / "day") as one slot without WordNet's hierarchy
    // (siblingKinds: undefined): no sibling by kinds, and no TypeError.
    expect(siblingNamedInstead(["front"], "do you fit front lights", ["rear", "lights", "fit"])).toBeUndefined();
    expect(siblingNamedInstead(["weekly"], "can I pay weekly", ["pay", "day"])).toBeUndefined();
  });

  it("declines a list of the things of the kind asked about that leaves the thing out", () => {
    const payment = "Payment\nWe accept debit and credit cards, Apple Pay and Google Pay. Receipts are emailed after each session.";
    expect(ask("can I pay by bank transfer", payment)).toBe(NOT_FOUND_ANSWER);
    expect(ask("can I pay with Google Pay", payment)).toContain("We accept");
    const supplies = "Packing supplies\nWe sell boxes, tape, bubble wrap and padlocks in the office.";
    expect(ask("do you sell marker pens", supplies)).toBe(NOT_FOUND_ANSWER);
    expect(ask("do you sell padlocks", supplies)).toContain("We sell boxes");
    // "boxes" is a broader kind of "cartons": the list names them.
    expect(ask("do you sell cardboard cartons", supplies)).toContain("We sell boxes");
    // The list names the head with its kinds; the question's narrowing noun is said nowhere.
    const bikes = "About us\nWe sell new road, gravel, city and electric bikes, and hire out bikes by the day.";
    expect(ask("do you sell kids' balance bikes", bikes)).toBe(NOT_FOUND_ANSWER);
    expect(ask("do you sell gravel bikes", bikes)).toContain("We sell new road");
    // "cold" says how something is: no thing a list could leave out.
    expect(ask("will my dog be cold in winter", "Heating\nEvery kennel is insulated, with heated floors, fans and shade sails.")).toContain("insulated");
  });
});
