import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "../answering/answer-units";
import { splitText } from "./split-text";
import { repeatTableHeaders } from "./table-headers";

describe("a table cut between chunks keeps its header", () => {
  it("repeats the header and its rule line in a chunk that opens inside the table", () => {
    const pieces = ["## Areas\n\n| Town | Trip charge |\n| --- | --- |\n| Columbus | $0 |", "| Lancaster | $65 |\n| Delaware | $25 |", "Call us for other towns.", "| a | b |"];
    expect(repeatTableHeaders(pieces)).toEqual([
      pieces[0],
      "| Town | Trip charge |\n| --- | --- |\n| Lancaster | $65 |\n| Delaware | $25 |",
      "Call us for other towns.",
      "| a | b |",
    ]);
  });

  it("reads every row of a long table with its column names after splitting", async () => {
    const rows = Array.from({ length: 80 }, (_, index) => `| Town number ${index + 1} | ${43000 + index} | $${index * 5} | Weekdays only, call ahead |`);
    const text = ["# Service area", "", "| Town | ZIP code | Trip charge | Notes |", "| --- | --- | --- | --- |", ...rows].join("\n");
    const chunks = await splitText(text, { chunkSize: 200, chunkOverlap: 20, format: "markdown" });
    expect(chunks.length).toBeGreaterThan(2);
    const last = splitAnswerUnits(chunks.at(-1)!.content).at(-1)!;
    expect(last.text).toBe("Town: Town number 80; ZIP code: 43079; Trip charge: $395; Notes: Weekdays only, call ahead");
  });
});
