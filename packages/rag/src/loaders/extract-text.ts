import { decodeText, normalizeText } from "./decode-text";
import { detectDocumentType, documentMimeTypes, type DocumentType } from "./document-types";
import { ExtractionError } from "./extraction-error";
import { extractDocx } from "./extract-docx";
import { extractPdf } from "./extract-pdf";
import { withGapTables } from "./gap-tables";
import type { ExpansionLimits } from "./expansion-limits";
import { htmlTitle, htmlToText } from "./html-to-text";
import { extractCsv, extractJsonLines } from "./tabular";

export interface ExtractTextInput {
  bytes: Uint8Array;
  mimeType?: string;
  fileName?: string;
}

export interface ExtractedPage {
  /** 1-based page number. */
  page: number;
  text: string;
}

export interface ExtractedText {
  text: string;
  title?: string;
  pageCount?: number;
  /** Per-page text for paged formats (PDF), so chunks can cite a page. */
  pages?: ExtractedPage[];
  /** The detected type, normalized (e.g. "application/pdf", "text/markdown"). */
  mimeType: string;
  type: DocumentType;
  /**
   * Self-contained units (a CSV row, a JSON Lines record) that become one chunk each and are never split;
   * when present they replace `text` for chunking.
   */
  records?: string[];
  /** Problems that did not stop extraction, e.g. "line 7: Unexpected token" for a bad JSON line. */
  warnings?: string[];
}

/**
 * Turns an uploaded file into plain text. Throws ExtractionError (with a message fit for the bot owner) for
 * unsupported types, damaged files, PDFs without a text layer, files with no text at all and DOCX files that expand
 * past `limits.maxExpandedBytes`. Runs in the calling thread: the server reads untrusted files through
 * `ExtractionSandbox.extractText` instead, which adds a heap and time limit.
 */
export async function extractText(input: ExtractTextInput, limits: ExpansionLimits = {}): Promise<ExtractedText> {
  if (input.bytes.length === 0) throw new ExtractionError("empty", "The file is empty");
  const type = detectDocumentType(input);
  const mimeType = documentMimeTypes[type];
  const result = await extractByType(type, input.bytes, limits);
  const text = normalizeText(result.text);
  if (text === "") throw new ExtractionError("empty", "No text found in the file");
  const records = "records" in result && result.records ? result.records.map(normalizeText).filter(Boolean) : undefined;
  return { ...result, text, mimeType, type, ...(records ? { records } : {}) };
}

async function extractByType(type: DocumentType, bytes: Uint8Array, limits: ExpansionLimits) {
  switch (type) {
    case "pdf":
      return extractPdf(bytes);
    case "docx":
      return extractDocx(bytes, limits);
    case "html": {
      const html = decodeText(bytes);
      return { text: htmlToText(html), title: htmlTitle(html) };
    }
    case "markdown":
      return readMarkdown(decodeText(bytes));
    case "csv":
      return extractCsv(bytes);
    case "jsonl":
      return extractJsonLines(bytes);
    case "text":
      return { text: withGapTables(decodeText(bytes)) };
    case "json":
      // JSON is indexed as the text it is; its punctuation does not hurt token-based chunks.
      return { text: decodeText(bytes) };
  }
}

function readMarkdown(source: string): { text: string; title?: string } {
  // YAML front matter is metadata, not content; keep only its title.
  const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const body = frontMatter ? source.slice(frontMatter[0].length) : source;
  const metaTitle = frontMatter?.[1] && /^title:\s*["']?(.+?)["']?\s*$/m.exec(frontMatter[1])?.[1];
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  return { text: body, title: metaTitle || heading || undefined };
}
