/**
 * Tables in a PDF. pdf.js gives a page's text as positioned items, and a table's row comes out of text extraction
 * as one line of its cells run together ("Locker 10 sq ft €9 €35"): the cells' columns, which say what each value
 * is, are lost. Read from the items' positions instead: a row is a line whose items stand apart by wide gaps, and a
 * table is a run of such lines whose cells fall under the columns of its first line (the header). Such lines are
 * written as Markdown table rows under a "| --- |" line, as the HTML loader writes tables, so answering reads each
 * row with its column names.
 */

/** A text item of a page: its text, where it starts (x, y: baseline) and how wide and tall it is. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A gap between two items wider than this many times the text's height separates two cells (a space is ~0.25). */
const CELL_GAP = 1.2;
/** Lines of a table follow each other within this many times the text's height (a paragraph break is wider). */
const ROW_SPACING = 2.6;
/** A table has a header and at least this many rows under it. */
export const MIN_ROWS = 2;
/**
 * A header cell is a label: a few words, no sentence punctuation, not a figure; a row's cell is short. Two columns of prose also
 * make lines of two far-apart cells, but their lines are longer and run on with commas and full stops.
 */
const HEADER_WORDS = 6;
export const CELL_LENGTH = 80;

export function isLabel(text: string): boolean {
  // A figure ("25 sq ft", "€15") is a value: a table continued from the previous page has no header here.
  return text.split(/\s+/u).length <= HEADER_WORDS && !/[.,;]$/u.test(text) && !/^[\p{N}\p{Sc}]/u.test(text);
}

export interface Cell {
  text: string;
  start: number;
  end: number;
}

interface Line {
  y: number;
  height: number;
  cells: Cell[];
}

/** The page's items as lines (top to bottom), each cut into cells where its items stand apart by a wide gap. */
function linesOf(items: readonly PositionedText[]): Line[] {
  const lines: Array<{ y: number; height: number; items: PositionedText[] }> = [];
  for (const item of items) {
    if (item.str.trim() === "") continue;
    const height = item.height > 0 ? item.height : 10;
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) < Math.min(candidate.height, height) / 2);
    if (line) {
      line.items.push(item);
      line.height = Math.max(line.height, height);
    } else lines.push({ y: item.y, height, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const cells: Cell[] = [];
      for (const item of [...line.items].sort((a, b) => a.x - b.x)) {
        const last = cells.at(-1);
        if (last && item.x - last.end < CELL_GAP * line.height) {
          last.text = `${last.text}${item.x - last.end > 0.1 * line.height && !last.text.endsWith(" ") ? " " : ""}${item.str}`.replace(/\s+/gu, " ");
          last.end = Math.max(last.end, item.x + item.width);
        } else cells.push({ text: item.str.trim(), start: item.x, end: item.x + item.width });
      }
      for (const cell of cells) cell.text = cell.text.trim();
      return { y: line.y, height: line.height, cells };
    });
}

/**
 * The header column a cell falls under: the one whose span it overlaps most; else (a figure right-aligned under a
 * left-aligned label: "£65" under "Price") the column whose stretch, from its label to the next label, holds the
 * cell's middle; -1 when none.
 */
function columnOf(cell: Cell, header: readonly Cell[]): number {
  let best = -1;
  let overlap = 0;
  header.forEach((column, index) => {
    const shared = Math.min(cell.end, column.end) - Math.max(cell.start, column.start);
    if (shared > overlap) [best, overlap] = [index, shared];
  });
  if (best >= 0) return best;
  const middle = (cell.start + cell.end) / 2;
  return header.findIndex((column, index) => middle >= column.start && middle < (header[index + 1]?.start ?? Infinity));
}

/** A line's cells placed under the header's columns, or null when two cells share a column or one falls under none. */
function placed(line: Line, header: readonly Cell[]): string[] | null {
  const row = header.map(() => "");
  for (const cell of line.cells) {
    const column = columnOf(cell, header);
    if (column < 0 || row[column] !== "") return null;
    row[column] = cell.text;
  }
  return row;
}

/** A table found on a page: its lines as the extracted text writes them, and their cells by column. */
export interface PageTable {
  /** Each row's text as plain extraction runs it together (cells joined by spaces); the header's first, if on the page. */
  lines: string[];
  /** The header's cells, then each row's, one string per column ("" for an empty cell). */
  rows: string[][];
  /** false: the header is the previous page's (a table continued), and `lines` hold the rows only. */
  headerOnPage?: boolean;
}

/** The header of a table that runs to the foot of its page, to read the next page's first lines under. */
export type CarriedHeader = readonly Cell[];

