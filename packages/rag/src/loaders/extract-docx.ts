import { ExtractionError } from "./extraction-error";
import { DEFAULT_MAX_EXPANDED_BYTES, type ExpansionLimits } from "./expansion-limits";
import { htmlToText } from "./html-to-text";
import { assertZipExpandsWithin } from "./zip-expansion";

// Images and embedded objects are never decoded (see convertImage below), so only the other parts count.
const readByMammoth = (name: string) => !/^word\/(media|embeddings)\//i.test(name);

/** DOCX → HTML (mammoth maps Word heading styles to <h1>…) → readable text with Markdown headings. */
export async function extractDocx(bytes: Uint8Array, limits: ExpansionLimits = {}): Promise<{ text: string; title?: string }> {
  const maxExpandedBytes = limits.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES;
  await assertZipExpandsWithin(bytes, { maxExpandedBytes, reads: readByMammoth, label: "the file" });
  // Loaded on first use: only DOCX extraction needs mammoth, and importing it costs every process start-up time.
  const { default: mammoth } = await import("mammoth");
  // No image is read or base64-encoded into the HTML: the text is all we keep.
  const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: skipImages }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractionError("corrupt", `DOCX could not be read (damaged file?): ${detail}`, { cause: error });
  }
  const text = htmlToText(html);
  const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  return { text, title: heading || undefined };
}
