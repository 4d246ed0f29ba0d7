/** A plain-text table; columns after the first whose cells are all numbers are right-aligned. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)));
  const isNumber = (text: string) => /^[-+]?[\d.,]+%?$/.test(text) || text === "–";
  const rightAligned = headers.map((_, column) => column > 0 && cells.every((row) => isNumber(row[column] ?? "–")));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...cells.map(line)].join("\n");
}
