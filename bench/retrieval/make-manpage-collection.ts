import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { knownItemArgs, writeKnownItemCollection } from "./known-item-collection";

// tsx bench/retrieval/make-manpage-collection.ts <out folder> [man dir, default /usr/share/man] [--documents 2000] [--queries 300]
//
// A second BEIR-layout collection built from data every Debian machine has, for checking that retrieval defaults
// hold beyond Cranfield (known-item search): the corpus is the DESCRIPTION sections of the man pages in man1,
// man3, man5, man7 and man8 (title: the page), and each query is a page's one-line NAME summary ("ls - list directory contents" →
// "list directory contents") whose only relevant document is that page's description. Pages are sampled by a hash
// of their name, so the same man pages always give the same collection; installing packages adds their pages
// and so changes it (compare numbers from one machine state).

const { out, source: manDir, documents, queries } = knownItemArgs(process.argv.slice(2), "/usr/share/man");
const MAX_WORDS = 300;
const FAMILY_SIZE = 5;

interface Page {
  name: string;
  summary: string;
  description: string;
}

/** Plain text of man(7) roff: font and character escapes dropped, text-bearing macros kept, the rest skipped. */
function roffText(line: string): string {
  return line
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, "")
    .replace(/\\\((em|en|hy)/g, "-")
    .replace(/\\\((aq|cq)/g, "'")
    .replace(/\\\((lq|rq|dq)/g, '"')
    .replace(/\\\*(\(..|\[[^\]]*\]|.)/g, "")
    .replace(/\\s[+-]?\d+/g, "")
    .replace(/\\[-e]/g, (match) => (match === "\\-" ? "-" : "\\"))
    .replace(/\\[&,/c%]/g, "")
    .replace(/\\ /g, " ")
    .replace(/\\(\(..|\[[^\]]*\]|.)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const TEXT_MACROS = /^\.(B|I|BR|RB|BI|IB|IR|RI|SM|SB|IP|TP|HP)\b\s*(.*)$/;

function parsePage(source: string, fileName: string): Page | undefined {
  if (/^\.(Dd|Sh)\b/m.test(source)) return undefined; // mdoc pages: another macro set
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of source.split("\n")) {
    if (raw.startsWith('.\\"') || raw.startsWith("'\\\"")) continue;
    const heading = /^\.SH\s+"?([^"]*)"?/.exec(raw);
    if (heading) {
      current = [];
      sections.set((heading[1] ?? "").trim().toUpperCase(), current);
      continue;
    }
    if (!current) continue;
    if (raw.startsWith(".") || raw.startsWith("'")) {
      const macro = TEXT_MACROS.exec(raw);
      if (macro && macro[2]) current.push(roffText(macro[2].replace(/"/g, "")));
      continue;
    }
    current.push(roffText(raw));
  }
  const name = sections.get("NAME")?.join(" ").trim() ?? "";
  const dash = / - |\\- | -- /.exec(name);
  if (!dash) return undefined;
  const summary = name.slice(dash.index + dash[0].length).trim();
  const words = (sections.get("DESCRIPTION") ?? []).join(" ").split(/\s+/).filter(Boolean);
  // help2man's placeholder ("manual page for ls 9.1") summarises nothing.
  if (summary.split(/\s+/).length < 3 || /^manual page for\b/i.test(summary) || words.length < 25) return undefined;
  return { name: fileName.replace(/\.\d\w*\.gz$/, ""), summary, description: words.slice(0, MAX_WORDS).join(" ") };
}

async function main(): Promise<void> {
  if (!out) throw new Error("usage: make-manpage-collection.ts <out folder> [man dir] [--documents N] [--queries N]");
  const pages: Page[] = [];
  for (const section of ["man1", "man3", "man5", "man7", "man8"]) {
    const dir = join(manDir, section);
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".gz"))) {
      const source = gunzipSync(await readFile(join(dir, file))).toString("utf8");
      if (/^\.so\s/m.test(source.slice(0, 200))) continue; // a redirect to another page
      const page = parsePage(source, file);
      if (page) pages.push(page);
    }
  }
  // At most FAMILY_SIZE pages per command family ("gcloud_…", "git-…"), so that one generated family of thousands
  // does not make the collection.
  const items = pages.map((page) => ({ name: page.name, query: page.summary, text: page.description }));
  const written = await writeKnownItemCollection(out, items, { documents, queries, familySize: FAMILY_SIZE, family: (item) => item.name.split(/[-_.]/)[0] ?? item.name });
  console.log(`${pages.length} parsable pages; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
