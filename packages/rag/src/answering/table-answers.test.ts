import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { composeExtractiveAnswer, sourcesRead, type SentenceMeaning } from "./extractive-answer";
import { fitsAnswerType } from "./question-type";
import { hasTerm, wordsOf } from "./score-units";
import { isListQuestion } from "./list-questions";
import { extremeFit, superlativeOf, valueIn } from "./superlatives";
import { rowText, tableCells } from "./table-rows";
import type { AnswerSource } from "./types";

// Tables, records and questions that compare rows, on hand-made passages written as the loaders write them.

const source = (id: string, content: string, documentId = `doc-${id}`): AnswerSource => ({
  chunkId: `chunk-${id}`,
  documentId,
  documentTitle: id,
  content,
  score: 0.5,
  vectorScore: 0.4,
  textScore: null,
});

/** Every sentence equally near in meaning: only words, rows and values decide. */
const flat = (similarity = 0.4): SentenceMeaning => ({ similarity: () => similarity });

const accessTable = [
  "# Opening and access times",
  "",
  "| | Office | Unit access |",
  "| --- | --- | --- |",
  "| Monday to Friday | 8:30 to 17:30 | 6:00 to 22:00 |",
  "| Saturday | 9:00 to 16:00 | 6:00 to 22:00 |",
  "| Sunday | Closed | 8:00 to 20:00 |",
].join("\n");

const units = (name: string, size: string, week: string, fourWeeks: string) =>
  source(name.toLowerCase().replace(/\s/g, "-"), `Unit: ${name}\n${size ? `Size (sq ft): ${size}\n` : ""}Price per week: €${week}\nPrice per 4 weeks: €${fourWeeks}`, "units.csv");

