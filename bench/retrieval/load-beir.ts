import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export interface BeirCollection {
  name: string;
  documents: Array<{ id: string; title: string; text: string }>;
  queries: Array<{ id: string; text: string }>;
  /** query id → (document id → grade) */
  qrels: Map<string, Map<string, number>>;
  notRelevantGrades: number[];
}

const corpusLine = z.object({ _id: z.coerce.string(), title: z.string().default(""), text: z.string() });
const queryLine = z.object({ _id: z.coerce.string(), text: z.string() });

/**
 * Grades that a collection's qrels use for "judged, not relevant". The Cranfield copy grades 4 (complete answer)
 * down to 1 (minimum interest) and gives each question's source document — the paper the question was written
 * from, -1 in the original judgments — grade 5; it is conventionally not counted as relevant.
 */
export const knownNotRelevantGrades: Record<string, number[]> = { cranfield: [5] };

/**
 * Reads a BEIR folder: corpus.jsonl, queries.jsonl and qrels/test.tsv (grade = gain; grades listed in
 * `notRelevantGrades` count as 0). Only queries with at least one relevant document are kept.
 */
export async function loadBeir(folder: string, options: { notRelevantGrades?: number[] } = {}): Promise<BeirCollection> {
  const name = folder.replace(/\/+$/, "").split("/").pop() ?? folder;
  const notRelevant = new Set(options.notRelevantGrades ?? knownNotRelevantGrades[name.toLowerCase()] ?? []);
  const [corpus, queries, qrelsText] = await Promise.all([
    readJsonl(join(folder, "corpus.jsonl")),
    readJsonl(join(folder, "queries.jsonl")),
    readFile(join(folder, "qrels", "test.tsv"), "utf8"),
  ]);
  const qrels = new Map<string, Map<string, number>>();
  for (const line of qrelsText.split("\n").slice(1)) {
    const [queryId, documentId, grade] = line.trim().split("\t");
    if (!queryId || !documentId || grade === undefined) continue;
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(documentId, notRelevant.has(Number(grade)) ? 0 : Number(grade));
    qrels.set(queryId, judged);
  }
  return {
    name,
    documents: corpus.map((line) => corpusLine.parse(line)).map(({ _id, title, text }) => ({ id: _id, title, text })),
    queries: queries
      .map((line) => queryLine.parse(line))
      .filter(({ _id }) => [...(qrels.get(_id)?.values() ?? [])].some((grade) => grade > 0))
      .map(({ _id, text }) => ({ id: _id, text })),
    qrels,
    notRelevantGrades: [...notRelevant],
  };
}

async function readJsonl(path: string): Promise<unknown[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
}

/** The text each system indexes for a document: BEIR's usual title + body. */
export function documentText(document: { title: string; text: string }): string {
  return document.title ? `${document.title}\n\n${document.text}` : document.text;
}
