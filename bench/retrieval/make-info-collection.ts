import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { knownItemArgs, writeKnownItemCollection } from "./known-item-collection";

// tsx bench/retrieval/make-info-collection.ts <out folder> [info dir, default /usr/share/info] [--documents 2000] [--queries 300]
//
// A fourth English BEIR-layout collection from data on every Debian machine, built as a holdout for issue 13:
// the sections (nodes) of the GNU manuals in Texinfo's info format (coreutils, sed, grep, find, wget, gettext,
// gnupg…). Each query is a section's first sentence ("‘cat’ copies each FILE … to standard output.") and its only
// relevant document is the rest of that section (title: manual and node name). Prose about one topic, longer
// than a man page's summary and worded differently from the man pages' DESCRIPTION sections. Sections are sampled
// by a hash of their name (at most FAMILY_SIZE per manual), so the same installed manuals give the same collection.

const { out, source: infoDir, documents, queries } = knownItemArgs(process.argv.slice(2), "/usr/share/info");
const MAX_WORDS = 300;
const FAMILY_SIZE = 120;
/** Sections that are no prose about a topic: tables of contents, indexes, licences, change histories. */
const SKIPPED_NODE = /^(Top|.*Index|.*index|GNU Free Documentation License|Copying.*|.*License.*|History|Concept.*|Option Index)$/;

interface Section {
  manual: string;
  node: string;
  body: string;
}

/** Splits one manual (every part of a split manual concatenated) into its nodes' texts. */
function sections(manual: string, info: string): Section[] {
  const found: Section[] = [];
  for (const raw of info.split("\x1f")) {
    const header = /^\s*File: [^,]+,\s+Node: ([^,\n]+)/.exec(raw);
    const node = header?.[1]?.trim();
    if (!node || SKIPPED_NODE.test(node)) continue;
    const lines = raw.split("\n").slice(1);
    // The node's title line and its underline (=, -, * or .) come first; menus and footnotes are no prose.
    const underline = lines.findIndex((line) => /^[=\-*.]{3,}\s*$/.test(line));
    const bodyLines = lines.slice(underline >= 0 ? underline + 1 : 0);
    const end = bodyLines.findIndex((line) => /^\* Menu:|^\s*-+ Footnotes -+/.test(line));
    const text = (end >= 0 ? bodyLines.slice(0, end) : bodyLines).join("\n").trim();
    if (text) found.push({ manual, node, body: text });
  }
  return found;
}

/** First sentence of the first paragraph, and the rest of the section. */
function split(body: string): { query: string; rest: string } | undefined {
  const [first = "", ...paragraphs] = body.split(/\n\s*\n/);
  const flat = first.replace(/\s+/g, " ").trim();
  const sentenceEnd = /[.?!](?=\s+[A-Z‘'"(]|\s*$)/.exec(flat);
  if (!sentenceEnd) return undefined;
  const query = flat.slice(0, sentenceEnd.index + 1);
  const rest = [flat.slice(sentenceEnd.index + 1), ...paragraphs].join(" ").replace(/\s+/g, " ").trim();
  return { query, rest };
}

async function main(): Promise<void> {
  if (!out) throw new Error("usage: make-info-collection.ts <out folder> [info dir] [--documents N] [--queries N]");
  const parts = new Map<string, string[]>();
  for (const entry of (await readdir(infoDir)).sort()) {
    const match = /^(.+?)\.info(?:-(\d+))?(\.gz)?$/.exec(entry);
    if (!match?.[1]) continue;
    const bytes = await readFile(join(infoDir, entry));
    const text = match[3] ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
    parts.set(match[1], [...(parts.get(match[1]) ?? []), text]);
  }
  const items = [];
  for (const [manual, texts] of parts) {
    for (const section of sections(manual, texts.join("\x1f"))) {
      const parsed = split(section.body);
      if (!parsed) continue;
      const words = parsed.rest.split(" ").filter(Boolean);
      if (parsed.query.split(" ").length < 5 || words.length < 25) continue;
      items.push({ name: `${manual}: ${section.node}`, query: parsed.query, text: words.slice(0, MAX_WORDS).join(" ") });
    }
  }
  const written = await writeKnownItemCollection(out, items, {
    documents,
    queries,
    familySize: FAMILY_SIZE,
    family: (item) => item.name.slice(0, item.name.indexOf(":")),
  });
  console.log(`${items.length} sections of ${parts.size} manuals; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
