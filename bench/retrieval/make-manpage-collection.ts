import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { knownItemArgs, writeKnownItemCollection } from "./known-item-collection";

// tsx bench/retrieval/make-manpage-collection.ts <out folder> [man dir] [--language en|de|fr|es|ru|ja|zh|pl|uk|it|…] [--drop-english-summaries] [--documents 2000] [--queries 300]
//
// A second BEIR-layout collection built from data every Debian machine has, for checking that retrieval defaults
// hold beyond Cranfield (known-item search): the corpus is the DESCRIPTION sections of the man pages in man1,
// man3, man5, man7 and man8 (title: the page), and each query is a page's one-line NAME summary ("ls - list directory contents" →
// "list directory contents") whose only relevant document is that page's description. Pages are sampled by a hash
// of their name, so the same man pages always give the same collection; installing packages adds their pages
// and so changes it (compare numbers from one machine state).
//
// `--language de` (fr, es, ru, ja, zh, pl, uk; it, nl, pt_BR, cs, hu, fi, tr, ro, sv, da, id, el, vi) reads the translated pages of Debian's manpages-de (…) packages from
// /usr/share/man/<language> instead: only pages whose NAME and DESCRIPTION headings are in that language count, so
// untranslated English pages in those folders stay out; with `--drop-english-summaries` (used for the languages
// added in session 9) so do pages whose NAME summary is the English page's. Japanese has no spaces between words, so its sizes are
// counted in characters.

const argv = process.argv.slice(2);
const language = argv.includes("--language") ? (argv[argv.indexOf("--language") + 1] ?? "en") : "en";
const { out, source: manDir, documents, queries } = knownItemArgs(argv, language === "en" ? "/usr/share/man" : language === "zh" ? "/usr/share/man/zh_CN" : `/usr/share/man/${language}`);
/** Opt-in so that the collections measured before it existed (de … uk) rebuild byte for byte. */
const dropEnglishSummaries = argv.includes("--drop-english-summaries");
const MAX_WORDS = 300;
/** Characters standing in for MAX_WORDS (and the minimum sizes) in scripts written without spaces. */
const CHARS_PER_WORD = 2;

/** The NAME and DESCRIPTION headings of man pages in each language Debian translates them into. */
const HEADINGS: Record<string, { name: readonly string[]; description: readonly string[] }> = {
  en: { name: ["NAME"], description: ["DESCRIPTION"] },
  de: { name: ["BEZEICHNUNG", "NAME"], description: ["BESCHREIBUNG"] },
  fr: { name: ["NOM"], description: ["DESCRIPTION"] },
  es: { name: ["NOMBRE"], description: ["DESCRIPCIÓN", "DESCRIPCION"] },
  ru: { name: ["ИМЯ", "НАЗВАНИЕ"], description: ["ОПИСАНИЕ"] },
  ja: { name: ["名前", "名称"], description: ["説明", "解説"] },
  pl: { name: ["NAZWA"], description: ["OPIS"] },
  uk: { name: ["НАЗВА"], description: ["ОПИС"] },
  // Held out in session 9 (issue 13): languages no rule was chosen on.
  it: { name: ["NOME"], description: ["DESCRIZIONE"] },
  nl: { name: ["NAAM"], description: ["BESCHRIJVING", "OMSCHRIJVING"] },
  pt_BR: { name: ["NOME"], description: ["DESCRIÇÃO", "DESCRICAO"] },
  cs: { name: ["JMÉNO"], description: ["POPIS"] },
  hu: { name: ["NÉV"], description: ["LEÍRÁS"] },
  fi: { name: ["NIMI"], description: ["KUVAUS"] },
  tr: { name: ["İSİM", "AD"], description: ["AÇIKLAMA"] },
  ro: { name: ["NUME"], description: ["DESCRIERE"] },
  sv: { name: ["NAMN"], description: ["BESKRIVNING"] },
  da: { name: ["NAVN"], description: ["BESKRIVELSE"] },
  id: { name: ["NAMA"], description: ["DESKRIPSI"] },
  el: { name: ["ΟΝΟΜΑ"], description: ["ΠΕΡΙΓΡΑΦΗ"] },
  vi: { name: ["TÊN"], description: ["MÔ TẢ"] },
  // Debian's manpages-zh (/usr/share/man/zh_CN) writes its headings several ways: "名称", "NAME(名称)",
  // "描述 (DESCRIPTION)", or keeps the English NAME over a Chinese summary; the script check below keeps the pages
  // whose summary and description are Chinese.
  zh: { name: ["名称", "NAME(名称)", "NAME"], description: ["描述", "描述 DESCRIPTION", "描述 (DESCRIPTION)", "DESCRIPTION(描述)", "DESCRIPTION (描述)"] },
};
const headings = HEADINGS[language];
if (!headings) throw new Error(`--language must be one of ${Object.keys(HEADINGS).join(", ")}`);
/** Languages written without spaces between words. */
const unspaced = ["ja", "zh"].includes(language);
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

