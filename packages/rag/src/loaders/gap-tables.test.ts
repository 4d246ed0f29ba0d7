import { describe, expect, it } from "vitest";
import { encodeUtf8 } from "../testing";
import { splitAnswerUnits } from "../answering/answer-units";
import { extractText } from "./extract-text";
import { withGapTables } from "./gap-tables";

describe("tables laid out with tabs or runs of spaces", () => {
  it("writes aligned lines under a header of labels as Markdown rows, the text around them unchanged", () => {
    const text = ["Unit prices", "Unit        Size        Per week", "Locker      10 sq ft    €9", "Small       25 sq ft    €15", "Ask at the desk for a tour."].join("\n");
    expect(withGapTables(text)).toBe(
      ["Unit prices", "", "| Unit | Size | Per week |", "| --- | --- | --- |", "| Locker | 10 sq ft | €9 |", "| Small | 25 sq ft | €15 |", "", "Ask at the desk for a tour."].join("\n"),
    );
  });

  it("reads a tab-separated price list in a text file row by row with its column names", async () => {
    const text = "Day\tOpen\tClose\nMonday\t9am\t5pm\nThursday\t9am\t8pm\n";
    const { text: extracted } = await extractText({ bytes: encodeUtf8(text), fileName: "hours.txt", mimeType: "text/plain" });
    expect(splitAnswerUnits(extracted).map((unit) => unit.text)).toEqual(["Day: Monday; Open: 9am; Close: 5pm", "Day: Thursday; Open: 9am; Close: 8pm"]);
  });

  it("leaves prose with double spaces, lines of another cell count and a header of figures alone", () => {
    const prose = "We opened in 2009.  We have grown since.\nOur team is small.  Everyone knows you.\nCome and see us.  The kettle is on.";
    expect(withGapTables(prose)).toBe(prose);
    const uneven = "Unit    Size    Per week\nLocker    10 sq ft\nSmall    25 sq ft    €15";
    expect(withGapTables(uneven)).toBe(uneven);
    const figures = "Small    €15\nMedium    €24\nLarge    €38";
    expect(withGapTables(figures)).toBe(figures);
  });
});
