import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "../answering/answer-units";
import { extractPdf } from "./extract-pdf";
import { findPageTables, withMarkdownTables, type PositionedText } from "./pdf-tables";

// PDF tables read as rows: pages drawn with pdf-lib as a business's price list would be laid out.

type Draw = (page: PDFPage, font: PDFFont) => void;

async function pdfOf(draw: Draw): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  draw(pdf.addPage([595, 842]), font);
  return pdf.save();
}

/** Draws rows at the columns' x; `right` columns are right-aligned at their x + 60 (figures often are). */
function table(rows: string[][], columns: number[], top: number, right: ReadonlySet<number> = new Set()): Draw {
  return (page, font) =>
    rows.forEach((row, line) =>
      row.forEach((cell, column) => {
        const width = font.widthOfTextAtSize(cell, 10);
        const x = right.has(column) && line > 0 ? columns[column]! + 60 - width : columns[column]!;
        page.drawText(cell, { x, y: top - line * 16, size: 10, font });
      }),
    );
}

const prices = [
  ["Unit", "Size", "Price per week", "Price per month"],
  ["Locker", "10 sq ft", "€9", "€35"],
  ["Small", "25 sq ft", "€15", "€55"],
  ["Extra large", "150 sq ft", "€48", "€180"],
];

describe("PDF tables are read as rows with their column names", () => {
  it("writes a table's lines as Markdown rows under its header, the text around it unchanged", async () => {
    const bytes = await pdfOf((page, font) => {
      page.drawText("Storage unit prices", { x: 50, y: 800, size: 14, font });
      page.drawText("All prices include VAT and are paid in advance.", { x: 50, y: 776, size: 10, font });
      table(prices, [50, 200, 300, 420], 750)(page, font);
      page.drawText("Payment is due monthly in advance.", { x: 50, y: 680, size: 10, font });
    });
    const { text } = await extractPdf(bytes);
    expect(text).toBe(
      [
        "Storage unit prices",
        "All prices include VAT and are paid in advance.",
        "",
        "| Unit | Size | Price per week | Price per month |",
        "| --- | --- | --- | --- |",
        "| Locker | 10 sq ft | €9 | €35 |",
        "| Small | 25 sq ft | €15 | €55 |",
        "| Extra large | 150 sq ft | €48 | €180 |",
        "",
        "Payment is due monthly in advance.",
      ].join("\n"),
    );
    const extraLarge = splitAnswerUnits(text).find((unit) => unit.text.startsWith("Unit: Extra large"));
    expect(extraLarge?.fields).toEqual([
      { label: "Unit", value: "Extra large" },
      { label: "Size", value: "150 sq ft" },
      { label: "Price per week", value: "€48" },
      { label: "Price per month", value: "€180" },
    ]);
  });

  it("places right-aligned figures and empty cells under their columns", async () => {
    const rows = [
      ["Treatment", "Price", "Notes"],
      ["Initial assessment", "£65", "60 minutes"],
      ["Follow-up", "£48", ""],
      ["Sports massage", "£120", "90 minutes"],
    ];
    const { text } = await extractPdf(await pdfOf(table(rows, [50, 220, 330], 780, new Set([1]))));
    expect(text).toContain("| Follow-up | £48 |  |");
    expect(text).toContain("| Sports massage | £120 | 90 minutes |");
  });

  it("leaves prose, two prose columns and a lone pair of cells as text", async () => {
    const bytes = await pdfOf((page, font) => {
      page.drawText("Cancellations made less than 24 hours before an appointment are charged in full.", { x: 50, y: 800, size: 10, font });
      page.drawText("Phone:", { x: 50, y: 770, size: 10, font });
      page.drawText("0113 496 0000", { x: 200, y: 770, size: 10, font });
      const left = ["Our clinic opened in 2009 and has grown,", "year on year, into the largest practice in", "the north of the city, with six rooms."];
      const right = ["We treat runners, cyclists and office", "workers alike, and most of our patients", "come to us on a friend's recommendation."];
      left.forEach((line, index) => page.drawText(line, { x: 50, y: 720 - index * 14, size: 10, font }));
      right.forEach((line, index) => page.drawText(line, { x: 310, y: 720 - index * 14, size: 10, font }));
    });
    const { text } = await extractPdf(bytes);
    expect(text).not.toContain("|");
  });

  it("reads rows continued at the top of the next page under the previous page's header", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const first = pdf.addPage([595, 842]);
    first.drawText("Storage unit prices", { x: 50, y: 800, size: 14, font });
    table(prices.slice(0, 3), [50, 200, 300, 420], 120)(first, font);
    first.drawText("Page 1", { x: 280, y: 30, size: 9, font });
    const second = pdf.addPage([595, 842]);
    table([["Medium", "50 sq ft", "€24", "€90"], ["Extra large", "150 sq ft", "€48", "€180"]], [50, 200, 300, 420], 800)(second, font);
    second.drawText("Payment is due monthly in advance.", { x: 50, y: 740, size: 10, font });
    const { pages } = await extractPdf(await pdf.save());
    expect(pages[0]!.text).toContain("| Small | 25 sq ft | €15 | €55 |");
    expect(pages[1]!.text).toBe(
      ["| Unit | Size | Price per week | Price per month |", "| --- | --- | --- | --- |", "| Medium | 50 sq ft | €24 | €90 |", "| Extra large | 150 sq ft | €48 | €180 |", "", "Payment is due monthly in advance."].join("\n"),
    );
  });

  it("needs a header and two rows, and a table line found in the text in order", () => {
    const item = (str: string, x: number, y: number): PositionedText => ({ str, x, y, width: str.length * 5, height: 10 });
    expect(findPageTables([item("Day", 50, 800), item("Hours", 200, 800), item("Monday", 50, 784), item("9:00 to 17:00", 200, 784)])).toEqual([]);
    const tables = findPageTables([
      item("Day", 50, 800),
      item("Hours", 200, 800),
      item("Monday", 50, 784),
      item("9:00 to 17:00", 200, 784),
      item("Sunday", 50, 768),
      item("Closed", 200, 768),
    ]);
    expect(tables).toEqual([{ lines: ["Day Hours", "Monday 9:00 to 17:00", "Sunday Closed"], rows: [["Day", "Hours"], ["Monday", "9:00 to 17:00"], ["Sunday", "Closed"]] }]);
    expect(withMarkdownTables("Day Hours\nMonday 9:00 to 17:00\nSunday Closed", tables)).toBe("| Day | Hours |\n| --- | --- |\n| Monday | 9:00 to 17:00 |\n| Sunday | Closed |");
    expect(withMarkdownTables("Day Hours\nSunday Closed\nMonday 9:00 to 17:00", tables)).toBe("Day Hours\nSunday Closed\nMonday 9:00 to 17:00");
    // Rows continued from another page: a first line of figures is no header.
    expect(findPageTables([item("Small", 50, 800), item("€15", 200, 800), item("Medium", 50, 784), item("€24", 200, 784), item("Large", 50, 768), item("€38", 200, 768)])).toEqual([]);
  });
});
