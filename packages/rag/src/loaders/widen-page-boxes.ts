import type { PDFDocument } from "pdf-lib";

/**
 * pdf.js drops every glyph whose origin lies outside the page's crop/media box, so a line of text set past the
 * right edge (a common authoring slip: a long `Tj` string never wrapped) loses its end — "can be paid in" without
 * "three instalments". For indexing we want all the text the file holds, so every page gets a box far larger than
 * any real page before pdf.js reads it. The layout inside the page is untouched: only the clip changes.
 *
 * Returns the original bytes when the file cannot be rewritten (damaged, encrypted): pdf.js then reads (or rejects)
 * it as before, with the usual clipping.
 */
export async function widenPageBoxes(bytes: Uint8Array): Promise<Uint8Array> {
  // Loaded on first use, like pdf.js (extract-pdf.ts): only PDF extraction needs it.
  const { PDFDocument, PDFName } = await import("pdf-lib");
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return bytes;
  }
  // Strings in an encrypted file stay encrypted in pdf-lib; leave such files to pdf.js (and its password check).
  if (document.isEncrypted) return bytes;
  try {
    const box = document.context.obj([-WIDE, -WIDE, WIDE, WIDE]);
    for (const page of document.getPages()) {
      page.node.set(PDFName.of("MediaBox"), box);
      page.node.delete(PDFName.of("CropBox"));
    }
    return await document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  } catch {
    return bytes;
  }
}

/** Points from the origin in every direction: ~35 m, beyond any page anyone prints. */
const WIDE = 100_000;
