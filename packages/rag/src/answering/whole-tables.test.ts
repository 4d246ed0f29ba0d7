import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { askedRowText } from "./asked-columns";
import { composeExtractiveAnswer, sourcesRead, type SentenceMeaning } from "./extractive-answer";
import { constraintFit, constraintsOf } from "./value-constraints";
import { holdsRowOf, readsWholeTable, tablesToComplete } from "./whole-tables";
import type { AnswerSource } from "./types";

// Lists of every row, bounds on a row's value, and which questions read a table whole: passages as the loaders
// write them (a CSV row as "Field: value" lines, one chunk each; an HTML table as Markdown rows).

const source = (id: string, content: string, documentId = `doc-${id}`): AnswerSource => ({
  chunkId: `chunk-${id}`,
  documentId,
  documentTitle: id,
  content,
  score: 0.5,
  vectorScore: 0.4,
  textScore: null,
});
const flat = (similarity = 0.46): SentenceMeaning => ({ similarity: () => similarity });

const towns = ["Columbus", "Hilliard", "Dublin", "Worthington", "Westerville", "Grove City", "Gahanna", "Bexley", "Powell", "Delaware", "Reynoldsburg", "Pickerington"];
const townRows = towns.map((town, index) => source(town.toLowerCase().replace(/\s/gu, "-"), `Town: ${town}\nTrip charge: $${20 + index * 5}`, "service-area.csv"));

const storageUnits = [
  ["Locker", "10", "9", "35"],
  ["Small", "25", "15", "55"],
  ["Medium", "50", "24", "90"],
  ["Large", "100", "38", "140"],
].map(([name, size, week, month]) => source(name!.toLowerCase(), `Unit: ${name}\nSize (sq ft): ${size}\nPrice per week: €${week}\nPrice per month: €${month}`, "units.csv"));

describe("a list question names every row of the table, not the topK found", () => {
  it("lists all twelve CSV rows read, citing the first sources only", () => {
    const answer = composeExtractiveAnswer("which towns do you cover", townRows, { maxCitations: 4 }, flat());
    for (const town of towns) expect(answer.content).toContain(town);
    expect(answer.citations).toHaveLength(4);
    expect(answer.content).toMatch(/\[4\]$/u);
  });

  it("reads rows past the first sources for a list, a comparison or a bound, and only then", () => {
    const hits = [...townRows, source("faq", "## Parking\nThere is a car park behind the office.")];
    expect(sourcesRead("which towns do you cover", hits)).toHaveLength(12);
    expect(sourcesRead("do you charge a trip fee to bexley", hits)).toHaveLength(5);
    expect(sourcesRead("towns with a trip charge under $40", hits)).toHaveLength(12);
  });

  it("bounds a long list and says how many more rows there are", () => {
    const many = Array.from({ length: 45 }, (_, index) => source(`t${index}`, `Town: Town ${index + 1}\nTrip charge: $25`, "area.csv"));
    const answer = composeExtractiveAnswer("which towns do you cover", many, {}, flat());
    expect(answer.content).toContain("Town 40");
    expect(answer.content).not.toContain("Town 41,");
    expect(answer.content).toContain("and 5 more");
  });
});

describe("which questions read a table whole, and which rows they complete", () => {
  it("is a list, a superlative or a bound; not a question about one row", () => {
    expect(readsWholeTable("which areas do you cover")).toBe(true);
    expect(readsWholeTable("whats the cheapest room")).toBe(true);
    expect(readsWholeTable("do you have a unit under €50 a month")).toBe(true);
    expect(readsWholeTable("how much is the medium unit a week")).toBe(false);
  });

  it("names the documents whose rows the first sources hold, with their tables", () => {
    const hits = [townRows[0]!, source("about", "We are a family firm based in Columbus, Ohio."), townRows[1]!];
    const tables = tablesToComplete("which towns do you cover", hits, 5);
    expect([...tables.keys()]).toEqual(["service-area.csv"]);
    const table = tables.get("service-area.csv")!;
    expect(holdsRowOf(table, "Town: Bexley\nTrip charge: $55")).toBe(true);
    expect(holdsRowOf(table, "Unit: Locker\nPrice per week: €9")).toBe(false);
    expect(tablesToComplete("do you cover columbus", hits, 5).size).toBe(0);
  });
});

