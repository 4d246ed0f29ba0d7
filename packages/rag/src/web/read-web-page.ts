import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeText } from "../loaders/decode-text";
import { htmlTitle, htmlToText } from "../loaders/html-to-text";
import { canonicalizeUrl } from "./canonical-url";

export interface WebPage {
  /** <link rel=canonical> when it is an http(s) URL, canonicalized; else the page URL canonicalized. */
  canonicalUrl: string;
  title: string | undefined;
  /** Readable Markdown-like text: headings as `#`, list items as `- `, table rows kept. Starts with `# title`. */
  text: string;
  /** Every http(s) link on the page (before Readability trims it), canonicalized and deduplicated. */
  links: string[];
  /** From <meta name="robots"> (or "frontdeskbot"). */
  noIndex: boolean;
  noFollow: boolean;
}

// The few DOM members used here; the project compiles without the DOM lib.
interface MinimalElement {
  getAttribute(name: string): string | null;
}
interface MinimalDocument {
  querySelector(selector: string): MinimalElement | null;
  querySelectorAll(selector: string): Iterable<MinimalElement>;
}

/**
 * Parses an HTML page with linkedom, keeps the main content with Mozilla Readability (no navigation, footers or
 * cookie banners) and renders it as text that keeps headings, lists and table rows. Falls back to the whole
 * page when Readability finds no article.
 */
export function readWebPage(source: string | Uint8Array, pageUrl: string): WebPage {
  const html = typeof source === "string" ? source : decodeText(source);
  const { document } = parseHTML(html) as unknown as { document: MinimalDocument };
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  const base = (baseHref && canonicalizeUrl(baseHref, pageUrl)) || pageUrl;

  const links = new Set<string>();
  for (const anchor of document.querySelectorAll("a[href]")) {
    const rel = anchor.getAttribute("rel") ?? "";
    if (/\bnofollow\b/i.test(rel)) continue;
    const href = canonicalizeUrl(anchor.getAttribute("href") ?? "", base);
    if (href) links.add(href);
  }
  const canonicalHref = document.querySelector('link[rel~="canonical"][href]')?.getAttribute("href");
  const canonicalUrl = (canonicalHref && canonicalizeUrl(canonicalHref, base)) || canonicalizeUrl(pageUrl) || pageUrl;

  const robots = [...document.querySelectorAll('meta[name="robots" i], meta[name="frontdeskbot" i]')]
    .map((meta) => meta.getAttribute("content") ?? "")
    .join(",")
    .toLowerCase();

  // Readability rewrites the document it is given, so it runs after the links and metadata are read.
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  const title = clean(article?.title) ?? htmlTitle(html);
  let body = article?.content ? htmlToText(article.content).trim() : "";
  if (body === "") body = htmlToText(html).trim();
  const text = title && !body.startsWith("# ") ? `# ${title}\n\n${body}` : body;

  return {
    canonicalUrl,
    title,
    text,
    links: [...links],
    noIndex: /\b(noindex|none)\b/.test(robots),
    noFollow: /\b(nofollow|none)\b/.test(robots),
  };
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}
