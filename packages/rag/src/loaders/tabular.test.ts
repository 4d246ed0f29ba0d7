import { describe, expect, it } from "vitest";
import { buildDocx, buildPdf, encodeUtf8 } from "../testing";
import { ExtractionError } from "./extraction-error";
import { extractText } from "./extract-text";
import { readFaqCsv } from "./tabular";

describe("CSV", () => {
  it("turns each row into one `header: value` record, quoted commas and line breaks included", async () => {
    const csv = 'Room,Price,Notes\nSingle,80,"quiet, garden view"\nDouble,120,"two beds\nbalcony"\n\nSuite,300,\n';
    const result = await extractText({ bytes: encodeUtf8(csv), fileName: "rooms.csv" });
    expect(result.mimeType).toBe("text/csv");
    expect(result.records).toEqual([
      "Room: Single\nPrice: 80\nNotes: quiet, garden view",
      "Room: Double\nPrice: 120\nNotes: two beds\nbalcony",
      "Room: Suite\nPrice: 300",
    ]);
  });

  it("reads semicolon-separated files (spreadsheet exports) and a BOM", async () => {
    const result = await extractText({ bytes: encodeUtf8("\uFEFFProducto;Precio\nCafé;2,50\n"), fileName: "precios.csv" });
    expect(result.records).toEqual(["Producto: Café\nPrecio: 2,50"]);
  });

  it("a CSV with only a header has no text", async () => {
    await expect(extractText({ bytes: encodeUtf8("a,b\n"), fileName: "empty.csv" })).rejects.toBeInstanceOf(ExtractionError);
  });

  it("recognises question/answer columns in English and Spanish, case-insensitively, with tags", () => {
    expect(readFaqCsv(encodeUtf8("Question,ANSWER,Tags\nWhen do you open?,At 9,hours; general\n"))).toEqual([
      { line: 2, question: "When do you open?", answer: "At 9", tags: ["hours", "general"] },
    ]);
    expect(readFaqCsv(encodeUtf8("pregunta;respuesta\n¿Hay parking?;Sí, gratis\n"))).toEqual([
      { line: 2, question: "¿Hay parking?", answer: "Sí, gratis", tags: [] },
    ]);
    expect(readFaqCsv(encodeUtf8('Q,A\n"Multi\nline?",yes\nnext,no\n'))?.map((row) => row.line)).toEqual([3, 4]);
    expect(readFaqCsv(encodeUtf8("room,price\nA,1\n"))).toBeNull();
  });
});

describe("JSON Lines", () => {
  it("makes one readable record per line and reports bad lines by number", async () => {
    const jsonl = '{"sku":"A1","name":"Kettle","specs":{"watts":2000,"colors":["red","blue"]}}\n\nnot json\n{"sku":"B2","name":"Toaster"}\n{"broken":\n';
    const result = await extractText({ bytes: encodeUtf8(jsonl), fileName: "products.jsonl" });
    expect(result.mimeType).toBe("application/x-ndjson");
    expect(result.records).toEqual(["sku: A1\nname: Kettle\nspecs.watts: 2000\nspecs.colors: red, blue", "sku: B2\nname: Toaster"]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings?.[0]).toMatch(/^line 3: /);
    expect(result.warnings?.[1]).toMatch(/^line 5: /);
  });

  it("is recognised by the ndjson mime type, and fails when no line is valid", async () => {
    const ok = await extractText({ bytes: encodeUtf8('{"a":1}\n'), mimeType: "application/x-ndjson", fileName: "upload" });
    expect(ok.records).toEqual(["a: 1"]);
    await expect(extractText({ bytes: encodeUtf8("nope\nstill nope\n"), fileName: "bad.jsonl" })).rejects.toThrow(
      /^No valid JSON lines found: line 1: .*; line 2: /,
    );
  });
});

describe("tables in documents", () => {
  it("HTML tables keep their rows as Markdown table lines", async () => {
    const html = "<h1>Rates</h1><table><tr><th>Room</th><th>Price</th></tr><tr><td>Single</td><td>80 &euro;</td></tr><tr><td>Double <b>deluxe</b></td><td>120 &euro;</td></tr></table>";
    const { text } = await extractText({ bytes: encodeUtf8(html), fileName: "rates.html" });
    expect(text).toBe("# Rates\n\n| Room | Price |\n| --- | --- |\n| Single | 80 € |\n| Double deluxe | 120 € |");
  });

  it("DOCX tables keep their rows too", async () => {
    const bytes = await buildDocx({
      title: "Price list",
      sections: [{ heading: "Rooms", paragraphs: ["Prices per night."] }],
      table: [["Room", "Price"], ["Single", "80"], ["Double", "120"]],
    });
    const { text } = await extractText({ bytes, fileName: "prices.docx" });
    expect(text).toContain("| Room | Price |\n| --- | --- |\n| Single | 80 |\n| Double | 120 |");
  });

  it("PDF tables come through as the text layer has them: one line per row, cells separated by spaces", async () => {
    const bytes = await buildPdf({ title: "Rates", pages: ["Room Price\nSingle 80\nDouble 120"] });
    const { text } = await extractText({ bytes, fileName: "rates.pdf" });
    expect(text.split("\n")).toEqual(["Room Price", "Single 80", "Double 120"]);
  });
});
