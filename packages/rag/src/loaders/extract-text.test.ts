import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildDocx, buildImageOnlyPdf, buildPdf, encodeUtf8 } from "../testing";
import { ExtractionError } from "./extraction-error";
import { extractText } from "./extract-text";

async function extractionError(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe("extractText", () => {
  it("reads every page of a PDF with its title and page count", async () => {
    const bytes = await buildPdf({
      title: "Refund Policy",
      pages: ["Refunds are issued within 14 days of purchase.", "Store credit never expires."],
    });
    const result = await extractText({ bytes, fileName: "policy.pdf", mimeType: "application/pdf" });
    expect(result).toMatchObject({ mimeType: "application/pdf", title: "Refund Policy", pageCount: 2 });
    expect(result.text).toContain("Refunds are issued within 14 days of purchase.");
    expect(result.text).toContain("Store credit never expires.");
    expect(result.text).not.toMatch(/-- 1 of 2 --/);
    expect(result.pages).toEqual([
      { page: 1, text: "Refunds are issued within 14 days of purchase." },
      { page: 2, text: "Store credit never expires." },
    ]);
    // The caller's buffer is still readable afterwards (pdf.js detaches what it parses).
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it("keeps PDF text set past the page edge (pdf.js clips glyphs outside the page box)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([612, 792]);
    // One unwrapped line running ~200 pt past the right edge, one starting beyond it, and a crop box.
    const long =
      "Payment is due at the end of each visit by card or cash; treatment plans over 600 euros can be paid in three instalments.";
    expect(font.widthOfTextAtSize(long, 12) + 72).toBeGreaterThan(700);
    page.drawText(long, { x: 72, y: 700, size: 12, font });
    page.drawText("Hidden margin note.", { x: 640, y: 680, size: 12, font });
    page.setCropBox(36, 36, 540, 720);
    const result = await extractText({ bytes: await pdf.save(), fileName: "policies.pdf" });
    expect(result.text).toContain("can be paid in three instalments.");
    expect(result.text).toContain("Hidden margin note.");
  });

  it("sniffs a PDF uploaded without name or type", async () => {
    const bytes = await buildPdf({ pages: ["Opening hours: 9 to 5."] });
    const result = await extractText({ bytes, mimeType: "application/octet-stream" });
    expect(result.mimeType).toBe("application/pdf");
    expect(result.text).toBe("Opening hours: 9 to 5.");
  });

  it("rejects a PDF without a text layer", async () => {
    const error = await extractionError(extractText({ bytes: await buildImageOnlyPdf(), fileName: "scan.pdf" }));
    expect(error.code).toBe("no_text_layer");
    expect(error.message).toBe("PDF has no text layer (scanned?) — OCR is not available");
  });

  it("rejects a damaged PDF", async () => {
    const good = await buildPdf({ pages: ["Some text that will be cut off."] });
    const error = await extractionError(extractText({ bytes: good.slice(0, 300), fileName: "broken.pdf" }));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/^PDF could not be read/);
  });

  it("rejects a .pdf that is not a PDF", async () => {
    const error = await extractionError(extractText({ bytes: encodeUtf8("hello"), fileName: "fake.pdf" }));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/not a valid PDF/);
  });

  it("reads a DOCX with headings as Markdown headings", async () => {
    const bytes = await buildDocx({
      title: "Employee Handbook",
      sections: [
        { heading: "Vacation", paragraphs: ["Staff get 25 days of paid leave."] },
        { heading: "Parking", paragraphs: ["Parking is free in lot B."] },
      ],
    });
    const result = await extractText({ bytes, fileName: "handbook.docx" });
    expect(result.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(result.title).toBe("Employee Handbook");
    expect(result.text).toBe(
      "# Employee Handbook\n\n## Vacation\n\nStaff get 25 days of paid leave.\n\n## Parking\n\nParking is free in lot B.",
    );
  });

  it("rejects a damaged DOCX", async () => {
    const good = await buildDocx({ title: "T", sections: [] });
    const error = await extractionError(extractText({ bytes: good.slice(0, 200), fileName: "broken.docx" }));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/^DOCX could not be read/);
  });

  it("reads HTML as readable text without scripts, styles or navigation", async () => {
    const html = `<!doctype html><html><head><title>Acme &amp; Co — Help</title>
      <style>body { color: red }</style><script>var tracking = "secret";</script></head>
      <body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
      <main><h1>Shipping</h1><p>We ship <b>worldwide</b> in <a href="/x">3&ndash;5 days</a>.</p>
      <h2>Returns</h2><ul><li>Free returns</li><li>30 days</li></ul></main>
      <footer>Call +1 555 0100</footer></body></html>`;
    const result = await extractText({ bytes: encodeUtf8(html), mimeType: "text/html; charset=utf-8" });
    expect(result).toMatchObject({ mimeType: "text/html", title: "Acme & Co — Help" });
    expect(result.text).toBe(
      "# Shipping\n\nWe ship worldwide in 3–5 days.\n\n## Returns\n\n- Free returns\n- 30 days\n\nCall +1 555 0100",
    );
  });

  it("reads Markdown, dropping front matter but keeping its title", async () => {
    const md = "---\ntitle: FAQ\nlayout: page\n---\n# Frequently asked\n\nQ: Do you deliver?\nA: Yes.\r\n";
    const result = await extractText({ bytes: encodeUtf8(md), fileName: "faq.md", mimeType: "text/plain" });
    expect(result).toMatchObject({ mimeType: "text/markdown", title: "FAQ" });
    expect(result.text).toBe("# Frequently asked\n\nQ: Do you deliver?\nA: Yes.");
  });

  it("reads plain text in UTF-8 and Windows-1252, dropping NUL-free control characters", async () => {
    const utf8 = await extractText({ bytes: encodeUtf8("Café opens at 8\u0007.\n\n\n\nBye"), fileName: "a.txt" });
    expect(utf8).toMatchObject({ mimeType: "text/plain", text: "Café opens at 8.\n\nBye" });
    const latin = await extractText({ bytes: Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), fileName: "b.txt" });
    expect(latin.text).toBe("Café");
  });

  it("reads CSV and JSON as text, keeping their types", async () => {
    const csv = await extractText({ bytes: encodeUtf8("room,floor\nA1,1\n"), fileName: "rooms.csv" });
    expect(csv).toMatchObject({ mimeType: "text/csv", text: "room: A1\nfloor: 1", records: ["room: A1\nfloor: 1"] });
    const json = await extractText({ bytes: encodeUtf8('{"wifi":"guest"}'), mimeType: "application/json" });
    expect(json).toMatchObject({ mimeType: "application/json", text: '{"wifi":"guest"}' });
  });

  it("names the unsupported type and the supported ones", async () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...encodeUtf8("xl/workbook.xml")]);
    const error = await extractionError(extractText({ bytes: xlsx, fileName: "prices.xlsx" }));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe("XLSX files are not supported (supported: PDF, DOCX, HTML, Markdown, TXT, CSV, JSON, JSON Lines)");

    const png = await extractionError(extractText({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), mimeType: "image/png" }));
    expect(png.message).toBe("image/png files are not supported (supported: PDF, DOCX, HTML, Markdown, TXT, CSV, JSON, JSON Lines)");

    const doc = await extractionError(
      extractText({ bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), fileName: "old.doc" }),
    );
    expect(doc.message).toMatch(/^DOC files are not supported/);
  });

  it("rejects empty files and files with only whitespace", async () => {
    expect((await extractionError(extractText({ bytes: new Uint8Array(), fileName: "a.txt" }))).code).toBe("empty");
    const blank = await extractionError(extractText({ bytes: encodeUtf8(" \n\t\n"), fileName: "a.txt" }));
    expect(blank).toMatchObject({ code: "empty", message: "No text found in the file" });
    const emptyHtml = await extractionError(
      extractText({ bytes: encodeUtf8("<html><body><script>x()</script></body></html>"), fileName: "a.html" }),
    );
    expect(emptyHtml.code).toBe("empty");
  });

  it("rejects binary data posing as text", async () => {
    const error = await extractionError(extractText({ bytes: Uint8Array.from([1, 0, 2, 0, 3]), fileName: "a.txt" }));
    expect(error.code).toBe("corrupt");
  });
});
