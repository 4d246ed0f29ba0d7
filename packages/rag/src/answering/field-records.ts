/**
 * A table row as the CSV loader writes it: one "Field: value" line per column, rows apart by a blank line
 * ("Leistung: Herrenschnitt" / "Kurzhaar: 29,00 €" / "Hinweis: inklusive Waschen"). The row is one fact: its price
 * means nothing without its service. Lower-case field names were already read as one sentence (a line not ending
 * in punctuation wraps on), but a capitalised field name looks like a label line and made each field a sentence
 * of its own, so "Was kostet ein Herrenschnitt?" found the service without its price.
 */
const fieldLine = /^[\p{L}\p{N}][^:.!?]{0,40}:\s+\S/u;

/** Whether the lines of a paragraph are the fields of one record (two lines or more, each "Field: value"). */
export function isFieldRecord(lines: readonly string[]): boolean {
  return lines.length >= 2 && lines.every((line) => fieldLine.test(line));
}
