import { PDFDocument, StandardFonts } from "pdf-lib";
import { paragraph, pick, seededRandom, TOPICS } from "./synthetic-prose";

const PAGE = { width: 595, height: 842, margin: 56 };
const FONT_SIZE = 11;
const LINE_HEIGHT = 15;

/** A multi-page handbook PDF of varied prose (one topic section per page, pages filled to the bottom margin). */
export async function makeHandbookPdf(pages: number, seed = 7): Promise<Uint8Array<ArrayBuffer>> {
  const random = seededRandom(seed);
  const pdf = await PDFDocument.create();
  pdf.setTitle("Front desk handbook");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const maxWidth = PAGE.width - 2 * PAGE.margin;

  const wrap = (text: string): string[] => {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, FONT_SIZE) > maxWidth && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  };

  for (let index = 0; index < pages; index += 1) {
    const topic = pick(random, TOPICS);
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    let y = PAGE.height - PAGE.margin;
    page.drawText(`${index + 1}. ${topic.name[0]!.toUpperCase()}${topic.name.slice(1)}`, { x: PAGE.margin, y, size: 16, font: bold });
    y -= 30;
    while (y > PAGE.margin + 4 * LINE_HEIGHT) {
      for (const line of wrap(paragraph(random, topic, 4 + Math.floor(random() * 4)))) {
        if (y < PAGE.margin) break;
        page.drawText(line, { x: PAGE.margin, y, size: FONT_SIZE, font });
        y -= LINE_HEIGHT;
      }
      y -= LINE_HEIGHT / 2;
    }
  }
  return new Uint8Array(await pdf.save());
}
