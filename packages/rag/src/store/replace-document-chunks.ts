import { randomUUID } from "node:crypto";
import { toVectorLiteral, type Prisma, type PrismaClient } from "@frontdesk/db";

export interface ChunkToStore {
  content: string;
  tokenCount: number;
  position: number;
  metadata: Record<string, unknown>;
  embedding: number[];
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

// 11 parameters per row; PostgreSQL allows 65535 per statement, and smaller statements keep PGlite's memory low.
const ROWS_PER_INSERT = 200;

/**
 * Swaps a document's chunks for new ones in one transaction: searches see either the old set or the new one,
 * and a retried ingestion can never leave duplicates behind.
 */
export async function replaceDocumentChunks(prisma: PrismaClient, input: ReplaceDocumentChunksInput): Promise<number> {
  const { documentId, chunks, ...scope } = input;
  return replaceChunksOfDocuments(prisma, { ...scope, documents: [{ documentId, chunks }] });
}

/**
 * The same swap for many documents of one knowledge base at once (e.g. a batch of FAQ pairs), in ONE
 * transaction. `alsoInTransaction` runs inside it after the inserts, so document rows can be marked ready
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
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        DELETE FROM chunk WHERE "documentId" = ANY(${documentIds}::text[]) AND "organizationId" = ${input.organizationId}`;
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const batch = rows.slice(start, start + ROWS_PER_INSERT);
        const params: unknown[] = [];
        const values = batch.map(({ documentId, chunk }) => {
          const first = params.length + 1;
          params.push(
            randomUUID(),
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
          );
          const p = (offset: number) => `$${first + offset}`;
          return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::int, ${p(6)}::int, ${p(7)}::jsonb, ${p(8)}::vector, ${p(9)}, ${p(10)}::int)`;
        });
        await tx.$executeRawUnsafe(
          `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount",
                              metadata, embedding, "embeddingModel", "embeddingDimensions")
           VALUES ${values.join(",\n")}`,
          ...params,
        );
      }
      if (alsoInTransaction) await alsoInTransaction(tx);
      return rows.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
