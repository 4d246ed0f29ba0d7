import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@frontdesk/db";
import { refreshChunkStatistics } from "./refresh-chunk-statistics";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function plannerRowEstimate(): Promise<number> {
  const [row] = await db.prisma.$queryRaw<Array<{ reltuples: number }>>`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'chunk'`;
  return Number(row?.reltuples);
}

describe("refreshChunkStatistics", () => {
  it("gives the planner the chunk table's size, at most once per interval", async () => {
    const prisma = db.prisma;
    await prisma.organization.create({ data: { id: "org_stats", name: "Stats", slug: "stats" } });
    const kb = await prisma.knowledgeBase.create({
      data: { organizationId: "org_stats", name: "KB", embeddingModel: "test", embeddingDimensions: 3 },
    });
    const doc = await prisma.document.create({
      data: { organizationId: "org_stats", knowledgeBaseId: kb.id, sourceKind: "text", title: "T", mimeType: "text/plain", sizeBytes: 1, contentHash: "h" },
    });
    await prisma.$executeRaw`
      INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", "embeddingModel", "embeddingDimensions")
      SELECT 'c' || n, 'org_stats', ${kb.id}, ${doc.id}, 'text ' || n, n, 2, 'test', 3 FROM generate_series(1, 300) AS n`;

    expect(await plannerRowEstimate()).toBeLessThan(300);
    expect(await refreshChunkStatistics(prisma, 1_000_000)).toBe(true);
    expect(await plannerRowEstimate()).toBe(300);
    expect(await refreshChunkStatistics(prisma, 1_010_000)).toBe(false);
    expect(await refreshChunkStatistics(prisma, 1_031_000)).toBe(true);
  });
});
