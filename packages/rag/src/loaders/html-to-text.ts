import { convert, type FormatCallback, type SelectorDefinition } from "html-to-text";

// Headings become Markdown headings so the Markdown-aware splitter can cut at section boundaries.
const markdownHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const level = Number(/^h([1-6])$/i.exec(elem.name ?? "")?.[1] ?? 2);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  builder.addInline(`${"#".repeat(level)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks ?? 1 });
};

interface HtmlNode {
  type?: string;
  name?: string;
  data?: string;
  children?: HtmlNode[];
}

const textOf = (node: HtmlNode): string =>
  node.type === "text" ? (node.data ?? "") : (node.children ?? []).map(textOf).join(node.name === "br" ? "\n" : " ");

function tableRows(node: HtmlNode): HtmlNode[] {
  if (node.name === "tr") return [node];
  // Nested tables are flattened into their cell's text instead of adding rows.
  return (node.children ?? []).flatMap((child) => (child.name === "table" ? [] : tableRows(child)));
}

const cellText = (cell: HtmlNode) =>
  textOf(cell).replace(/&nbsp;/g, " ").replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

/**
 * Tables become Markdown table rows ("| a | b |"), one line per row, so a chunk keeps which value sat in which
 * column and the line-aware splitter never cuts inside a row.
 */
const markdownTable: FormatCallback = (elem, _walk, builder, formatOptions) => {
  const rows = tableRows(elem as HtmlNode)
    .map((row) => (row.children ?? []).filter((cell) => cell.name === "td" || cell.name === "th").map(cellText))
    .filter((cells) => cells.some((cell) => cell !== ""));
  if (rows.length === 0) return;
  const lines = rows.map((cells) => `| ${cells.join(" | ")} |`);
  const width = Math.max(...rows.map((cells) => cells.length));
  lines.splice(1, 0, `|${" --- |".repeat(width)}`);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  builder.addLiteral(lines.join("\n"));
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks ?? 2 });
};

const skipped = ["script", "style", "noscript", "template", "nav", "svg", "canvas", "iframe", "object", "img"];
const selectors: SelectorDefinition[] = [
  ...skipped.map((selector) => ({ selector, format: "skip" })),
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, format: "markdownHeading" })),
  { selector: "a", options: { ignoreHref: true } },
  { selector: "ul", options: { itemPrefix: "- " } },
  { selector: "table", format: "markdownTable" },
  { selector: "hr", format: "skip" },
];

/** Readable text from HTML: no scripts, styles or navigation; headings kept as Markdown headings. */
export function htmlToText(html: string): string {
  return convert(html, { wordwrap: false, selectors, formatters: { markdownHeading, markdownTable } });
}

/** The document title: <title>, else the first <h1>. */
export function htmlTitle(html: string): string | undefined {
  const raw = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  if (!raw) return undefined;
  const title = convert(raw, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }] })
    .replace(/\s+/g, " ")
    .trim();
  return title || undefined;
}