describe("bounds on a value: under $50, after 6pm, for 3 people", () => {
  it("reads the bounds a question states", () => {
    expect(constraintsOf("any units under €50 a month?")).toEqual([{ dimension: "price", low: -Infinity, high: 50, strict: true }]);
    expect(constraintsOf("something for $40 or less")).toEqual([{ dimension: "price", low: -Infinity, high: 40, strict: false }]);
    expect(constraintsOf("lessons between £30 and £45")).toEqual([{ dimension: "price", low: 30, high: 45, strict: false }]);
    expect(constraintsOf("are you open after 6pm")).toEqual([{ dimension: "time", low: 1080, high: Infinity, strict: true }]);
    expect(constraintsOf("can I come after 6")).toEqual([{ dimension: "time", low: 1080, high: Infinity, strict: true }]);
    expect(constraintsOf("before 8:30am")).toEqual([{ dimension: "time", low: -Infinity, high: 510, strict: true }]);
    expect(constraintsOf("a room for 3 people")).toEqual([{ dimension: "people", low: 3, high: Infinity, strict: false }]);
    expect(constraintsOf("rooms for a family of 4")).toEqual([{ dimension: "people", low: 4, high: Infinity, strict: false }]);
    expect(constraintsOf("a unit smaller than 30 sq ft")).toEqual([{ dimension: "size", low: -Infinity, high: 30, strict: true }]);
  });

  it("states no bound for a question without one", () => {
    expect(constraintsOf("how much is a filling")).toEqual([]);
    expect(constraintsOf("can I book for 3 nights")).toEqual([]);
    expect(constraintsOf("after 10 years do I need a new boiler")).toEqual([]);
    expect(constraintsOf("I was there from 9 till 12")).toEqual([]);
  });

  it("fits the rows whose value meets the bound, in the column the question names", () => {
    const units = storageUnits.flatMap((hit, index) => splitAnswerUnits(hit.content, index));
    expect(constraintFit("units under €50 a month", units)).toEqual([1, -1, -1, -1]);
    expect(constraintFit("units under €50 a week", units)).toEqual([1, 1, 1, 1]);
    expect(constraintFit("a unit of at least 50 sq ft", units)).toEqual([-1, -1, 1, 1]);
  });

  it("reads an opening time's latest end for 'after' and a room's capacity for people", () => {
    const hours = splitAnswerUnits("| Day | Hours |\n| --- | --- |\n| Monday | 9:00 to 17:00 |\n| Thursday | 9:00 to 20:00 |\n| Sunday | Closed |");
    expect(constraintFit("which days are you open after 6pm", hours)).toEqual([-1, 1, 0]);
    const rooms = splitAnswerUnits("| Room | Sleeps | Price per night |\n| --- | --- | --- |\n| Double | 2 | £95 |\n| Family | 4 | £140 |");
    expect(constraintFit("do you have rooms for a family of 4", rooms)).toEqual([-1, 1]);
  });

  it("answers a list question with only the rows that meet the bound", () => {
    const answer = composeExtractiveAnswer("which units are under €60 a month", storageUnits, {}, flat());
    expect(answer.content).toContain("Locker, Small");
    expect(answer.content).not.toContain("Medium");
    const hours = source("hours", "## Opening hours\n\n| Day | Hours |\n| --- | --- |\n| Monday | 9:00 to 17:00 |\n| Tuesday | 9:00 to 17:00 |\n| Thursday | 9:00 to 20:00 |\n| Friday | 9:00 to 19:30 |");
    expect(composeExtractiveAnswer("which days are you open after 6pm", [hours], {}, flat()).content).toBe("Opening hours: Thursday, Friday [1]");
  });

  it("picks the row meeting the bound for a question about one", () => {
    const answer = composeExtractiveAnswer("do you have a unit for under €40 a month", storageUnits, {}, flat());
    expect(answer.content).toContain("Locker");
    expect(answer.content).not.toContain("Large");
  });
});

