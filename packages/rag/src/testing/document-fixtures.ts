import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/** Real files built in-process for tests (no binary fixtures in the repo). */

export interface PdfFixture {
  title?: string;
  /** Text per page; long lines are wrapped to the page width. */
  pages: string[];
}

export async function buildPdf({ title, pages }: PdfFixture): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title) pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 10;
  for (const pageText of pages) {
    const page = pdf.addPage([612, 792]);
    let y = 740;
    for (const line of wrap(pageText, 95)) {
      if (y < 50) break;
      if (line !== "") page.drawText(line, { x: 50, y, size, font });
      y -= size * 1.4;
    }
  }
  return pdf.save();
}

/** A PDF whose only page is a drawing: what a scan without OCR looks like to a text extractor. */
export async function buildImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([612, 792]).drawRectangle({ x: 100, y: 400, width: 300, height: 200, color: rgb(0.2, 0.2, 0.2) });
  return pdf.save();
}

export interface DocxFixture {
  title: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  /** Rows of a table placed after the sections (first row = header). */
  table?: string[][];
}

export async function buildDocx({ title, sections, table }: DocxFixture): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...sections.flatMap((section) => [
            new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }),
            ...section.paragraphs.map((text) => new Paragraph({ text })),
          ]),
          ...(table
            ? [
                new Table({
                  rows: table.map(
                    (cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph({ text })] })) }),
                  ),
                }),
              ]
            : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export const encodeUtf8 = (text: string) => new TextEncoder().encode(text);
