import mammoth from "mammoth";
import { ExtractionError } from "./extraction-error";
import { htmlToText } from "./html-to-text";

/** DOCX → HTML (mammoth maps Word heading styles to <h1>…) → readable text with Markdown headings. */
export async function extractDocx(bytes: Uint8Array): Promise<{ text: string; title?: string }> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractionError("corrupt", `DOCX could not be read (damaged file?): ${detail}`, { cause: error });
  }
  const text = htmlToText(html);
  const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  return { text, title: heading || undefined };
}
