import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hybridSearch } from "../retrieval/hybrid-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "../retrieval/test-fixtures";
import { replaceDocumentChunks, type ChunkToStore } from "./replace-document-chunks";

// A long chunk replacement must not hold PGlite's single connection: other tenants' searches (what a chat turn
// runs) complete while it is in progress, and the replaced document answers from its old or its new chunks, never
// from a mix or from nothing.

const DIMENSIONS = 384; // a size with an HNSW index, so the switch does the real indexing work
// Long enough to outlast several rounds of searches (which got faster with the kept term statistics).
const NEW_CHUNKS = 1600;

let db: Database;
const tenantA = { organizationId: "", knowledgeBaseId: "" };
const tenantB = { organizationId: "", knowledgeBaseId: "", documentId: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA.organizationId = await seedOrganization(db.prisma, "A");
  tenantA.knowledgeBaseId = await seedKnowledgeBase(db.prisma, tenantA.organizationId, DIMENSIONS);
  await seedDocument(db.prisma, tenantA, "Hours", [{ content: "The front desk opens at seven.", embedding: axisVector(DIMENSIONS, 1) }]);
  tenantB.organizationId = await seedOrganization(db.prisma, "B");
  tenantB.knowledgeBaseId = await seedKnowledgeBase(db.prisma, tenantB.organizationId, DIMENSIONS);
  const { organizationId, knowledgeBaseId } = tenantB;
  const seeded = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Manual", [
    { content: "The kettle manual, old edition.", embedding: axisVector(DIMENSIONS, 2) },
  ]);
  tenantB.documentId = seeded.documentId;
});
afterAll(() => db?.close());

const search = (scope: { organizationId: string; knowledgeBaseId: string }, query: string, axis: number) =>
  hybridSearch(db.prisma, {
    organizationId: scope.organizationId,
    knowledgeBaseIds: [scope.knowledgeBaseId],
    query,
    queryVector: axisVector(DIMENSIONS, axis),
    limit: 3,
  });

const stagedCount = async () => Number((await db.prisma.$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM staged_chunk`)[0].n);

describe("replaceDocumentChunks on a busy database", () => {
  it("lets other tenants' searches run while a large replacement is in progress; the switch is atomic", async () => {
    const chunks: ChunkToStore[] = Array.from({ length: NEW_CHUNKS }, (_, position) => ({
      content: `The kettle manual, new edition, section ${position}. ${"Descale it monthly with citric acid. ".repeat(6)}`,
      tokenCount: 40,
      position,
      metadata: {},
      embedding: axisVector(DIMENSIONS, 2, 3 + (position % 300), 0.2),
    }));
    let settled = false;
    const replacement = replaceDocumentChunks(db.prisma, {
      ...tenantB,
      embeddingModel: `test/${DIMENSIONS}`,
      dimensions: DIMENSIONS,
      chunks,
    }).finally(() => {
      settled = true;
    });

    // Asked right after the replacement started, another tenant's search is answered long before it ends: it
    // runs between the staging batches instead of queueing behind the whole replacement.
    const other = await search(tenantA, "front desk", 1);
    expect(other.map((hit) => hit.content)).toEqual(["The front desk opens at seven."]);
    expect(settled).toBe(false);
    const during = await search(tenantB, "kettle manual", 2);
    expect(during.map((hit) => hit.content)).toEqual(["The kettle manual, old edition."]);

    // Keep asking both tenants until the replacement ends: every search succeeds (none gives up waiting for the
    // connection), and the replaced document is all old or all new.
    const editions = new Set<string>();
    let searches = 0;
    while (!settled) {
      const [a, b] = await Promise.all([search(tenantA, "front desk", 1), search(tenantB, "kettle manual", 2)]);
      expect(a).toHaveLength(1);
      const kinds = new Set(b.map((hit) => (hit.content.includes("old edition") ? "old" : "new")));
      expect(kinds.size).toBe(1);
      editions.add([...kinds][0]!);
      searches += 1;
    }
    expect(await replacement).toBe(NEW_CHUNKS);
    expect(searches).toBeGreaterThan(1);
    expect(editions.has("old")).toBe(true);

    const after = await search(tenantB, "kettle manual", 2);
    expect(after.every((hit) => hit.content.includes("new edition"))).toBe(true);
    expect(await db.prisma.chunk.count({ where: { documentId: tenantB.documentId } })).toBe(NEW_CHUNKS);
    expect(await stagedCount()).toBe(0);
  }, 180_000);
});
