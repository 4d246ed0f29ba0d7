import { ExtractionError } from "./extraction-error";

export type DocumentType = "pdf" | "docx" | "html" | "markdown" | "text" | "csv" | "json" | "jsonl";

export const documentMimeTypes: Record<DocumentType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  markdown: "text/markdown",
  text: "text/plain",
  csv: "text/csv",
  json: "application/json",
  jsonl: "application/x-ndjson",
};

export const SUPPORTED_FORMATS = "PDF, DOCX, HTML, Markdown, TXT, CSV, JSON, JSON Lines";

const byMimeType: Record<string, DocumentType> = {
  "application/pdf": "pdf",
  [documentMimeTypes.docx]: "docx",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
  "text/csv": "csv",
  "application/json": "json",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/jsonlines": "jsonl",
};

const byExtension: Record<string, DocumentType> = {
  pdf: "pdf",
  docx: "docx",
  html: "html",
  htm: "html",
  xhtml: "html",
  md: "markdown",
  markdown: "markdown",
  mdx: "markdown",
  txt: "text",
  text: "text",
  csv: "csv",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

// Declared types that say nothing about the content; we look at the name and bytes instead.
const genericMimeTypes = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc/.xls/.ppt

export interface DetectInput {
  bytes: Uint8Array;
  mimeType?: string;
  fileName?: string;
}

/** Decides how to read a file: magic bytes first, then the declared mime type, then the file extension. */
export function detectDocumentType({ bytes, mimeType, fileName }: DetectInput): DocumentType {
  const mime = (mimeType ?? "").split(";")[0]!.trim().toLowerCase();
  const extension = extensionOf(fileName);

  // PDFs may carry junk before the header; readers accept it within the first KiB.
  if (indexOfAscii(bytes.subarray(0, 1024), "%PDF-") >= 0) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (indexOfAscii(bytes.subarray(0, 64 * 1024), "word/") >= 0) return "docx";
    // Named DOCX but no Word parts: a damaged file, not an unsupported type.
    if (extension === "docx" || byMimeType[mime] === "docx") {
      throw new ExtractionError("corrupt", "The file is not a valid DOCX document (damaged or not really a DOCX)");
    }
    throw unsupported(labelFor(mime, extension, "ZIP"));
  }
  if (startsWith(bytes, OLE_MAGIC)) throw unsupported(labelFor(mime, extension, "DOC"));

  const declared = byMimeType[mime];
  const fromExtension = extension ? byExtension[extension] : undefined;
  // A named PDF/DOCX without its signature is broken, not plain text.
  if (declared === "pdf" || fromExtension === "pdf") {
    throw new ExtractionError("corrupt", "The file is not a valid PDF (damaged or not really a PDF)");
  }
  if (declared === "docx" || fromExtension === "docx") {
    throw new ExtractionError("corrupt", "The file is not a valid DOCX document (damaged or not really a DOCX)");
  }
  // Browsers label .md as text/plain or nothing at all; the extension is more specific.
  if (declared === "text" && fromExtension && fromExtension !== "text") return fromExtension;
  if (declared === "json" && fromExtension === "jsonl") return fromExtension;
  if (declared) return declared;
  if (!genericMimeTypes.has(mime) && !mime.startsWith("text/")) throw unsupported(labelFor(mime, extension));
  if (fromExtension) return fromExtension;
  if (extension && !mime.startsWith("text/")) throw unsupported(labelFor(mime, extension));
  return looksLikeHtml(bytes) ? "html" : "text";
}

function unsupported(label: string) {
  return new ExtractionError("unsupported_type", `${label} files are not supported (supported: ${SUPPORTED_FORMATS})`);
}

function labelFor(mime: string, extension: string | undefined, fallback?: string) {
  if (extension) return extension.toUpperCase();
  if (fallback) return fallback;
  return mime === "" ? "These" : mime;
}

function extensionOf(fileName?: string) {
  const match = /\.([a-z0-9]{1,10})$/i.exec(fileName?.trim() ?? "");
  return match?.[1]?.toLowerCase();
}

function looksLikeHtml(bytes: Uint8Array) {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html");
}

function indexOfAscii(bytes: Uint8Array, needle: string) {
  const codes = Array.from(needle, (char) => char.charCodeAt(0));
  outer: for (let i = 0; i <= bytes.length - codes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return i;
  }
  return -1;
}
