import { ExtractionError } from "./extraction-error";
import { normalizeText } from "./decode-text";
import type { ExtractedPage } from "./extract-text";
import { widenPageBoxes } from "./widen-page-boxes";
import { readPageTables, withMarkdownTables, type CarriedHeader, type PositionedText } from "./pdf-tables";
import { withGapTables } from "./gap-tables";

export interface PdfText {
  text: string;
  pages: ExtractedPage[];
  pageCount: number;
  title?: string;
}

export async function extractPdf(bytes: Uint8Array): Promise<PdfText> {
  // Loaded on first use: pdf.js is a large module graph that every process importing this package (the API, each
  // test file) would otherwise evaluate at start-up, PDF or not.
  const { PDFParse } = await import("pdf-parse");
  // pdf.js detaches the buffer it is given; parse a copy so the caller's bytes stay usable.
  const widened = await widenPageBoxes(bytes);
  const parser = new PDFParse({ data: widened === bytes ? new Uint8Array(bytes) : widened });
  try {
    // Items joined by a mark instead of nothing: a page whose lines hold gaps between items (see mayHoldTable) is
    // read again for tables; the marks are taken out after.
    const result = await parser.getText({ itemJoiner: ITEM_MARK });
    const info = await parser.getInfo().catch(() => undefined);
    const pages: ExtractedPage[] = [];
    // A table running to the foot of a page: its header, for rows continued at the top of the next one.
    let carried: CarriedHeader | null = null;
    for (const page of result.pages) {
      const plain = page.text.replaceAll(ITEM_MARK, "");
      const read: { text: string; carry: CarriedHeader | null } = mayHoldTable(page.text) || (carried !== null && hasGap(page.text)) ? await withTables(parser, page.num, plain, carried) : { text: plain, carry: null };
      carried = read.carry;
      const text = normalizeText(withGapTables(read.text));
      if (text !== "") pages.push({ page: page.num, text });
    }
    if (pages.length === 0) {
      throw new ExtractionError("no_text_layer", "PDF has no text layer (scanned?) — OCR is not available");
    }
    const rawTitle: unknown = (info?.info as Record<string, unknown> | undefined)?.Title;
    const title = typeof rawTitle === "string" && rawTitle.trim() !== "" ? rawTitle.trim() : undefined;
    return { text: pages.map((page) => page.text).join("\n\n"), pages, pageCount: result.total, title };
  } catch (error) {
    throw toExtractionError(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Joins a page's text items in pdf-parse's text (a control character no PDF text keeps: normalizeText drops it). */
const ITEM_MARK = "\u0001";
/** Lines in a row holding a gap before a page is read again for tables (a header and two rows). */
const TABLE_LINES = 3;

/**
 * Whether a page may hold a table: TABLE_LINES lines in a row each holding a gap, which pdf.js writes as an item of
 * spaces alone between two items. Prose pages have none or few, and are not read twice.
 */
function mayHoldTable(marked: string): boolean {
  let run = 0;
  for (const line of marked.split("\n")) {
    run = itemGap.test(line) ? run + 1 : 0;
    if (run >= TABLE_LINES) return true;
  }
  return false;
}

const itemGap = new RegExp(`${ITEM_MARK}[ \t]+${ITEM_MARK}`, "u");

/** Whether a page holds a line with an item gap at all (a table continued from the previous page may be short). */
function hasGap(marked: string): boolean {
  return itemGap.test(marked);
}

/** What extractPdf reads of pdf.js's document: a page's text items with their positions. */
interface PdfDocumentPages {
  getPage(number: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
}

/**
 * A page's text with its tables written as Markdown rows (pdf-tables.ts), read from the items' positions in the
 * document pdf-parse loaded (its `doc`, not part of its typed API: without it the text stays as extracted).
 */
async function withTables(parser: object, pageNumber: number, text: string, carried: CarriedHeader | null): Promise<{ text: string; carry: CarriedHeader | null }> {
  const doc = (parser as { doc?: PdfDocumentPages }).doc;
  if (!doc || typeof doc.getPage !== "function") return { text, carry: null };
  const page = await doc.getPage(pageNumber);
  try {
    const { items } = await page.getTextContent();
    const { tables, carry } = readPageTables(items.flatMap(positioned), carried);
    return { text: tables.length === 0 ? text : withMarkdownTables(text, tables), carry };
  } finally {
    page.cleanup();
  }
}

/** A pdf.js text item as a positioned text (its transform's last two numbers are where its baseline starts). */
function positioned(item: unknown): PositionedText[] {
  const { str, transform, width, height } = item as { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };
  if (typeof str !== "string" || !Array.isArray(transform) || typeof width !== "number") return [];
  const [x, y] = [transform[4], transform[5]];
  if (typeof x !== "number" || typeof y !== "number") return [];
  return [{ str, x, y, width, height: typeof height === "number" ? height : 0 }];
}

function toExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new ExtractionError("encrypted", "PDF is password-protected; remove the password and upload it again", {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ExtractionError("corrupt", `PDF could not be read (damaged file?): ${detail}`, { cause: error });
}
