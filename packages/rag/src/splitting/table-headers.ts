import { isTableLine, isTableSeparator } from "../answering/table-rows";

/**
 * A Markdown table longer than a chunk is cut between its rows, and the rows after the cut lost their header: a
 * row "| Lancaster | 43130 | $65 | Emergencies only |" says nothing of what "$65" is. Each chunk that opens inside a
 * table gets the table's header line and its "| --- |" line again, so its rows are read with their column names.
 */
export function repeatTableHeaders(pieces: readonly string[]): string[] {
  let header: string | null = null;
  return pieces.map((piece, index) => {
    const lines = piece.split("\n");
    const opensInTable = index > 0 && header !== null && isTableLine(lines[0]!) && !isTableSeparator(lines[1] ?? "");
    const content = opensInTable ? `${header}\n${piece}` : piece;
    // The table open at the end of this piece, if any: its header carries over to the next piece.
    const read = content.split("\n");
    for (const [at, line] of read.entries()) {
      if (isTableSeparator(line)) continue;
      if (!isTableLine(line)) header = null;
      else if (isTableSeparator(read[at + 1] ?? "")) header = `${line}\n${read[at + 1]}`;
    }
    return content;
  });
}
