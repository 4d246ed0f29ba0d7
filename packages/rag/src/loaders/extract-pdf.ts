import { ExtractionError } from "./extraction-error";
import { normalizeText } from "./decode-text";
import type { ExtractedPage } from "./extract-text";
import { widenPageBoxes } from "./widen-page-boxes";

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
    const result = await parser.getText();
    const info = await parser.getInfo().catch(() => undefined);
    const pages = result.pages
      .map((page) => ({ page: page.num, text: normalizeText(page.text) }))
      .filter((page) => page.text !== "");
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