describe("row × column: the asked cell after the row's name", () => {
  const rates = "## Our pricing\n\n| Service | Notes | Regular hours | Evenings, weekends and holidays |\n| --- | --- | --- | --- |\n| Service call and diagnosis | Waived if you go ahead with the repair | $79 | $149 |\n| Drain cleaning | Sink, tub or shower | $189 | $279 |";

  it("quotes the column the question names first", () => {
    const answer = composeExtractiveAnswer("what does a service call cost at the weekend", [source("rates", rates)], {}, flat());
    expect(answer.content).toContain("Service call and diagnosis — Evenings, weekends and holidays: $149; Regular hours: $79; Notes:");
  });

  it("quotes the cells holding the kind of value asked for first, the row's own order otherwise", () => {
    const rows = "| Service | Notes | Price |\n| --- | --- | --- |\n| Drain cleaning | Sink, tub or shower | $189 |\n| Toilet repair | Parts extra | $165 |";
    expect(composeExtractiveAnswer("how much is drain cleaning", [source("rows", rows)], {}, flat()).content).toContain("Drain cleaning — Price: $189; Notes: Sink, tub or shower");
    expect(composeExtractiveAnswer("tell me about drain cleaning", [source("rows", rows)], {}, flat()).content).toContain("Drain cleaning — Notes: Sink, tub or shower; Price: $189");
  });

  it("reads a day the question names in a column whose label spans it", () => {
    // "on a saturday" names "Evenings, weekends and holidays" (a Saturday is a weekend day), not "Regular hours".
    const answer = composeExtractiveAnswer("how much is drain cleaning on a saturday", [source("rates", rates)], {}, flat());
    expect(answer.content).toContain("Drain cleaning — Evenings, weekends and holidays: $279; Regular hours: $189");
  });

  it("quotes the column whose label is nearest the question in meaning first among those holding the kind asked for", () => {
    const units = "Unit: Small\nSize (sq ft): 25\nPrice per week: €18\nPrice per 4 weeks: €68";
    const byLabel = (label: string) => (label === "Price per 4 weeks" ? 0.62 : label === "Price per week" ? 0.54 : 0.3);
    const meaning: SentenceMeaning = { ...flat(), labelSimilarity: byLabel };
    expect(composeExtractiveAnswer("how much a month for the small one", [source("small", units)], {}, meaning).content).toContain("Small — Price per 4 weeks: €68; Price per week: €18");
    expect(composeExtractiveAnswer("how much a month for the small one", [source("small", units)], {}, flat()).content).toContain("Small — Price per week: €18; Price per 4 weeks: €68");
  });

  it("tells a column the question negates from the one it names plainly", () => {
    const rooms = "| Room | Seats | Member rate per hour | Non-member rate per hour |\n| --- | --- | --- | --- |\n| Blake | 8 | $30 | $55 |";
    expect(composeExtractiveAnswer("how much is blake per hour if i'm not a member", [source("rooms", rooms)], {}, flat()).content).toContain("Blake — Non-member rate per hour: $55; Member rate per hour: $30");
    expect(composeExtractiveAnswer("how much is blake per hour for members", [source("rooms", rooms)], {}, flat()).content).toContain("Blake — Member rate per hour: $30; Non-member rate per hour: $55");
  });

  it("names the row by its first cell, and keeps every label when that cell is an amount or a time", () => {
    expect(askedRowText([{ label: "Service", value: "Cat spay" }, { label: "Price", value: "£120" }])).toBe("Cat spay — Price: £120");
    expect(askedRowText([{ label: "Price", value: "£14" }, { label: "Class", value: "Yoga" }])).toBe("Price: £14; Class: Yoga");
    expect(askedRowText([{ label: "Time", value: "08:00" }, { label: "Class", value: "Yoga" }])).toBe("Time: 08:00; Class: Yoga");
    expect(askedRowText([{ label: "Service", value: "Cat spay" }])).toBe("Service: Cat spay");
  });
});
