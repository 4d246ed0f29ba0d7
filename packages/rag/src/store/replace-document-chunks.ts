import { randomUUID } from "node:crypto";
import { toVectorLiteral, type PrismaClient } from "@frontdesk/db";

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

// 11 parameters per row; PostgreSQL allows 65535 per statement, and smaller statements keep PGlite's memory low.
const ROWS_PER_INSERT = 200;

/**
 * Swaps a document's chunks for new ones in one transaction: searches see either the old set or the new one,
 * and a retried ingestion can never leave duplicates behind.
 */
export async function replaceDocumentChunks(prisma: PrismaClient, input: ReplaceDocumentChunksInput): Promise<number> {
  for (const chunk of input.chunks) {
    if (chunk.embedding.length !== input.dimensions) {
      throw new RangeError(
        `chunk ${chunk.position} has a ${chunk.embedding.length}-dimension embedding, expected ${input.dimensions}`,
      );
    }
  }
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        DELETE FROM chunk WHERE "documentId" = ${input.documentId} AND "organizationId" = ${input.organizationId}`;
      for (let start = 0; start < input.chunks.length; start += ROWS_PER_INSERT) {
        const batch = input.chunks.slice(start, start + ROWS_PER_INSERT);
        const params: unknown[] = [];
        const rows = batch.map((chunk) => {
          const values = [
            randomUUID(),
            input.organizationId,
            input.knowledgeBaseId,
            input.documentId,
            chunk.content,
            chunk.position,
            chunk.tokenCount,
            JSON.stringify(chunk.metadata),
            toVectorLiteral(chunk.embedding),
            input.embeddingModel,
            input.dimensions,
          ];
          const first = params.length + 1;
          params.push(...values);
          const p = (offset: number) => `$${first + offset}`;
          return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::int, ${p(6)}::int, ${p(7)}::jsonb, ${p(8)}::vector, ${p(9)}, ${p(10)}::int)`;
        });
        await tx.$executeRawUnsafe(
          `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount",
                              metadata, embedding, "embeddingModel", "embeddingDimensions")
           VALUES ${rows.join(",\n")}`,
          ...params,
        );
      }
      return input.chunks.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
