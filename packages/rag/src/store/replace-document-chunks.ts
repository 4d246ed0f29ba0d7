import { randomUUID } from "node:crypto";
import { toVectorLiteral, type Prisma, type PrismaClient } from "@frontdesk/db";

export interface ChunkToStore {
  content: string;
  tokenCount: number;
  position: number;
  metadata: Record<string, unknown>;
  embedding: number[];
  /** Packed sentence vectors by the same model (embedSentenceVectors); absent → answering embeds them itself. */
  sentenceVectors?: Uint8Array | null;
}

export interface ReplaceDocumentChunksInput {
  organizationId: string;
  knowledgeBaseId: string;
  documentId: string;
  embeddingModel: string;
  dimensions: number;
  chunks: ChunkToStore[];
}

export interface ReplaceChunksOfDocumentsInput {
  organizationId: string;
  knowledgeBaseId: string;
  embeddingModel: string;
  dimensions: number;
  documents: Array<{ documentId: string; chunks: ChunkToStore[] }>;
}

// 13 parameters per row; PostgreSQL allows 65535 per statement. Small statements keep PGlite's memory low and let
// other queries in between them.
const ROWS_PER_INSERT = 100;

/** Columns copied from staged_chunk into chunk (fts is generated, createdAt defaults). */
const CHUNK_COLUMNS = `id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", metadata, embedding,
  "embeddingModel", "embeddingDimensions", "sentenceVectors"`;

/**
 * Swaps a document's chunks for new ones atomically: searches see either the old set or the new one,
 * and a retried ingestion can never leave duplicates behind.
 */
export async function replaceDocumentChunks(prisma: PrismaClient, input: ReplaceDocumentChunksInput): Promise<number> {
  const { documentId, chunks, ...scope } = input;
  return replaceChunksOfDocuments(prisma, { ...scope, documents: [{ documentId, chunks }] });
}

/**
 * The same swap for many documents of one knowledge base at once (e.g. a batch of FAQ pairs). The new chunks are
 * first written to staged_chunk in batches of their own (each a short statement, so on PGlite's single connection
 * other tenants' searches and chats run in between), then ONE transaction deletes the old chunks and moves the
 * staged ones in with a single INSERT … SELECT. Until that commits the old chunks keep serving; if anything fails
 * before, they are untouched. `alsoInTransaction` runs inside the switch, so document rows can be marked ready
 * atomically with their chunks.
 */
export async function replaceChunksOfDocuments(
  prisma: PrismaClient,
  input: ReplaceChunksOfDocumentsInput,
  alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<number> {
  for (const { chunks } of input.documents) {
    for (const chunk of chunks) {
      if (chunk.embedding.length !== input.dimensions) {
        throw new RangeError(
          `chunk ${chunk.position} has a ${chunk.embedding.length}-dimension embedding, expected ${input.dimensions}`,
        );
      }
    }
  }
  const rows = input.documents.flatMap(({ documentId, chunks }) => chunks.map((chunk) => ({ documentId, chunk })));
  const documentIds = input.documents.map((doc) => doc.documentId);
  const stagingId = randomUUID();
  // Left behind by an earlier attempt that died between staging and switching.
  await prisma.$executeRaw`DELETE FROM staged_chunk WHERE "documentId" = ANY(${documentIds}::text[])`;
  try {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await stageBatch(prisma, input, stagingId, rows.slice(start, start + ROWS_PER_INSERT));
    }
    const written = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`
          DELETE FROM chunk WHERE "documentId" = ANY(${documentIds}::text[]) AND "organizationId" = ${input.organizationId}`;
        const moved = await tx.$executeRawUnsafe(
          `INSERT INTO chunk (${CHUNK_COLUMNS}) SELECT ${CHUNK_COLUMNS} FROM staged_chunk WHERE "stagingId" = $1`,
          stagingId,
        );
        // Another replacement of the same document started meanwhile and cleared these rows: let this one retry.
        if (moved !== rows.length) throw new Error(`only ${moved} of ${rows.length} staged chunks were still there`);
        if (alsoInTransaction) await alsoInTransaction(tx);
        return rows.length;
      },
      // The switch is one statement, but it still builds the vector and full-text index entries of every chunk.
      { timeout: 600_000, maxWait: 120_000 },
    );
    await analyzeAfterBulkWrites(prisma, written);
    return written;
  } finally {
    // Best effort: whatever is left is removed by the next replacement of these documents (or with them).
    await prisma.$executeRaw`DELETE FROM staged_chunk WHERE "stagingId" = ${stagingId}`.catch(() => undefined);
  }
}

async function stageBatch(
  prisma: PrismaClient,
  input: ReplaceChunksOfDocumentsInput,
  stagingId: string,
  batch: Array<{ documentId: string; chunk: ChunkToStore }>,
): Promise<void> {
  const params: unknown[] = [];
  const values = batch.map(({ documentId, chunk }) => {
    const first = params.length + 1;
    params.push(
      randomUUID(),
      stagingId,
      input.organizationId,
      input.knowledgeBaseId,
      documentId,
      chunk.content,
      chunk.position,
      chunk.tokenCount,
      JSON.stringify(chunk.metadata),
      toVectorLiteral(chunk.embedding),
      input.embeddingModel,
      input.dimensions,
      chunk.sentenceVectors ? Buffer.from(chunk.sentenceVectors.buffer, chunk.sentenceVectors.byteOffset, chunk.sentenceVectors.byteLength) : null,
    );
    const p = (offset: number) => `$${first + offset}`;
    return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::int, ${p(7)}::int, ${p(8)}::jsonb, ${p(9)}::vector, ${p(10)}, ${p(11)}::int, ${p(12)}::bytea)`;
  });
  await prisma.$executeRawUnsafe(
    `INSERT INTO staged_chunk (id, "stagingId", "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount",
                               metadata, embedding, "embeddingModel", "embeddingDimensions", "sentenceVectors")
     VALUES ${values.join(",\n")}`,
    ...params,
  );
}

/** After this many chunks written by one process (per database client), chunk's planner statistics are refreshed. */
export const ANALYZE_AFTER_CHUNKS = 5_000;
const writtenSinceAnalyze = new WeakMap<object, number>();

/**
 * Without planner statistics neither the HNSW index nor the bounded full-text query is planned well (a 100k-chunk
 * search took seconds instead of tens of milliseconds, bench/README.md). PGlite has no autovacuum and PostgreSQL's
 * can lag far behind a bulk load, so ingestion runs `ANALYZE chunk` itself every ANALYZE_AFTER_CHUNKS chunks (a
 * sampled pass, well under a second at 100k chunks). Best effort: a failure leaves it to the next time.
 */
async function analyzeAfterBulkWrites(prisma: PrismaClient, written: number): Promise<void> {
  const total = (writtenSinceAnalyze.get(prisma) ?? 0) + written;
  writtenSinceAnalyze.set(prisma, total >= ANALYZE_AFTER_CHUNKS ? 0 : total);
  if (total >= ANALYZE_AFTER_CHUNKS) await prisma.$executeRawUnsafe("ANALYZE chunk").catch(() => undefined);
}