/** The rows from `start` that fall under the header's columns, closely spaced, cells short. */
function rowsUnder(lines: readonly Line[], start: number, header: readonly Cell[]): { rows: string[][]; texts: string[]; end: number } {
  const rows: string[][] = [];
  const texts: string[] = [];
  let next = start;
  while (next < lines.length) {
    const line = lines[next]!;
    const previous = lines[next - 1];
    // The first row follows its header (start - 1) closely too; a continued table's first row has none above it.
    if (line.cells.length < 2 || (previous && (next > start || previous.cells.length >= 2) && previous.y - line.y > ROW_SPACING * Math.max(line.height, previous.height))) break;
    const row = placed(line, header);
    if (!row || row.some((cell) => cell.length > CELL_LENGTH)) break;
    rows.push(row);
    texts.push(line.cells.map((cell) => cell.text).join(" "));
    next += 1;
  }
  return { rows, texts, end: next };
}

/** Whether a table ending before line `end` runs to the page's foot: at most a footer of two one-cell lines after it. */
function runsToFoot(lines: readonly Line[], end: number): boolean {
  const after = lines.slice(end);
  return after.length <= 2 && after.every((line) => line.cells.length < 2);
}

/** The tables of a page: runs of lines of two cells or more, every cell under a column of the run's first line. */
export function findPageTables(items: readonly PositionedText[]): PageTable[] {
  return readPageTables(items, null).tables;
}

/**
 * findPageTables, and a table continued from the previous page: its first lines of two cells or more (a running
 * title of one cell above them aside) under the columns of `carried`, the header of the previous page's table that
 * ran to its foot. `carry` is this page's such header, if one of its tables ends on its last line.
 */
export function readPageTables(items: readonly PositionedText[], carried: CarriedHeader | null): { tables: PageTable[]; carry: CarriedHeader | null } {
  const lines = linesOf(items);
  const tables: PageTable[] = [];
  let carry: CarriedHeader | null = null;
  let index = 0;
  const first = lines.findIndex((line) => line.cells.length >= 2);
  if (carried && first >= 0 && first <= 1 && !lines[first]!.cells.every((cell) => isLabel(cell.text))) {
    const continued = rowsUnder(lines, first, carried);
    if (continued.rows.length > 0) {
      tables.push({ lines: continued.texts, rows: [carried.map((cell) => cell.text), ...continued.rows], headerOnPage: false });
      if (runsToFoot(lines, continued.end)) carry = carried;
      index = continued.end;
    }
  }
  while (index < lines.length) {
    const header = lines[index]!;
    if (header.cells.length < 2 || !header.cells.every((cell) => isLabel(cell.text))) {
      index += 1;
      continue;
    }
    const { rows, texts, end } = rowsUnder(lines, index + 1, header.cells);
    if (rows.length >= MIN_ROWS) {
      tables.push({ lines: [header.cells.map((cell) => cell.text).join(" "), ...texts], rows: [header.cells.map((cell) => cell.text), ...rows] });
      carry = runsToFoot(lines, end) ? header.cells : null;
      index = end;
    } else index += 1;
  }
  return { tables, carry };
}

const squashed = (text: string) => text.replace(/\s+/gu, "");
export const markdownRow = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/gu, "\\|")).join(" | ")} |`;

/**
 * The page's extracted text with each table's lines written as Markdown rows, the header followed by "| --- |".
 * A line is matched by its characters without spaces (extraction puts spaces between cells as it sees fit); a table
 * whose lines are not all found in order is left as it was.
 */
export function withMarkdownTables(pageText: string, tables: readonly PageTable[]): string {
  const lines = pageText.split("\n");
  let from = 0;
  for (const table of tables) {
    const at: number[] = [];
    let cursor = from;
    for (const text of table.lines) {
      const wanted = squashed(text);
      while (cursor < lines.length && squashed(lines[cursor]!) !== wanted) cursor += 1;
      if (cursor >= lines.length) break;
      at.push(cursor);
      cursor += 1;
    }
    if (at.length !== table.lines.length || at.some((line, index) => index > 0 && line !== at[index - 1]! + 1)) continue;
    const header = `${markdownRow(table.rows[0]!)}\n${markdownRow(table.rows[0]!.map(() => "---"))}`;
    const rows = table.headerOnPage === false ? table.rows.slice(1) : table.rows;
    rows.forEach((row, index) => {
      lines[at[index]!] = index === 0 ? (table.headerOnPage === false ? `${header}\n${markdownRow(row)}` : header) : markdownRow(row);
    });
    // A table set apart from the text around it, as the Markdown the HTML loader writes.
    if (at[0]! > 0 && lines[at[0]! - 1]!.trim() !== "") lines[at[0]!] = `\n${lines[at[0]!]}`;
    const last = at.at(-1)!;
    if (last + 1 < lines.length && lines[last + 1]!.trim() !== "") lines[last] = `${lines[last]}\n`;
    from = last + 1;
  }
  return lines.join("\n");
}
