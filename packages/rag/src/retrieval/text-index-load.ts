import type { PrismaClient } from "@frontdesk/db";
import { performance } from "node:perf_hooks";
import type { TextIndex } from "./text-index";
import { startTextIndexThread } from "./text-index-thread";

export { parseTsvector } from "./text-index-build.mjs";

/**
 * Chunks read per statement while building, adapted to the main thread's time a read takes (the event loop's busy
 * time meanwhile): decoding the rows is the only per-row work left on the main thread, and on PGlite the whole
 * statement runs there (one connection, in WebAssembly), so a read is kept near READ_STEP_MS of it. On PostgreSQL
 * batches grow to the maximum; on PGlite under load they shrink to a few dozen chunks.
 */
export const LOAD_BATCH = { first: 20, min: 10, max: 2_000 } as const;
const READ_STEP_MS = 50;

export type LoadResult = { kind: "built"; index: TextIndex } | { kind: "too-large"; postings: number; generation: bigint } | { kind: "changed" };

/**
 * Builds a knowledge base's in-memory index from its chunks' stored tsvectors, in batches by chunk id, outside a
 * transaction. The knowledge base's generation is read before and after: if a write committed meanwhile (the
 * triggers bump it in the writing transaction) the batches may mix two states, so the result is "changed" and
 * nothing is kept. `maxPostings` is checked first against the kept document frequencies (their sum is the number
 * of postings), so an index over the budget is never built.
 *
 * The rows are read here, a batch at a time, and packed in a build thread (text-index-worker.mjs) while the next
 * batch is read: the main thread never loops over postings, so requests keep being served during a build.
 */
export async function loadTextIndex(prisma: PrismaClient, knowledgeBaseId: string, maxPostings: number): Promise<LoadResult> {
  const before = await generationOf(prisma, knowledgeBaseId);
  const [{ postings } = { postings: 0 }] = await prisma.$queryRaw<Array<{ postings: number }>>`
    SELECT coalesce(sum("chunkCount"), 0)::float8 AS postings FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  if (Number(postings) > maxPostings) return { kind: "too-large", postings: Number(postings), generation: before };
  const thread = startTextIndexThread();
  try {
    let after = "";
    let packing: Promise<number> | undefined;
    let batchChunks: number = LOAD_BATCH.first;
    for (;;) {
      const started = performance.eventLoopUtilization();
      const rows = await prisma.$queryRaw<Array<{ id: string; documentId: string; tokenCount: number; fts: string }>>`
        SELECT c.id, c."documentId", c."tokenCount", c.fts::text AS fts
          FROM chunk c
         WHERE c."knowledgeBaseId" = ${knowledgeBaseId} AND c.id > ${after}
         ORDER BY c.id
         LIMIT ${batchChunks}`;
      // Main-thread time of the read (the event loop's busy time meanwhile), not the wait for PostgreSQL.
      const took = performance.eventLoopUtilization(started).active;
      // PGlite answers through promises alone: without a turn of the event loop here, timers and sockets would wait
      // for the whole build.
      await new Promise((resolve) => setImmediate(resolve));
      // The thread packs the previous batch while this one was read; stop as soon as the budget is passed.
      const packed = await packing;
      if (packed !== undefined && packed > maxPostings) return { kind: "too-large", postings: packed, generation: before };
      packing = thread.add({
        ids: rows.map((row) => row.id),
        documentIds: rows.map((row) => row.documentId),
        lengths: rows.map((row) => Number(row.tokenCount)),
        fts: rows.map((row) => row.fts),
      });
      // Awaited with the next batch; a failed read meanwhile must not leave its rejection unhandled.
      packing.catch(() => undefined);
      if (rows.length < batchChunks) break;
      after = rows[rows.length - 1]!.id;
      if (took < READ_STEP_MS / 2) batchChunks = Math.min(LOAD_BATCH.max, batchChunks * 2);
      else if (took > READ_STEP_MS * 2) batchChunks = Math.max(LOAD_BATCH.min, Math.floor(batchChunks / 2));
    }
    const postings = (await packing) ?? 0;
    if (postings > maxPostings) return { kind: "too-large", postings, generation: before };
    if ((await generationOf(prisma, knowledgeBaseId)) !== before) return { kind: "changed" };
    return { kind: "built", index: { ...(await thread.finish()), knowledgeBaseId, generation: before } };
  } finally {
    thread.close();
  }
}

/** knowledge_base_text_stats.generation (positive: from a sequence); -1 before the knowledge base's first chunk. */
export async function generationOf(prisma: PrismaClient, knowledgeBaseId: string): Promise<bigint> {
  const [row] = await prisma.$queryRaw<Array<{ generation: string }>>`
    SELECT generation::text AS generation FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  return row ? BigInt(row.generation) : -1n;
}