describe("a table row is read with its header's labels", () => {
  it("splits Markdown table lines into cells and quotes a row under its column labels", () => {
    expect(tableCells("| Sunday | Closed | 8:00 to 20:00 |")).toEqual(["Sunday", "Closed", "8:00 to 20:00"]);
    expect(tableCells("| a \\| b | c |")).toEqual(["a | b", "c"]);
    const rows = splitAnswerUnits(accessTable);
    expect(rows.map((unit) => unit.text)).toEqual([
      "Monday to Friday; Office: 8:30 to 17:30; Unit access: 6:00 to 22:00",
      "Saturday; Office: 9:00 to 16:00; Unit access: 6:00 to 22:00",
      "Sunday; Office: Closed; Unit access: 8:00 to 20:00",
    ]);
    expect(rows.every((unit) => unit.context === "Opening and access times" && unit.table === "|office|unit access")).toBe(true);
    expect(rows[2]!.fields).toEqual([
      { label: "", value: "Sunday" },
      { label: "Office", value: "Closed" },
      { label: "Unit access", value: "8:00 to 20:00" },
    ]);
  });

  it("keeps a first row of figures as data: a table without a header row", () => {
    const rows = splitAnswerUnits("| Small box | €2.50 |\n| --- | --- |\n| Large box | €3.50 |");
    expect(rows.map((unit) => unit.text)).toEqual(["Small box; €2.50", "Large box; €3.50"]);
    expect(rows[0]!.table).toBe(rows[1]!.table);
    expect(splitAnswerUnits("| Monday | 9am-5pm |\n| --- | --- |\n| Tuesday | 10–18 Uhr |").map((unit) => unit.text)).toEqual(["Monday; 9am-5pm", "Tuesday; 10–18 Uhr"]);
  });

  it("reads a header whose labels hold a figure as the header: no cell of it is a value", () => {
    const prices = "| Boat | 1 hour | 2 hours | Half day (4 hours) |\n| --- | --- | --- | --- |\n| Canoe | £28 | £48 | £75 |";
    expect(splitAnswerUnits(prices).map((unit) => unit.text)).toEqual(["Boat: Canoe; 1 hour: £28; 2 hours: £48; Half day (4 hours): £75"]);
    const tickets = "| Ticket | Erwachsene | Kinder (bis 13) |\n| --- | --- | --- |\n| Monatsabo | 59,00 € | 32,00 € |";
    expect(splitAnswerUnits(tickets).map((unit) => unit.text)).toEqual(["Ticket: Monatsabo; Erwachsene: 59,00 €; Kinder (bis 13): 32,00 €"]);
  });

  it("keeps a header row whose labels hold a figure among their words", () => {
    const prices = "| Group size | Wednesday to Friday before 6pm | Evenings and weekends |\n| --- | --- | --- |\n| 2 players | $38 | $42 |\n| 3 to 4 players | $32 | $36 |";
    expect(splitAnswerUnits(prices).map((unit) => unit.text)).toEqual([
      "Group size: 2 players; Wednesday to Friday before 6pm: $38; Evenings and weekends: $42",
      "Group size: 3 to 4 players; Wednesday to Friday before 6pm: $32; Evenings and weekends: $36",
    ]);
    expect(splitAnswerUnits("| Bike | Half day (4 hours) | Full day |\n| --- | --- | --- |\n| City bike | £15 | £25 |")[0]!.text).toBe("Bike: City bike; Half day (4 hours): £15; Full day: £25");
    expect(splitAnswerUnits("| Monday | 9am to 5pm |\n| --- | --- |\n| Tuesday | 9am to 5pm |").map((unit) => unit.text)).toEqual(["Monday; 9am to 5pm", "Tuesday; 9am to 5pm"]);
  });

  it("reads a CSV record as one row with its fields, labels and values apart", () => {
    const [row] = splitAnswerUnits("Unit: Locker\nSize (sq ft): 10\nPrice per week: €9");
    expect(row!.text).toBe("Unit: Locker; Size (sq ft): 10; Price per week: €9");
    expect(row!.table).toBe("unit");
    expect(rowText(row!.fields!)).toBe(row!.text);
  });

  it("answers a day's question with that day's row, naming the column", () => {
    const answer = composeExtractiveAnswer("can I get to my unit on a sunday", [source("access", accessTable)], {}, flat(0.42));
    expect(answer.content).toContain("Sunday — Unit access: 8:00 to 20:00; Office: Closed");
  });

  it("reads the weekdays in a 'Monday to Friday' row", () => {
    const [weekdays, ...others] = accessTable.split("\n").slice(4);
    const reordered = [...accessTable.split("\n").slice(0, 4), ...others, weekdays].join("\n");
    const answer = composeExtractiveAnswer("until what time can I access my unit on weekdays", [source("access", reordered)], {}, flat(0.42));
    expect(answer.content).toContain("Monday to Friday");
    expect(hasTerm(wordsOf("open on weekdays?", "Open Mon-Fri 9 to 5"), "weekdays")).toBe(true);
    expect(hasTerm(wordsOf("open at the weekend?", "Saturday and Sunday: closed"), "weekend")).toBe(true);
  });

  it("takes a record's name field for a person", () => {
    expect(fitsAnswerType("person", "name: Callum Reid; role: Senior physiotherapist; special interests: acupuncture")).toBe(true);
    expect(fitsAnswerType("person", "Unit: Extra large; Size (sq ft): 100")).toBe(false);
    const team = [
      source("hannah", "name: Hannah Okafor\nrole: Clinical director\nspecial interests: knee rehab"),
      source("callum", "name: Callum Reid\nrole: Senior physiotherapist\nspecial interests: back pain, acupuncture"),
    ];
    expect(composeExtractiveAnswer("who does acupuncture", team, {}, flat(0.35)).content).toContain("Callum Reid");
  });

  it("prefers the row the question names whole to one that shares a word of its name", () => {
    const rows = [units("Extra large", "100", "49", "186"), units("Large", "75", "39", "148")];
    expect(composeExtractiveAnswer("what does the large one cost per month", rows, {}, flat(0.4)).content).toContain("€148");
  });
});

