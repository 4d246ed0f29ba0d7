import { loadConfig } from "@frontdesk/config";
import { createDatabase, type Database, type PrismaClient } from "@frontdesk/db";
import { loadavg } from "node:os";
import { createEmbeddingsProvider, postingCount, textIndexBytes, textIndexCache, type SearchScope } from "@frontdesk/rag";
import { syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";

export interface SearchedDatabase {
  db: Database;
  /** The largest knowledge base of the database. */
  scope: SearchScope;
  chunks: number;
  migrateSeconds: number;
  /** Synthetic questions with their vectors, embedded up front so no search pays for it. */
  questions: Array<{ query: string; vector: number[] }>;
}

/**
 * A database a bench already filled (a postgres:// URL, or a PGlite directory such as BENCH_KEEP_DATABASE's),
 * migrated so that the same chunks can be searched by the code before and after a change, analyzed (unless not `analyze`), with its
 * largest knowledge base and `count` synthetic questions of the corpus it was seeded with.
 */
export async function openSearchedDatabase(url: string, count: number, corpus?: string, analyze = true): Promise<SearchedDatabase> {
  const migrateStarted = performance.now();
  const db = await createDatabase(/^postgres(ql)?:\/\//.test(url) ? { databaseUrl: url, env: {} } : { dataDir: url, env: {} });
  const migrateSeconds = (performance.now() - migrateStarted) / 1000;
  const [largest] = await db.prisma.$queryRaw<Array<{ organizationId: string; knowledgeBaseId: string; chunks: number }>>`
    SELECT "organizationId", "knowledgeBaseId", count(*)::int AS chunks FROM chunk GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`;
  if (!largest) throw new Error("no chunks in that database");
  // ANALYZE waits for index builds on the table (replicate-chunks.ts's): a caller may run it later itself.
  if (analyze) await db.prisma.$executeRawUnsafe("ANALYZE");
  const queries = syntheticQuestions(count, syntheticCorpusKind(corpus));
  const embeddings = await createEmbeddingsProvider(loadConfig({}));
  const vectors = await embeddings.embeddings.embedDocuments(queries);
  return {
    db,
    scope: { organizationId: largest.organizationId, knowledgeBaseIds: [largest.knowledgeBaseId] },
    chunks: largest.chunks,
    migrateSeconds,
    questions: queries.map((query, index) => ({ query, vector: vectors[index]! })),
  };
}

/**
 * Builds the in-memory full-text index of the searched knowledge base before anything is timed (the product builds
 * it in the background after the first search) and says what it holds; nothing when it is off or over its budget.
 */
export async function warmTextIndex(prisma: PrismaClient, scope: SearchScope): Promise<string> {
  const cache = textIndexCache(prisma);
  if (cache.options.maxPostings <= 0) return "in-memory text index off (FRONTDESK_SEARCH_INDEX_MAX_POSTINGS=0)";
  const started = performance.now();
  const indexes = (await Promise.all(scope.knowledgeBaseIds.map((id) => cache.build(id)))).filter((index) => index !== undefined);
  const seconds = (performance.now() - started) / 1000;
  if (indexes.length < scope.knowledgeBaseIds.length) return `in-memory text index not built (over FRONTDESK_SEARCH_INDEX_MAX_POSTINGS=${cache.options.maxPostings}): SQL path`;
  const postings = indexes.reduce((sum, index) => sum + postingCount(index), 0);
  const megabytes = indexes.reduce((sum, index) => sum + textIndexBytes(index), 0) / 2 ** 20;
  const terms = indexes.reduce((sum, index) => sum + index.termDf.length, 0);
  return `in-memory text index: ${postings.toLocaleString("en")} postings, ${terms.toLocaleString("en")} lexemes, ~${megabytes.toFixed(0)} MB, built in ${seconds.toFixed(1)} s (load ${loadavg()[0]!.toFixed(1)})`;
}

/**
 * Waits until no CREATE INDEX runs in this database (a replication's HNSW and GIN builds: their indexes are not
 * valid, or not there, until the build commits), then runs `analyze`. Lets a bench build its in-memory index
 * while a replication's index builds finish, so the two long steps overlap. Resolves to the seconds waited.
 */
export async function waitForIndexBuilds(prisma: PrismaClient, analyze: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [row] = await prisma.$queryRaw<Array<{ building: number }>>`SELECT count(*)::int AS building FROM pg_stat_progress_create_index WHERE datname = current_database()`;
    if (row!.building === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  await prisma.$executeRawUnsafe(analyze);
  return (performance.now() - started) / 1000;
}
