import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { knownItemArgs, writeKnownItemCollection } from "./known-item-collection";

// tsx bench/retrieval/make-pod-collection.ts <out folder> [perl library dirs, colon-separated] [--documents 600] [--queries 300]
//
// A sixth English known-item collection, built as the holdout of issue 13's session 10: the POD sections of the
// Perl modules installed on this machine (perl-base, perl-modules, Debian's own Dpkg/Debconf modules…). Each query
// is a section's first sentence ("Returns a list of all the keys in the hash.") and its only relevant document the
// rest of that section (title: module and heading). Written by Perl's many module authors, about code, in no style
// the search was tuned on. NAME/SYNOPSIS/AUTHOR/licence sections and code blocks (verbatim paragraphs) are left out.

const DEFAULT_DIRS = ["/usr/share/perl", "/usr/lib/x86_64-linux-gnu/perl", "/usr/lib/x86_64-linux-gnu/perl-base", "/usr/share/perl5", "/usr/lib/x86_64-linux-gnu/perl5"].join(":");
const { out, source, documents, queries } = knownItemArgs(process.argv.slice(2), DEFAULT_DIRS);
const MAX_WORDS = 300;
/** At most this many sections of one module, so a few big modules do not make the collection. */
const FAMILY_SIZE = 6;
const SKIPPED_HEADING = /^(NAME|SYNOPSIS|AUTHORS?|COPYRIGHT.*|LICEN[CS]E.*|SEE ALSO|BUGS.*|VERSION|ACKNOWLEDGE?MENTS?|HISTORY|CHANGES|MAINTAINERS?|CREDITS|TODO|EXPORTS?|DEPENDENCIES|INSTALLATION)$/i;

async function podFiles(dir: string, seen: Set<string>, found: string[]): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const real = await realpath(path).catch(() => undefined);
    if (!real || seen.has(real)) continue;
    seen.add(real);
    const info = await stat(real);
    if (info.isDirectory()) await podFiles(real, seen, found);
    else if (/\.(pm|pod)$/.test(entry)) found.push(real);
  }
}

/** POD formatting codes (B<…>, C<< … >>, L<text|target>) reduced to their text. */
function plain(text: string): string {
  let result = text;
  for (let pass = 0; pass < 4; pass += 1) {
    result = result
      .replace(/[A-Z]<<+\s+(.*?)\s+>>+/g, "$1")
      .replace(/L<([^<>|]*)\|[^<>]*>/g, "$1")
      .replace(/E<(lt|gt)>/g, (_, name: string) => (name === "lt" ? "<" : ">"))
      .replace(/[A-Z]<([^<>]*)>/g, "$1");
  }
  return result.replace(/\s+/g, " ").trim();
}

interface Section {
  module: string;
  heading: string;
  paragraphs: string[];
}

/** The prose paragraphs under each =headN of one POD text; =item labels are kept as paragraphs of their own. */
function sections(module: string, pod: string): Section[] {
  const found: Section[] = [];
  let current: Section | undefined;
  let inPod = false;
  let skippedBlock = false;
  for (const paragraph of pod.split(/\n\s*\n/)) {
    const command = /^=(\w+)\s*([\s\S]*)$/.exec(paragraph.trimEnd());
    if (command) {
      const [, name = "", argument = ""] = command;
      inPod = name !== "cut";
      if (name === "begin") skippedBlock = true;
      if (name === "end") skippedBlock = false;
      if (/^head\d$/.test(name)) {
        current = { module, heading: plain(argument), paragraphs: [] };
        found.push(current);
      } else if (name === "item" && current && plain(argument).replace(/^[*\d.]+\s*/, "")) {
        current.paragraphs.push(plain(argument).replace(/^[*\d.]+\s*/, ""));
      }
      continue;
    }
    if (!inPod || skippedBlock || !current || /^[ \t]/.test(paragraph)) continue;
    const text = plain(paragraph);
    if (text) current.paragraphs.push(text);
  }
  return found;
}

/** First sentence of the first paragraph, and the rest of the section. */
function split(paragraphs: string[]): { query: string; rest: string } | undefined {
  const [first = "", ...others] = paragraphs;
  const sentenceEnd = /[.?!](?=\s+[A-Z'"(]|\s*$)/.exec(first);
  if (!sentenceEnd) return undefined;
  const query = first.slice(0, sentenceEnd.index + 1);
  const rest = [first.slice(sentenceEnd.index + 1), ...others].join(" ").replace(/\s+/g, " ").trim();
  return { query, rest };
}

async function main(): Promise<void> {
  if (!out) throw new Error("usage: make-pod-collection.ts <out folder> [perl library dirs] [--documents N] [--queries N]");
  const files: string[] = [];
  const seen = new Set<string>();
  for (const dir of source.split(":")) await podFiles(dir, seen, files);
  const items = [];
  const modules = new Set<string>();
  for (const file of files) {
    const text = await readFile(file, "utf8");
    if (!/^=head1/m.test(text)) continue;
    const module = (/^=head1\s+NAME\s*\n\s*\n\s*([\w:]+)/m.exec(text)?.[1] ?? file.replace(/^.*\/perl[^/]*\/[^/]+\//, "").replace(/\.(pm|pod)$/, "").replaceAll("/", "::"));
    modules.add(module);
    for (const section of sections(module, text)) {
      if (SKIPPED_HEADING.test(section.heading)) continue;
      const parsed = split(section.paragraphs);
      if (!parsed) continue;
      const words = parsed.rest.split(" ").filter(Boolean);
      if (parsed.query.split(" ").length < 5 || words.length < 25) continue;
      items.push({ name: `${module}: ${section.heading}`, query: parsed.query, text: words.slice(0, MAX_WORDS).join(" ") });
    }
  }
  const written = await writeKnownItemCollection(out, items, {
    documents,
    queries,
    familySize: FAMILY_SIZE,
    family: (item) => item.name.slice(0, item.name.indexOf(":")),
  });
  console.log(`${items.length} sections of ${modules.size} modules; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
