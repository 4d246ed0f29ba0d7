import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { askedSizes, partyHead, statesAskedSize, statesOtherSize, thingSizes } from "./asked-sizes";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import type { AnswerSource } from "./types";
import { statesOtherValue } from "./value-ranges";

const source = (id: string, content: string): AnswerSource => ({
  chunkId: `chunk-${id}`,
  documentId: `doc-${id}`,
  documentTitle: `${id}.md`,
  content,
  score: 0.5,
  vectorScore: 0.6,
  textScore: null,
});

const unitOf = (content: string) => ({ ...splitAnswerUnits(content)[0]!, text: content });
const meaning: SentenceMeaning = { similarity: () => 0.6 };

describe("the size a price question gives the thing", () => {
  it("reads sizes in units written hyphenated, in two words or with a sign, and clock times; not ages", () => {
    expect(askedSizes("how much is a 50-gallon water heater installed")).toEqual([{ value: 50, unit: "gallon" }]);
    expect(askedSizes("price of a 200 sq ft unit")).toEqual([{ value: 200, unit: "sqft" }]);
    expect(askedSizes("price of a 20 square metre unit")).toEqual([{ value: 20, unit: "sqm" }]);
    expect(askedSizes("how much is a 2-bedroom cottage")).toEqual([{ value: 2, unit: "bedroom" }]);
    expect(askedSizes("how much is late check-out until 3 pm")).toEqual([{ value: 15 * 60, unit: "clock" }]);
    expect(askedSizes("how much are swimming lessons for my 8 year old")).toEqual([]);
    expect(thingSizes(askedSizes("how much is a 2-bedroom cottage for 3 nights"))).toEqual([{ value: 2, unit: "bedroom" }]);
  });

  it("tells a row stating the measure with another number from one stating it, a range holding it, or none", () => {
    const fifty = askedSizes("how much is a 50-gallon water heater installed");
    expect(statesOtherSize(fifty, unitOf("40-gallon gas water heater, installed: from $1,650"))).toBe(true);
    expect(statesOtherSize(fifty, unitOf("50-gallon gas water heater, installed: from $1,850"))).toBe(false);
    expect(statesOtherSize(fifty, unitOf("Water heater flush: $129"))).toBe(false);
    expect(statesAskedSize(fifty, unitOf("50-gallon gas water heater, installed: from $1,850"))).toBe(true);
    // A column's label gives its values their unit: "Size (sq ft)" over "50".
    const table = "| Unit | Size (sq ft) | Price per week |\n| --- | --- | --- |\n| Medium | 50 | €29 |\n| Huge | 200 | €80 |";
    const [medium, huge] = splitAnswerUnits(table).filter((unit) => unit.fields);
    const twoHundred = askedSizes("price of a 200 sq ft unit");
    expect(statesOtherSize(twoHundred, medium!)).toBe(true);
    expect(statesAskedSize(twoHundred, huge!)).toBe(true);
  });

  it("reads clock times as spans: a bound holding the time asked is no other time", () => {
    const three = askedSizes("how much is late check-out until 3 pm");
    expect(statesOtherSize(three, unitOf("Check-out is by 11 am. Late check-out until 1 pm costs €20."))).toBe(true);
    expect(statesOtherSize(three, unitOf("Late check-out until 5 pm costs €40."))).toBe(false);
    expect(statesOtherSize(askedSizes("how much is parking after 7pm"), unitOf("Evening rate from 5pm: £3."))).toBe(false);
    expect(statesOtherSize(askedSizes("how much is parking at 7pm"), unitOf("Day rate 8am to 6pm: £9."))).toBe(true);
  });

  it("reads a range excluding the value as another value, one holding it as not", () => {
    expect(statesOtherValue([{ value: 30, unit: "kg" }], "Dogs under 20 kg: £40")).toBe(true);
    expect(statesOtherValue([{ value: 30, unit: "kg" }], "Dogs 20 kg and over: £60")).toBe(false);
    // A range of a count of people or nights is a condition of another offer, not the thing's size.
    expect(statesOtherValue([{ value: 2, unit: "people" }], "Tasting menu: £65 a head; groups of 8 people or more pay a deposit.")).toBe(false);
    expect(statesOtherValue([{ value: 3, unit: "night" }], "Stays of 7 nights or more get 10% off.")).toBe(false);
  });
  it("reads a period given in words as one of it, hours as minutes, and a rate as no size of its own", () => {
    expect(askedSizes("how much is an hour in an automatic")).toEqual([{ value: 1, unit: "hour" }]);
    expect(askedSizes("what does a single night cost")).toEqual([{ value: 1, unit: "night" }]);
    expect(askedSizes("price of half an hour of massage")).toEqual([{ value: 30, unit: "minute" }]);
    expect(askedSizes("how much is an MOT")).toEqual([]);
    const hour = askedSizes("how much for an hour of sports massage");
    expect(statesOtherValue(hour, "Sports massage; Length: 30 minutes; Price: £40")).toBe(true);
    expect(statesOtherValue(hour, "Sports massage; Length: 60 minutes; Price: £60")).toBe(false);
    expect(statesOtherValue(askedSizes("how much is a 90 minute massage"), "Deep tissue massage: 1.5 hours, £80")).toBe(false);
    // "per week" beside "per 4 weeks" is one week; "per night" alone prices any stay.
    const week = askedSizes("how much is the medium unit a week");
    expect(statesOtherValue(week, "Medium; Price per week: €29; Price per 4 weeks: €110")).toBe(false);
    expect(statesOtherValue(week, "Beginners' course; £60; 5 weeks")).toBe(true);
    expect(statesOtherValue([{ value: 3, unit: "night" }], "From €110 per night for two people.")).toBe(false);
    expect(statesOtherValue([{ value: 20, unit: "day" }], "Day Pass: One day at any open desk; $30 a day")).toBe(true);
  });
});

