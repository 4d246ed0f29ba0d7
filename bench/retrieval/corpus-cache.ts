import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchApi } from "../open-bench-api";
import { ingestCorpus, type IngestedCorpus } from "./ingest-corpus";
import type { BeirCollection } from "./load-beir";

// `--keep-database <postgres url>`: the first run ingests into that database and records where the corpus went
// in a file beside it; later runs with the same URL and collection skip ingestion. For iterating on retrieval
// code that does not change what is stored; drop the database after changing chunking, embeddings or the schema.

interface CachedCorpus {
  organizationId: string;
  knowledgeBaseId: string;
  beirIdsByDocumentId: Array<[string, string[]]>;
  chunks: number;
  ingestSeconds: number;
}

function cachePath(databaseUrl: string, collection: BeirCollection): string {
  const database = new URL(databaseUrl).pathname.replace(/\W/g, "") || "db";
  return join(tmpdir(), `frontdesk-bench-${database}-${collection.name.replace(/\W/g, "_")}.json`);
}

/** The corpus an earlier `--keep-database` run stored for this collection in that database, if any. */
export async function readCachedCorpus(keptDatabaseUrl: string, collection: BeirCollection): Promise<{ corpus: IngestedCorpus; ingestSeconds: number } | undefined> {
  const path = cachePath(keptDatabaseUrl, collection);
  if (!existsSync(path)) return undefined;
  const { beirIdsByDocumentId, ingestSeconds, ...rest } = JSON.parse(await readFile(path, "utf8")) as CachedCorpus;
  return { corpus: { ...rest, beirIdsByDocumentId: new Map(beirIdsByDocumentId) }, ingestSeconds };
}

export async function ingestOrReuseCorpus(
  api: BenchApi,
  collection: BeirCollection,
  keptDatabaseUrl: string | undefined,
): Promise<{ corpus: IngestedCorpus; ingestSeconds: number; reused: boolean }> {
  const cached = keptDatabaseUrl ? await readCachedCorpus(keptDatabaseUrl, collection) : undefined;
  if (cached) return { ...cached, reused: true };
  const path = keptDatabaseUrl ? cachePath(keptDatabaseUrl, collection) : undefined;
  const started = performance.now();
  const corpus = await ingestCorpus(api, collection);
  const ingestSeconds = (performance.now() - started) / 1000;
  if (path) {
    const cached: CachedCorpus = { ...corpus, beirIdsByDocumentId: [...corpus.beirIdsByDocumentId], ingestSeconds };
    await writeFile(path, JSON.stringify(cached));
  }
  return { corpus, ingestSeconds, reused: false };
}
