import { convert, type FormatCallback, type SelectorDefinition } from "html-to-text";

// Headings become Markdown headings so the Markdown-aware splitter can cut at section boundaries.
const markdownHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const level = Number(/^h([1-6])$/i.exec(elem.name ?? "")?.[1] ?? 2);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  builder.addInline(`${"#".repeat(level)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks ?? 1 });
};

const skipped = ["script", "style", "noscript", "template", "nav", "svg", "canvas", "iframe", "object", "img"];
const selectors: SelectorDefinition[] = [
  ...skipped.map((selector) => ({ selector, format: "skip" })),
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, format: "markdownHeading" })),
  { selector: "a", options: { ignoreHref: true } },
  { selector: "ul", options: { itemPrefix: "- " } },
  { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
  { selector: "hr", format: "skip" },
];

/** Readable text from HTML: no scripts, styles or navigation; headings kept as Markdown headings. */
export function htmlToText(html: string): string {
  return convert(html, { wordwrap: false, selectors, formatters: { markdownHeading } });
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
