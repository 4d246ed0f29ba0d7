import { readFile } from "node:fs/promises";
import { knownItemArgs, writeKnownItemCollection, type KnownItem } from "./known-item-collection";

// tsx bench/retrieval/make-debian-collection.ts <out folder> [Packages file, default /var/lib/dpkg/status] [--documents 2000] [--queries 300]
//
// An English known-item collection from the descriptions of the Debian packages installed on this machine (dpkg's
// status file; the apt lists here hold only the synopses, their long descriptions live in Translation files that
// are not downloaded): the corpus is each package's long description (title: the package
// name), each query a package's one-line synopsis ("fast, scalable, distributed revision control system") whose
// only relevant document is that package's long description. One package per source package (binary packages of
// one source often share their long description), sampled by a hash of the name, so the same archive always gives
// the same collection. Built as a holdout of issue 13: written by thousands of maintainers, in no style the search
// was tuned on.

const { out, source, documents, queries } = knownItemArgs(process.argv.slice(2), "/var/lib/dpkg/status");
const MIN_QUERY_WORDS = 4;
const MIN_TEXT_WORDS = 25;
const MAX_WORDS = 300;

/** Stanzas of a Packages file: `Field: value` lines, continuation lines start with a space. */
function parseStanzas(text: string): Array<Map<string, string>> {
  return text.split(/\n\s*\n/).map((stanza) => {
    const fields = new Map<string, string>();
    let current = "";
    for (const line of stanza.split("\n")) {
      if (/^\s/.test(line) && current) fields.set(current, `${fields.get(current) ?? ""}\n${line}`);
      else {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        current = line.slice(0, colon);
        fields.set(current, line.slice(colon + 1).trim());
      }
    }
    return fields;
  });
}

function item(fields: Map<string, string>): { item: KnownItem; source: string } | undefined {
  const name = fields.get("Package");
  const description = fields.get("Description");
  if (!name || !description) return undefined;
  const [synopsis = "", ...body] = description.split("\n");
  // " ." lines separate paragraphs; bullet markers and indentation are layout.
  const words = body.map((line) => line.trim()).filter((line) => line !== ".").join(" ").split(/\s+/).filter(Boolean);
  if (synopsis.split(/\s+/).length < MIN_QUERY_WORDS || words.length < MIN_TEXT_WORDS) return undefined;
  const sourcePackage = (fields.get("Source") ?? name).split(/\s/)[0] ?? name;
  return { item: { name, query: synopsis.trim(), text: words.slice(0, MAX_WORDS).join(" ") }, source: sourcePackage };
}

async function main(): Promise<void> {
  if (!out) throw new Error("usage: make-debian-collection.ts <out folder> [Packages file] [--documents N] [--queries N]");
  const text = await readFile(source, "utf8");
  const parsed = parseStanzas(text).flatMap((fields) => item(fields) ?? []);
  const sourceOf = new Map(parsed.map((entry) => [entry.item.name, entry.source]));
  const written = await writeKnownItemCollection(
    out,
    parsed.map((entry) => entry.item),
    { documents, queries, familySize: 1, family: (entry) => sourceOf.get(entry.name) ?? entry.name },
  );
  console.log(`${parsed.length} package descriptions; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
