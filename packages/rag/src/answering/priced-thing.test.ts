import { beforeAll, describe, expect, it } from "vitest";
import { answerSource } from "./answer-test-fixtures";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { pricedThingWords } from "./priced-thing";
import { warmWordNet } from "../wording/wordnet";

// A price question about a kind of the thing its table never names, over the row pricing another kind.

/** Every sentence equally near in meaning: only words, rows and kinds decide. */
const flat: SentenceMeaning = { similarity: () => 0.42 };

const shop = answerSource(
  "shop",
  "# Packing supplies\n\n| Item | Price |\n| --- | --- |\n| Disc padlock | £12 |\n| Packing tape | £3 |\n| Large box | £4 |",
);
const heaters = answerSource(
  "heaters",
  "# Our pricing\n\n| Service | Price |\n| --- | --- |\n| Water heater flush | $129 |\n| 40-gallon gas water heater, installed | from $1,650 |",
);
const tankless = answerSource("tankless", "# Tankless water heaters\n\nWe install, flush and repair tankless water heaters from Navien and Rinnai.");
const ask = (question: string, hits = [shop]) => composeExtractiveAnswer(question, hits, {}, flat).content;

describe("the price of another kind of the thing", () => {
  beforeAll(async () => {
    await warmWordNet();
  }, 120_000);

  it("reads the thing a price question prices, its head last", () => {
    expect(pricedThingWords("how much is a combination padlock")).toEqual(["combination", "padlock"]);
    // A measure of the thing before "of" is its size, not a kind of it.
    expect(pricedThingWords("how much is an hour of massage")).toEqual(["massage"]);
    expect(pricedThingWords("how much to install a tankless water heater")).toEqual(["tankless", "water", "heater"]);
    expect(pricedThingWords("what's the fee for clearing a blocked shower drain")).toEqual(["blocked", "shower", "drain"]);
    expect(pricedThingWords("how much to put a camera down the sewer")).toEqual(["camera"]);
    expect(pricedThingWords("What does a week pass cost?")).toEqual(["week", "pass"]);
  });

  it("declines a kind the table never names over the row naming another kind", () => {
    expect(ask("how much is a combination padlock")).toBe(NOT_FOUND_ANSWER);
    expect(ask("how much is a disc padlock")).toContain("£12");
    expect(ask("how much is a padlock")).toContain("£12");
  });

  it("reads the words right before a price in running text as the thing priced", () => {
    const supplies = answerSource("supplies", "# Packing supplies\n\nA small box is €2.50, a large box €3.50 and a disc padlock €12.");
    expect(ask("how much is a combination padlock", [supplies])).toBe(NOT_FOUND_ANSWER);
    expect(ask("how much is a disc padlock", [supplies])).toContain("€12");
  });

  it("declines a kind said only outside the price table", () => {
    expect(ask("how much to install a tankless water heater", [heaters, tankless])).toBe(NOT_FOUND_ANSWER);
    expect(ask("how much to install a gas water heater", [heaters, tankless])).toContain("$1,650");
  });

  it("declines a kind of the thing the row names in other words than the question's", () => {
    const vaccines = answerSource("vaccines", "# Prices\n\n| Treatment | Price |\n| --- | --- |\n| Kennel cough vaccine | £38 |\n| Nail clip | £12 |");
    const jab: SentenceMeaning = { ...flat, neighbours: new Map([["jab", [{ word: "vaccine", similarity: 1 }]]]) };
    expect(composeExtractiveAnswer("how much is a rabies jab", [vaccines], {}, jab).content).toBe(NOT_FOUND_ANSWER);
    expect(composeExtractiveAnswer("how much is a kennel cough jab", [vaccines], {}, jab).content).toContain("£38");
  });

  it("answers when the row's word says the question's in other words", () => {
    const tests = answerSource("tests", "# Prices\n\n| Service | Price |\n| --- | --- |\n| Annual roadworthiness test | €55 |\n| Introductory course | €90 |");
    expect(ask("how much is the yearly roadworthiness test", [tests])).toContain("€55");
    expect(ask("how much is the intro course", [tests])).toContain("€90");
  });

  it("answers when the row's word is a name, whom the thing is for, or the question's word describes rather than names a kind", () => {
    const rooms = answerSource("rooms", "# Rooms\n\n| Room | Rate per hour |\n| --- | --- |\n| The Press Hall | $120 |\n| Huddle room | $25 |");
    expect(ask("what does the big event hall cost an hour", [rooms])).toContain("$120");
    const garage = answerSource("garage", "# Prices\n\n| Service | Price |\n| --- | --- |\n| MOT test | £54.85 |\n| Oil change | £60 |");
    expect(ask("how much is the roadworthiness test", [garage])).toContain("£54.85");
    const yoga = answerSource("yoga", "# Passes\n\n| Pass | Price |\n| --- | --- |\n| Beginners' course | £60 |\n| Drop-in class | £12 |");
    expect(ask("how much is the intro course for newbies", [yoga])).toContain("£60");
    const lessons = answerSource("lessons", "# Lesson prices\n\n| Lesson | Price |\n| --- | --- |\n| Intensive course | £1,290 |\n| Single lesson | £38 |");
    expect(ask("what does a crash course cost", [lessons])).toContain("£1,290");
  });
});
