/**
 * Table rows as records. The loaders write an HTML or DOCX table as Markdown rows ("| Sunday | Closed | 8:00 to
 * 20:00 |") under a header row and a "| --- |" line, and a CSV row as "Field: value" lines. A row means nothing
 * without its header: "8:00 to 20:00" answers "can I get to my unit on a Sunday" only as the "Unit access" column,
 * and "when does the office shut" wants the "Office" one. So a row is read (and quoted) with its header's labels,
 * "Sunday; Office: Closed; Unit access: 8:00 to 20:00", and keeps its cells as fields, which questions comparing
 * rows read ("the smallest unit", see superlatives.ts).
 */

/** A cell of a row with the label of its column ("" when the header cell is empty or unknown). */
export interface RowField {
  label: string;
  value: string;
}

/** A Markdown table line: opens with "|" (the loaders write every row so). */
const tableLine = /^\|.*\|\s*$/u;
/** The line under a Markdown table's header: "| --- | :---: |". */
const separatorLine = /^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/u;

export function isTableLine(line: string): boolean {
  return tableLine.test(line.trim());
}

export function isTableSeparator(line: string): boolean {
  return separatorLine.test(line.trim());
}

/** The cells of a Markdown table line, trimmed ("\|" is a pipe inside a cell). */
export function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/u, "").replace(/\|$/u, "");
  return inner.split(/(?<!\\)\|/u).map((cell) => cell.replace(/\\\|/gu, "|").trim());
}

/**
 * Whether a table's first row is its header. The loaders put "| --- |" under every table's first row, so a table
 * without a header row has its first data row there ("| Small box | €2.50 |"): a first row is data when a cell of it
 * is a value (see isValueCell). A label may hold a figure and still be a label: "Half day (4 hours)", "Kinder (bis
 * 13)", "Wednesday to Friday before 6pm" head price columns.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  return !cells.some(isValueCell);
}

/**
 * A cell that is a value, not a label: it holds a figure and is a price ("€2.50", "ab 120,00 €"), a time ("8:00 to
 * 20:00") or a figure with only short words beside it ("2 to 6", "9am-5pm", "10–18 Uhr"); a word of four letters or
 * more beside a figure ("1 hour", "Kinder (bis 13)") makes it a label.
 */
function isValueCell(cell: string): boolean {
  if (!/\p{N}/u.test(cell)) return false;
  if (/\p{Sc}/u.test(cell) || /\d[:.]\d\d/u.test(cell)) return true;
  return !/\p{L}{4,}/u.test(cell);
}

/** A row's fields under its header's labels; empty cells are left out (a "Notes" column often is empty). */
export function rowFields(headers: readonly string[], cells: readonly string[]): RowField[] {
  return cells.map((value, index) => ({ label: headers[index] ?? "", value })).filter((field) => field.value !== "");
}

/** "Field: value" lines (a CSV row as the loader writes it) as fields. */
export function fieldsOfLines(lines: readonly string[]): RowField[] {
  return lines.map((line) => {
    const colon = line.indexOf(":");
    return { label: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
  });
}

/** How a row reads as one sentence: "Sunday; Office: Closed; Unit access: 8:00 to 20:00". */
export function rowText(fields: readonly RowField[]): string {
  return fields.map((field) => (field.label ? `${field.label}: ${field.value}` : field.value)).join("; ");
}

/**
 * Which table a row belongs to: a Markdown table's header line, or a record's first label (a CSV file's rows are
 * chunks of their own and leave out their empty cells, but all open with the same column).
 */
export function tableKey(headers: readonly string[]): string {
  return headers.map((header) => header.toLowerCase()).join("|");
}
