import { Prisma, type Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hybridSearch } from "./hybrid-search";
import { seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import { MAX_EF_SEARCH, vectorSearch, vectorSearchQuery, withVectorSearchSettings } from "./vector-search";

// Enough chunks near the query that an HNSW scan's first ef_search candidates are all filtered out: only an
// iterative scan (pgvector ≥ 0.8) or an exact scan still finds the few chunks the filter keeps.
const DIMS = 384;
const BULK = 1500;
const RARE = 15;
let db: Database;
let organizationId: string;
let knowledgeBaseId: string;
let rareDocumentId: string;

const queryVector = Array.from({ length: DIMS }, () => 1);

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  organizationId = await seedOrganization(prisma, "Filters");
  knowledgeBaseId = await seedKnowledgeBase(prisma, organizationId, DIMS);
  const scope = { organizationId, knowledgeBaseId };
  const bulk = await seedDocument(prisma, scope, "bulk", []);
  // Vectors close to the all-ones query (every component 1.5..2.5), inserted in one statement.
  await prisma.$executeRaw`
    INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount",
                       embedding, "embeddingModel", "embeddingDimensions")
    SELECT 'bulk_' || g.i, ${organizationId}, ${knowledgeBaseId}, ${bulk.documentId}, 'common words ' || g.i, g.i, 3,
           (SELECT array_agg(2 + 0.5 * sin(g.i * 0.37 + d * 1.3) ORDER BY d)::real[]::vector FROM generate_series(1, ${DIMS}) d),
           ${`test/${DIMS}`}, ${DIMS}
      FROM generate_series(0, ${BULK - 1}) g(i)`;
  // The chunks the filter keeps point elsewhere (mixed signs), far from the query.
  const rare = await seedDocument(
    prisma,
    scope,
    "rare",
    Array.from({ length: RARE }, (_, i) => ({
      content: `rare passage ${i}`,
      embedding: Array.from({ length: DIMS }, (_, d) => Math.sin(i * 2.1 + d * 0.9)),
    })),
  );
  rareDocumentId = rare.documentId;
  await prisma.document.update({ where: { id: rare.documentId }, data: { tags: ["rare"], sourceKind: "faq" } });
  await prisma.$executeRaw`ANALYZE chunk`;
  // A table this small is cheaper to scan (or sort) exactly, which would hide the HNSW behaviour under test: make the
  // planner take the index, as it does on large tables. PGlite has one session; on a server every new
  // connection reads the database-level setting, so the pool is reopened.
  if (process.env.TEST_DATABASE_URL) {
    await prisma.$executeRawUnsafe(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET enable_seqscan = off', current_database()); EXECUTE format('ALTER DATABASE %I SET enable_sort = off', current_database()); END $$`);
    await prisma.$disconnect();
  } else {
    await prisma.$executeRawUnsafe("SET enable_seqscan = off");
    await prisma.$executeRawUnsafe("SET enable_sort = off");
  }
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe("filtered vector search", () => {
  it("plans the unfiltered nearest-neighbour query as an HNSW index scan", async () => {
    const vectorType = Prisma.raw(`vector(${DIMS})`);
    const plan = await db.prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`
      EXPLAIN SELECT id FROM chunk c WHERE c."embeddingDimensions" = ${DIMS}
       ORDER BY (c.embedding::${vectorType}) <=> ${`[${queryVector.join(",")}]`}::${vectorType} LIMIT 10`;
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain(`chunk_embedding_${DIMS}_idx`);
  });

  it("plans vector search's own statement (settings inside it) as an HNSW index scan", async () => {
    const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], queryVector, limit: 10 };
    const plan = await db.prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN ${vectorSearchQuery(input, { columns: "ids" })}`;
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain(`chunk_embedding_${DIMS}_idx`);
  });

  it("sets the iterative scan inside its one statement, for that statement only", async () => {
    const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], queryVector, limit: 10, filters: { tags: ["rare"] } };
    // The same statement without its settings, outside any transaction: the HNSW scan stops after ef_search
    // candidates, all of them filtered out, so it comes up short; this is what the settings are for.
    const without = await db.prisma.$queryRaw<unknown[]>(vectorSearchQuery(input, { columns: "ids", settings: false }));
    expect(without.length).toBeLessThan(10);
    const hits = await db.prisma.$queryRaw<unknown[]>(vectorSearchQuery(input, { columns: "ids" }));
    expect(hits).toHaveLength(10);
    const [after] = await db.prisma.$queryRaw<Array<{ scan: string; ef: string }>>`SELECT current_setting('hnsw.iterative_scan') AS scan, current_setting('hnsw.ef_search') AS ef`;
    expect(after).toEqual({ scan: "off", ef: "40" });
  });

  it("still returns k results when the filter excludes almost every chunk", async () => {
    const scope = { organizationId, knowledgeBaseIds: [knowledgeBaseId] };
    const unfiltered = await vectorSearch(db.prisma, { ...scope, queryVector, limit: 10 });
    expect(unfiltered.every((hit) => hit.chunkId.startsWith("bulk_"))).toBe(true);
    for (const filters of [{ tags: ["rare"] }, { documentIds: [rareDocumentId] }, { sourceKinds: ["faq" as const] }]) {
      const hits = await vectorSearch(db.prisma, { ...scope, queryVector, limit: 10, filters });
      expect(hits, JSON.stringify(filters)).toHaveLength(10);
      expect(hits.every((hit) => hit.documentId === rareDocumentId)).toBe(true);
    }
    const hybrid = await hybridSearch(db.prisma, { ...scope, query: "common words", queryVector, limit: 10, filters: { tags: ["rare"] } });
    expect(hybrid).toHaveLength(10);
    expect(hybrid.every((hit) => hit.documentId === rareDocumentId)).toBe(true);
  });

  it("keeps ef_search at its cap when more candidates are asked for, and the iterative scan still returns them all", async () => {
    const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], queryVector, limit: 300 };
    const [setting] = await withVectorSearchSettings(db.prisma, input, (client) => client.$queryRaw<Array<{ ef: string }>>`SELECT current_setting('hnsw.ef_search') AS ef`);
    expect(setting?.ef).toBe(String(MAX_EF_SEARCH));
    const hits = await vectorSearch(db.prisma, input);
    expect(hits).toHaveLength(300);
    expect(hits.every((hit, index) => index === 0 || hits[index - 1]!.score >= hit.score)).toBe(true);
  });
});
