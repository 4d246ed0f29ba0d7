/**
 * A chunk's heading counts twice in its search text: when its first line is at most HEADING_MAX_CHARS characters
 * and a blank line follows (a document's title, a Markdown heading over its section), the line is appended once
 * more, so BM25 counts its words twice while the chunk's length (tokenCount) stays what it was — BM25F's title
 * field at weight 2. A title names what a section is about in the words a visitor asks with (in memory, nDCG@10
 * +0.021 on Perl POD, +0.007 on GNU info, +0.009 on docstrings, no collection lower; bench/README.md).
 * Longer first lines are prose, and a line that runs on into the next is a wrapped paragraph, not a heading.
 *
 * The twin of SQL `frontdesk_heading_twice` (migration 20261206041500_search_text_heading_twice): both count
 * characters as code points. A question is searched on one line (questionSearchText), so it has no heading.
 */
export const HEADING_MAX_CHARS = 120;

const heading = new RegExp(`^([^\\n]{1,${HEADING_MAX_CHARS}})\\n[ \\t\\r]*\\n`, "u");

/** The text with its heading line appended once more; text without one is returned as it is. */
export function withHeadingTwice(text: string): string {
  const line = heading.exec(text)?.[1];
  return line === undefined ? text : `${text}\n${line}`;
}