describe("questions that compare rows", () => {
  it("reads the compared quantity and its direction", () => {
    expect(superlativeOf("how much is the smallest unit a week")).toEqual({ dimension: "size", most: false });
    expect(superlativeOf("whats the cheapest room")).toEqual({ dimension: "price", most: false });
    expect(superlativeOf("which is your most expensive package")).toEqual({ dimension: "price", most: true });
    expect(superlativeOf("what's the earliest appointment")).toEqual({ dimension: "time", most: false });
    expect(superlativeOf("how long is the longest lesson")).toEqual({ dimension: "duration", most: true });
    expect(superlativeOf("how much is the first appointment")).toBeNull();
  });

  it("reads a row's value in the compared quantity, from the column the question names", () => {
    const fields = [
      { label: "Unit", value: "Locker" },
      { label: "Size (sq ft)", value: "10" },
      { label: "Price per week", value: "€9" },
      { label: "Price per 4 weeks", value: "€34" },
    ];
    expect(valueIn("the smallest unit", { dimension: "size", most: false }, fields, "")).toBe(10);
    expect(valueIn("the cheapest unit per week", { dimension: "price", most: false }, fields, "")).toBe(9);
    expect(valueIn("cheapest", { dimension: "price", most: false }, undefined, "From $1,650 installed")).toBe(1650);
    expect(valueIn("earliest", { dimension: "time", most: false }, undefined, "Saturday 8.30am to 1pm")).toBe(510);
    expect(valueIn("latest", { dimension: "time", most: true }, undefined, "Saturday 8.30am to 1pm")).toBe(780);
    // A price is no clock time, a bare number no size.
    expect(valueIn("earliest", { dimension: "time", most: false }, undefined, "A small box is €2.50")).toBeNull();
    expect(valueIn("smallest", { dimension: "size", most: false }, undefined, "Room 12 sleeps two")).toBeNull();
  });

  it("marks the extreme row of each table, and leaves sentences and rows without a value alone", () => {
    const read = [units("Large", "75", "39", "148"), units("Locker", "10", "9", "34"), units("Outdoor car space", "", "15", "56")].flatMap((hit, index) =>
      splitAnswerUnits(hit.content, index),
    );
    expect(extremeFit("how much is the smallest unit a week", read)).toEqual([-1, 1, 0]);
    expect(extremeFit("how much is the biggest unit a week", read)).toEqual([1, -1, 0]);
    expect(extremeFit("how much is a unit a week", read)).toEqual([0, 0, 0]);
  });

  it("reads the later rows of a table the first sources hold, and answers with the smallest", () => {
    const hits = [
      units("Large", "75", "39", "148"),
      units("Extra large", "100", "49", "186"),
      units("Medium", "50", "29", "110"),
      units("Jumbo", "150", "69", "262"),
      units("Small", "25", "18", "68"),
      units("Locker", "10", "9", "34"),
      source("faq", "## Do I need insurance?\nYes, your goods must be insured."),
    ];
    expect(sourcesRead("how much is the smallest unit a week", hits).map((hit) => hit.chunkId)).toEqual(hits.slice(0, 6).map((hit) => hit.chunkId));
    expect(sourcesRead("how much is a medium unit a week", hits)).toHaveLength(5);
    const answer = composeExtractiveAnswer("how much is the smallest unit a week", hits, {}, flat(0.4));
    expect(answer.content).toContain("Locker — ");
    expect(answer.content).toContain("€9");
  });
});

