import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "../packages/rag/src/retrieval/test-fixtures";
import { copyChunks, copyDocuments, scaleTextStats } from "./replicate-knowledge-base";
import { pauseTextStats, startBulkLoad } from "./seed-synthetic-chunks";

// replicate-chunks.ts's statistics: scaled from the originals' instead of counted again, they must be what counting
// the copied knowledge base gives. PGlite by default, PostgreSQL with TEST_DATABASE_URL.

const DIMENSIONS = 8;
const TIMES = 3;
let db: Database;
let scope = { organizationId: "", knowledgeBaseId: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  const organizationId = await seedOrganization(db.prisma, "Replicated");
  scope = { organizationId, knowledgeBaseId: await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS) };
});
afterAll(() => db?.close());

interface Statistics {
  chunks: number;
  tokens: number;
  lists: Map<string, { df: number; ids: string[]; impacts: number[]; floor: number | null }>;
}

async function statisticsOf(knowledgeBaseId: string): Promise<Statistics> {
  const [totals] = await db.prisma.$queryRaw<Array<{ chunks: number; tokens: number }>>`
    SELECT "chunkCount"::int AS chunks, "tokenSum"::int AS tokens FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  const rows = await db.prisma.$queryRaw<Array<{ lexeme: string; df: number; ids: string[] | null; impacts: number[] | null; floor: number | null }>>`
    SELECT lexeme, "chunkCount"::int AS df, "topChunkIds" AS ids, "topImpacts" AS impacts, "impactFloor" AS floor
      FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  const lists = new Map(
    rows.map((row) => [row.lexeme, { df: row.df, ids: row.ids ?? [], impacts: (row.impacts ?? []).map(Number), floor: row.floor === null ? null : Number(row.floor) }]),
  );
  return { chunks: totals!.chunks, tokens: totals!.tokens, lists };
}

/** Counts the knowledge base's statistics from its chunks, as the seeder does after a bulk load. */
async function countStatistics(knowledgeBaseId: string): Promise<Statistics> {
  const stats = await pauseTextStats(db.prisma);
  await stats.count(knowledgeBaseId);
  await stats.resume();
  return statisticsOf(knowledgeBaseId);
}

/**
 * 200 chunks in 4 documents: "harbour" in all (1–6 times, lengths varying, so impacts differ and tie), "ferry"
 * in every 4th (50: a complete list before, cut at 128 after copying), "lighthouse" in one.
 */
async function seedOriginals(): Promise<void> {
  for (let document = 0; document < 4; document += 1) {
    const chunks = Array.from({ length: 50 }, (_, index) => {
      const i = document * 50 + index;
      const words = [
        ...Array.from({ length: (i % 6) + 1 }, () => "harbour"),
        ...(i % 4 === 0 ? ["ferry"] : []),
        ...(i === 7 ? ["lighthouse"] : []),
        ...Array.from({ length: 3 + (i % 11) }, (_, w) => `filler${(i * 7 + w) % 40}`),
      ];
      return { content: words.join(" "), embedding: axisVector(DIMENSIONS, i % DIMENSIONS) };
    });
    await seedDocument(db.prisma, scope, `Doc ${document}`, chunks);
  }
}

describe("scaleTextStats", () => {
  it("gives a replicated knowledge base the statistics counting its chunks gives", async () => {
    await seedOriginals();
    const originals = await countStatistics(scope.knowledgeBaseId);
    expect(originals.lists.get("ferry")?.floor).toBeNull();

    const bulkLoad = await startBulkLoad(db.prisma, DIMENSIONS);
    await copyDocuments(db.prisma, scope.knowledgeBaseId, TIMES);
    for (let copy = 2; copy <= TIMES; copy += 1) await copyChunks(db.prisma, scope.knowledgeBaseId, copy, DIMENSIONS);
    await bulkLoad.finish(scope.knowledgeBaseId, undefined, () => scaleTextStats(db.prisma, scope.knowledgeBaseId, TIMES));
    const scaled = await statisticsOf(scope.knowledgeBaseId);
    const counted = await countStatistics(scope.knowledgeBaseId);

    expect(counted.chunks).toBe(200 * TIMES);
    expect(scaled.chunks).toBe(counted.chunks);
    expect(scaled.tokens).toBe(counted.tokens);
    expect([...scaled.lists.keys()].sort()).toEqual([...counted.lists.keys()].sort());
    expect(counted.lists.get("ferry")?.floor).not.toBeNull();
    for (const [lexeme, expected] of counted.lists) {
      const actual = scaled.lists.get(lexeme)!;
      expect(actual.df, lexeme).toBe(expected.df);
      expect(actual.floor === null, lexeme).toBe(expected.floor === null);
      if (expected.floor !== null) expect(actual.floor, lexeme).toBeCloseTo(expected.floor, 9);
      expect(actual.impacts.length, lexeme).toBe(expected.impacts.length);
      actual.impacts.forEach((impact, rank) => expect(impact, `${lexeme} ${rank}`).toBeCloseTo(expected.impacts[rank]!, 9));
      // Which of the postings tied at the floor are listed may differ; every one above it must be the same.
      const above = (list: typeof expected) => new Set(list.ids.filter((_, rank) => list.floor === null || list.impacts[rank]! > list.floor + 1e-9));
      expect(above(actual), lexeme).toEqual(above(expected));
    }
  });
});
