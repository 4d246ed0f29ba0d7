import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { knownItemArgs, writeKnownItemCollection } from "./known-item-collection";

// tsx bench/retrieval/make-docstring-collection.ts <out folder> [python lib dir, default /usr/lib/python3.11] [--documents 2000] [--queries 300]
//
// A third BEIR-layout collection from data on every Debian machine (python3 is always installed), kept out of
// every choice of defaults as a holdout: the corpus is the docstrings of the standard library's functions, classes
// and methods without their summary line (title: module.name), and each query is a docstring's summary line
// ("Return the number of items in a container.") whose only relevant document is the rest of that docstring.
// Docstrings are sampled by a hash of their qualified name, so a given Python install always gives the same
// collection. Tests and private names (leading underscore) are left out.

const { out, source: libDir, documents, queries } = knownItemArgs(process.argv.slice(2), "/usr/lib/python3.11");
const MAX_WORDS = 300;

interface Docstring {
  name: string;
  summary: string;
  body: string;
}

// `def name(…) -> T:` or `class Name(…):`, then a triple-quoted string as the first statement.
// Parameter lists may span lines and nest one level of parentheses (defaults like `x=dict()`).
const DEFINITION = /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)[ \t]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?[ \t]*(?:->[^\n:]+)?:[ \t]*\n[ \t]*[rRuU]?("""|''')([\s\S]*?)\2/gm;

async function pythonFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (/^(test|tests|idlelib|lib2to3|site-packages|dist-packages|__pycache__)$/.test(entry)) continue;
    const path = join(dir, entry);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await pythonFiles(path)));
    else if (entry.endsWith(".py")) files.push(path);
  }
  return files;
}

function parse(source: string, module: string): Docstring[] {
  const found: Docstring[] = [];
  for (const match of source.matchAll(DEFINITION)) {
    const [, name = "", , text = ""] = match;
    if (name.startsWith("_")) continue;
    const [first = "", ...rest] = text.trim().split(/\n\s*\n/);
    const summary = first.replace(/\s+/g, " ").trim();
    const words = rest.join(" ").replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
    if (summary.split(" ").length < 4 || words.length < 25 || /^[>\w.]+\(/.test(summary)) continue;
    found.push({ name: `${module}.${name}`, summary, body: words.slice(0, MAX_WORDS).join(" ") });
  }
  return found;
}

async function main(): Promise<void> {
  if (!out) throw new Error("usage: make-docstring-collection.ts <out folder> [python lib dir] [--documents N] [--queries N]");
  const docstrings: Docstring[] = [];
  for (const file of await pythonFiles(libDir)) {
    const module = relative(libDir, file).replace(/\.py$/, "").replace(/\//g, ".").replace(/\.__init__$/, "");
    docstrings.push(...parse(await readFile(file, "utf8"), module));
  }
  const items = docstrings.map((doc) => ({ name: doc.name, query: doc.summary, text: doc.body }));
  const written = await writeKnownItemCollection(out, items, { documents, queries });
  console.log(`${docstrings.length} docstrings; wrote ${written.documents} documents and ${written.queries} queries to ${out}`);
}

await main();