/** Words, or in Japanese (no spaces) characters / CHARS_PER_WORD. */
function size(text: string): number {
  return unspaced ? [...text.replace(/\s+/g, "")].length / CHARS_PER_WORD : text.split(/\s+/).filter(Boolean).length;
}

function truncate(text: string, words: number): string {
  return unspaced ? [...text].slice(0, words * CHARS_PER_WORD).join("") : text.split(" ").slice(0, words).join(" ");
}

const TEXT_MACROS = /^\.(B|I|BR|RB|BI|IB|IR|RI|SM|SB|IP|TP|HP)\b\s*(.*)$/;

function parsePage(source: string, fileName: string, { name: nameHeadings, description: descriptionHeadings } = headings ?? HEADINGS.en!): Page | undefined {
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
  const section = (names: readonly string[]) => names.map((heading) => sections.get(heading)).find((lines) => lines !== undefined);
  const name = section(nameHeadings)?.join(" ").trim() ?? "";
  const dash = / - |\\- | -- /.exec(name);
  if (!dash) return undefined;
  const summary = name.slice(dash.index + dash[0].length).trim();
  const description = (section(descriptionHeadings) ?? []).join(" ").replace(/\s+/g, " ").trim();
  // help2man's placeholder ("manual page for ls 9.1") summarises nothing.
  if (size(summary) < 3 || /^manual page for\b/i.test(summary) || size(description) < 25) return undefined;
  // Pages left in English under a translated heading would make English queries.
  if (language === "zh" && !(/\p{Script=Han}/u.test(summary) && /\p{Script=Han}/u.test(description))) return undefined;
  return { name: fileName.replace(/\.\d\w*\.gz$/, ""), summary, description: truncate(description, MAX_WORDS) };
}

/**
 * Whether a translated page kept the English page's NAME summary (Vietnamese, Greek and some pages of other
 * languages translate the description only): its query would be English.
 */
async function untranslated(page: Page, section: string, file: string): Promise<boolean> {
  if (language === "en" || !dropEnglishSummaries) return false;
  const english = await readFile(join("/usr/share/man", section, file)).catch(() => undefined);
  const original = english && parsePage(gunzipSync(english).toString("utf8"), file, HEADINGS.en);
  return original !== undefined && original.summary.toLowerCase() === page.summary.toLowerCase();
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
      if (page && !(await untranslated(page, section, file))) pages.push(page);
    }
  }
  // At most FAMILY_SIZE pages per command family ("gcloud_…", "git-…"), so that one generated family of thousands
  // does not make the collection.
  const items = pages.map((page) => ({ name: page.name, query: page.summary, text: page.description }));
  const written = await writeKnownItemCollection(out, items, { documents, queries, familySize: FAMILY_SIZE, family: (item) => item.name.split(/[-_.]/)[0] ?? item.name });
  console.log(`${pages.length} parsable pages; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