describe("questions asking for a list", () => {
  it("tells a question for the items of a kind from one for a time or one item", () => {
    expect(isListQuestion("what services do you offer")).toBe(true);
    expect(isListQuestion("Which areas do you cover?")).toBe(true);
    expect(isListQuestion("what kinds of massage are there")).toBe(true);
    expect(isListQuestion("What do you offer?")).toBe(true);
    expect(isListQuestion("which days is dev in")).toBe(false);
    expect(isListQuestion("what time do you close on fridays")).toBe(false);
    expect(isListQuestion("what does the large one cost per month")).toBe(false);
  });

  it("answers with the names of a table's rows, under its heading", () => {
    const rates = source(
      "rates",
      "## Our pricing\n\n| Service | Regular hours | Evenings |\n| --- | --- | --- |\n| Drain cleaning | $189 | $279 |\n| Sewer camera inspection | $225 | $325 |\n| Toilet repair | from $165 | from $245 |",
    );
    const answer = composeExtractiveAnswer("what services do you offer", [rates], {}, flat(0.46));
    expect(answer.content).toBe("Our pricing: Drain cleaning, Sewer camera inspection, Toilet repair [1]");
    expect(answer.citations).toHaveLength(1);
  });

  it("lists a CSV file's rows from the sources holding them, each cited", () => {
    const towns = ["Columbus", "Hilliard", "Dublin"].map((town) => source(town.toLowerCase(), `Town: ${town}\nTrip charge: $25`, "service-area.csv"));
    const answer = composeExtractiveAnswer("which towns do you cover", towns, {}, flat(0.46));
    expect(answer.content).toBe("Town: Columbus, Hilliard, Dublin [1] [2] [3]");
    expect(answer.citations.map((citation) => citation.chunkId)).toEqual(["chunk-columbus", "chunk-hilliard", "chunk-dublin"]);
  });

  it("answers about the one row a list-shaped question names, not with the list", () => {
    const rooms = ["Larimer|65-inch screen, whiteboard", "Blake|75-inch screen, Zoom Rooms camera", "Platte|projector, conference phone"].map((row) => {
      const [room, equipment] = row.split("|");
      return source(room!.toLowerCase(), `Room: ${room}\nSeats: 8\nEquipment: ${equipment}`, "meeting-rooms.csv");
    });
    const answer = composeExtractiveAnswer("what kind of screen is in the larimer room", rooms, {}, flat(0.46));
    expect(answer.content).toContain("65-inch screen");
    expect(answer.content).not.toContain("Blake");
    // Naming no row, the same shape still asks for the list.
    expect(composeExtractiveAnswer("what kinds of rooms do you have", rooms, {}, flat(0.46)).content).toBe("Room: Larimer, Blake, Platte [1] [2] [3]");
  });

  it("quotes the whole section that answers a list question when no table does", () => {
    const treatments = source(
      "treatments",
      "## Treatments\n- Sports massage for runners and cyclists.\n- Acupuncture for back and neck pain.\n- Pilates classes in small groups.\n\n## Parking\nThere is a car park behind the clinic.",
    );
    const meaning: SentenceMeaning = { similarity: (unit) => (unit.text.startsWith("Sports") ? 0.5 : unit.context === "Treatments" ? 0.44 : 0.2) };
    const answer = composeExtractiveAnswer("what treatments do you offer", [treatments], {}, meaning);
    expect(answer.content).toContain("Sports massage");
    expect(answer.content).toContain("Acupuncture");
    expect(answer.content).toContain("Pilates");
    expect(answer.content).not.toContain("car park");
  });
});

describe("numbers in words and in figures", () => {
  it("matches '3 bedroom' with 'three-bedroom' and the row that says it", () => {
    expect(hasTerm(wordsOf("a 3 bedroom house", "a three-bedroom house"), "3")).toBe(true);
    expect(hasTerm(wordsOf("three people", "up to 3 people"), "three")).toBe(true);
    const rows = [
      source("large", "Unit: Large\nSize (sq ft): 75\nRoughly holds: a two-bedroom house", "units.csv"),
      source("xl", "Unit: Extra large\nSize (sq ft): 100\nRoughly holds: a three-bedroom house", "units.csv"),
    ];
    expect(composeExtractiveAnswer("we're clearing out a 3 bedroom house, what size", rows, {}, flat(0.4)).content).toContain("Extra large");
  });
});
