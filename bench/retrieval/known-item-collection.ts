import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One candidate of a generated known-item collection: the query's only relevant document is its own text. */
export interface KnownItem {
  /** Stable name (page, qualified function name): the document title and the sampling key. */
  name: string;
  query: string;
  text: string;
}

export interface KnownItemOptions {
  documents: number;
  queries: number;
  /** At most this many items per family (e.g. a command family), when `family` is given. */
  familySize?: number;
  family?: (item: KnownItem) => string;
}

/** `<out> [source dir] [--documents N] [--queries N]`, the command line both generators share. */
export function knownItemArgs(argv: readonly string[], defaultSource: string): { out: string | undefined; source: string; documents: number; queries: number } {
  const flag = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const [out, source = defaultSource] = argv.filter((arg, index) => !arg.startsWith("--") && !argv[index - 1]?.startsWith("--"));
  return { out, source, documents: flag("--documents", 2000), queries: flag("--queries", 300) };
}

const rank = (name: string) => createHash("sha256").update(name).digest("hex");

/**
 * Samples items by a hash of their name (the same input always gives the same collection), keeps one per query
 * and per text (aliases and copies repeat them) and at most `familySize` per family, and writes BEIR layout:
 * corpus.jsonl, queries.jsonl (the first `queries` documents' queries) and qrels/test.tsv. Returns the count kept.
 */
export async function writeKnownItemCollection(out: string, items: readonly KnownItem[], options: KnownItemOptions): Promise<{ documents: number; queries: number }> {
  const seen = new Set<string>();
  const families = new Map<string, number>();
  const kept = [...items]
    .sort((a, b) => rank(a.name).localeCompare(rank(b.name)))
    .filter((item) => {
      const keys = [item.query.toLowerCase(), item.text.toLowerCase()];
      const family = options.family?.(item);
      if (keys.some((key) => seen.has(key))) return false;
      if (family !== undefined && (families.get(family) ?? 0) >= (options.familySize ?? Infinity)) return false;
      keys.forEach((key) => seen.add(key));
      if (family !== undefined) families.set(family, (families.get(family) ?? 0) + 1);
      return true;
    })
    .slice(0, options.documents);
  const queries = kept.slice(0, options.queries);
  await mkdir(join(out, "qrels"), { recursive: true });
  const lines = (rows: string[]) => `${rows.join("\n")}\n`;
  await writeFile(join(out, "corpus.jsonl"), lines(kept.map((item, index) => JSON.stringify({ _id: `d${index}`, title: item.name, text: item.text }))));
  await writeFile(join(out, "queries.jsonl"), lines(queries.map((item, index) => JSON.stringify({ _id: `q${index}`, text: item.query }))));
  await writeFile(join(out, "qrels", "test.tsv"), lines(["query-id\tcorpus-id\tscore", ...queries.map((_, index) => `q${index}\td${index}\t1`)]));
  return { documents: kept.length, queries: queries.length };
}