describe("a price asked for one size, over rows pricing another", () => {
  const prices = source(
    "prices",
    "# Our pricing\n\n| Service | Price |\n| --- | --- |\n| Water heater flush | $129 |\n| 40-gallon gas water heater, installed | from $1,650 |",
  );

  it("declines when the best row prices another size and no row states the size asked about", () => {
    expect(composeExtractiveAnswer("how much is a 50-gallon water heater installed", [prices], {}, meaning).citations).toEqual([]);
    expect(composeExtractiveAnswer("how much is a 40-gallon water heater installed", [prices], {}, meaning).content).toContain("$1,650");
  });

  it("answers with the row of the table stating the size asked about", () => {
    const more = source(
      "more",
      "# Our pricing\n\n| Service | Price |\n| --- | --- |\n| 40-gallon gas water heater, installed | from $1,650 |\n| 50-gallon gas water heater, installed | from $1,850 |",
    );
    expect(composeExtractiveAnswer("how much is a 50-gallon water heater installed", [more], {}, meaning).content).toContain("$1,850");
  });

  it("answers a price for a number of nights with the price per night once another period is dropped", () => {
    const rooms = source("rooms", "# Rates\n\nA double room for 7 nights costs £560.\n\nEvery room is £90 a night.");
    expect(composeExtractiveAnswer("how much is a double room for 3 nights", [rooms], {}, meaning).content).toContain("£90");
  });

  it("answers a price asked for an hour with the row lasting an hour", () => {
    const lessons = source(
      "lessons",
      "# Lesson prices\n\n| Lesson | Length | Manual | Automatic |\n| --- | --- | --- | --- |\n| First lesson offer | 2 hours | £70 | £76 |\n| Double lesson | 2 hours | £82 | £90 |\n| Single lesson | 1 hour | £42 | £46 |",
    );
    const answer = composeExtractiveAnswer("what does an hour lesson cost in a manual", [lessons], {}, meaning).content;
    expect(answer).toContain("Single lesson");
    expect(answer).not.toContain("Double lesson");
    const massage = source("massage", "# Treatments\n\n| Treatment | Length | Price |\n| --- | --- | --- |\n| Sports massage | 30 minutes | £40 |\n| Sports massage | 60 minutes | £60 |");
    expect(composeExtractiveAnswer("how much is an hour of massage", [massage], {}, meaning).content).toContain("£60");
    expect(composeExtractiveAnswer("how much is an hour of massage", [massage], {}, meaning).content).not.toContain("£40");
  });

  it("reads people as the party, not a size of the thing, unless the row names the thing asked for them", () => {
    expect(partyHead("how much is dinner for 2 people")).toBe("dinner");
    expect(partyHead("how much is a private office for 6 people")).toBe("office");
    expect(partyHead("how much for 6 people")).toBeUndefined();
    const two = askedSizes("how much is dinner for 2 people");
    const room = unitOf("Private dining room for 12 people: £300 hire.");
    expect(statesOtherSize(two, room)).toBe(true);
    expect(statesOtherSize(two, room, "dinner")).toBe(false);
    const six = askedSizes("how much is a private office for 6 people");
    expect(statesOtherSize(six, unitOf("Private Office (2 people): $900 a month"), "office")).toBe(true);
    const dining = source("dining", "# Dining\n\nPrivate dining room for 12 people: £300 hire.\n\nDinner is £35 per person.");
    expect(composeExtractiveAnswer("how much is dinner for 2 people", [dining], {}, meaning).content).toContain("£35");
    expect(composeExtractiveAnswer("how much is the private dining room for 20 people", [dining], {}, meaning).citations).toEqual([]);
  });
});
