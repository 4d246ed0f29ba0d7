import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseAllDocuments } from "yaml";
import { z } from "zod";
import { knownItemArgs, writeKnownItemCollection, type KnownItem } from "./known-item-collection";

// tsx bench/retrieval/make-appstream-collection.ts <out folder> [Components-*.yml(.gz)] --language ar [--documents 2000] [--queries 300]
//
// A known-item collection in one language from Debian's AppStream (DEP-11) metadata: the translated one-line summary
// of a desktop application ("عارض المستندات") is the question, the same application's translated description its only
// relevant document (title: the component id, which is language-neutral). Debian's package descriptions have no
// Arabic, Hebrew or Persian translations and GNOME's help pages in those languages are mostly untranslated; the
// applications' own metadata is translated upstream, so it gives collections in scripts nobody had tested (Arabic,
// Hebrew, Persian, Greek, Korean, Hindi, Georgian). The metadata is not downloaded by default here; fetch it into a
// scratch lists folder with apt's ordinary client:
//
//   mkdir -p /tmp/dep11/partial && apt-get update -o Dir::State::Lists=/tmp/dep11 \
//     -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=true -o APT::Update::Post-Invoke-Success::=
//
// Without a file argument the first Components-*.yml.gz in /var/lib/apt/lists is read. An entry counts only when both
// its summary and description are translated (differ from the untranslated "C" text) and at most a third of the
// description's letters are Latin (untranslated paragraphs stay English); one entry per package.

const argv = process.argv.slice(2);
const language = argv.includes("--language") ? argv[argv.indexOf("--language") + 1] : undefined;
const { out, source, documents, queries } = knownItemArgs(
  argv.filter((arg, index) => arg !== "--language" && argv[index - 1] !== "--language"),
  "",
);
const MIN_QUERY_WORDS = 2;
const MIN_TEXT_WORDS = 15;
const MAX_WORDS = 300;
const MAX_LATIN_SHARE = 1 / 3;

/** The fields of a DEP-11 component this reads; each text is keyed by locale ("C" untranslated). */
const component = z.object({
  ID: z.string(),
  Package: z.string().optional(),
  Summary: z.record(z.string(), z.string()).optional(),
  Description: z.record(z.string(), z.string()).optional(),
});

/** Description markup (`<p>`, `<ul><li>`) to plain text, one space between words. */
function plainText(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 1 : (text.match(/\p{Script=Latin}/gu)?.length ?? 0) / letters;
}

function item(entry: z.infer<typeof component>, locale: string): KnownItem | undefined {
  const query = entry.Summary?.[locale]?.trim();
  const markup = entry.Description?.[locale];
  if (!query || !markup) return undefined;
  const text = plainText(markup);
  if (query === entry.Summary?.C?.trim() || text === plainText(entry.Description?.C ?? "")) return undefined;
  const words = text.split(" ");
  if (query.split(/\s+/).length < MIN_QUERY_WORDS || words.length < MIN_TEXT_WORDS || latinShare(text) > MAX_LATIN_SHARE) return undefined;
  return { name: entry.ID, query, text: words.slice(0, MAX_WORDS).join(" ") };
}

async function defaultSource(): Promise<string> {
  const lists = "/var/lib/apt/lists";
  const file = (await readdir(lists)).find((name) => /_Components-[^_]+\.yml\.gz$/.test(name));
  if (!file) throw new Error(`no DEP-11 Components file in ${lists}: see this script's header for the apt-get update that fetches one`);
  return join(lists, file);
}

async function main(): Promise<void> {
  if (!out || !language) throw new Error("usage: make-appstream-collection.ts <out folder> [Components-*.yml(.gz)] --language <locale> [--documents N] [--queries N]");
  const path = source || (await defaultSource());
  const raw = await readFile(path);
  const text = path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  // The first YAML document is the file's header (origin, version); components follow.
  const entries = parseAllDocuments(text)
    .slice(1)
    .flatMap((document) => {
      const parsed = component.safeParse(document.toJS());
      return parsed.success ? [parsed.data] : [];
    });
  const items = entries.flatMap((entry) => {
    const found = item(entry, language);
    return found ? [{ found, family: entry.Package ?? entry.ID }] : [];
  });
  const familyOf = new Map(items.map(({ found, family }) => [found.name, family]));
  const written = await writeKnownItemCollection(
    out,
    items.map(({ found }) => found),
    { documents, queries, familySize: 1, family: (entry) => familyOf.get(entry.name) ?? entry.name },
  );
  console.log(`${entries.length} components, ${items.length} translated into ${language}; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
