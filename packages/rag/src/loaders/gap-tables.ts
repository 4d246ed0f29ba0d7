import { CELL_LENGTH, isLabel, markdownRow, MIN_ROWS } from "./pdf-tables";

/**
 * Tables laid out with gaps in plain text: a price list typed with tabs or runs of spaces between its columns
 * ("Locker    10 sq ft    €9"), in a text file or a PDF line drawn as one string. Lines in a row that each cut
 * into the same number of cells (two or more) at a tab or two spaces or more, under a first line of labels, are
 * written as Markdown table rows, as the HTML loader writes tables, so each row is read with its column names.
 */

const cellGap = /\t+|\s{2,}/u;

function cellsOf(line: string): string[] {
  return line.trim() === "" || line.trim().startsWith("|") ? [] : line.trim().split(cellGap);
}

/** The text with each run of gap-separated lines under a header of labels written as a Markdown table. */
export function withGapTables(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const header = cellsOf(lines[index]!);
    let end = index + 1;
    if (header.length >= 2 && header.every(isLabel)) {
      while (end < lines.length) {
        const cells = cellsOf(lines[end]!);
        if (cells.length !== header.length || cells.some((cell) => cell.length > CELL_LENGTH)) break;
        end += 1;
      }
    }
    if (end - index - 1 < MIN_ROWS) {
      out.push(lines[index]!);
      index += 1;
      continue;
    }
    if (out.length > 0 && out.at(-1)!.trim() !== "") out.push("");
    out.push(markdownRow(header), markdownRow(header.map(() => "---")));
    for (const line of lines.slice(index + 1, end)) out.push(markdownRow(cellsOf(line)));
    if (end < lines.length && lines[end]!.trim() !== "") out.push("");
    index = end;
  }
  return out.join("\n");
}
