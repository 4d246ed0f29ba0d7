import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { createTestDatabase } from "./testing";
import { testBackends } from "./test-backends";
import { toVectorLiteral } from "./vector";

describe("toVectorLiteral", () => {
  it("formats numbers as a pgvector literal", () => {
    expect(toVectorLiteral([0.5, -1, 2e-7, 3])).toBe("[0.5,-1,2e-7,3]");
    expect(toVectorLiteral([])).toBe("[]");
  });
  it("rejects values pgvector cannot store", () => {
    expect(() => toVectorLiteral([1, Number.NaN])).toThrow(RangeError);
    expect(() => toVectorLiteral([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

/** A unit vector of `dimensions` pointing mostly along `axis`. */
function embedding(dimensions: number, axis: number, noise = 0): number[] {
  return Array.from({ length: dimensions }, (_, i) => (i === axis ? 1 : i === axis + 1 ? noise : 0));
}

describe.each(testBackends)("Chunk embeddings and full-text search on $name", ({ serverUrl }) => {
  let db: Database;

  async function insertChunk(id: string, content: string, vector: number[] | null, position: number): Promise<void> {
    await db.prisma.$executeRaw`
      INSERT INTO "chunk" ("id", "organizationId", "knowledgeBaseId", "documentId", "content", "position", "tokenCount",
                           "embedding", "embeddingModel", "embeddingDimensions")
      VALUES (${id}, 'org', 'kb', 'doc', ${content}, ${position}, 1,
              ${vector ? toVectorLiteral(vector) : null}::vector, 'test-model', ${vector?.length ?? 384})`;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl });
    await db.prisma.organization.create({ data: { id: "org", name: "Org", slug: "org" } });
    await db.prisma.knowledgeBase.create({
      data: { id: "kb", organizationId: "org", name: "KB", embeddingModel: "test-model", embeddingDimensions: 384 },
    });
    await db.prisma.document.create({
      data: {
        id: "doc", organizationId: "org", knowledgeBaseId: "kb", sourceKind: "text", title: "Doc",
        mimeType: "text/plain", sizeBytes: 1, contentHash: "h",
      },
    });
    await insertChunk("c_near", "¿Dónde está la recepción del hotel? Abrimos a las ocho.", embedding(384, 0, 0.1), 0);
    await insertChunk("c_mid", "مرحبا بكم في مكتب الاستقبال، نحن هنا لمساعدتك", embedding(384, 0, 2), 1);
    await insertChunk("c_far", "Check-out is at noon; running late costs extra.", embedding(384, 10), 2);
    // Another model's size in the same table: the per-dimension predicate keeps it out of 384-d queries.
    await insertChunk("c_512", "Parking is free for guests.", embedding(512, 0), 3);
  });
  afterAll(async () => {
    await db?.close();
  });

  const nearestSql = `
    SELECT "id", 1 - (("embedding"::vector(384)) <=> $1::vector(384)) AS "score"
    FROM "chunk"
    WHERE "embeddingDimensions" = 384 AND "knowledgeBaseId" = 'kb'
    ORDER BY ("embedding"::vector(384)) <=> $1::vector(384)
    LIMIT 3`;

  it("orders chunks by cosine distance through the per-dimension expression", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ id: string; score: number }[]>(nearestSql, toVectorLiteral(embedding(384, 0)));
    expect(rows.map((row) => row.id)).toEqual(["c_near", "c_mid", "c_far"]);
    expect(Number(rows[0]?.score)).toBeCloseTo(1 / Math.sqrt(1.01), 5);
    expect(Number(rows[2]?.score)).toBeCloseTo(0, 5);
  });

  it("uses the HNSW index for that expression", async () => {
    const plan = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${nearestSql}`, toVectorLiteral(embedding(384, 0)));
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("chunk_embedding_384_idx");
  });

  it("fills fts with the 'simple' configuration over accent- and diacritic-folded text, for any language", async () => {
    // Queries fold the same way as the column (frontdesk_search_text), so accents never decide a match.
    const match = (query: string) =>
      db.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT "id" FROM "chunk" WHERE "fts" @@ plainto_tsquery('simple', "frontdesk_search_text"($1)) ORDER BY "id"`,
        query,
      );
    expect(await match("recepción")).toEqual([{ id: "c_near" }]);
    expect(await match("recepcion")).toEqual([{ id: "c_near" }]);
    expect(await match("الاستقبال")).toEqual([{ id: "c_mid" }]);
    expect(await match("مرحبا بكم")).toEqual([{ id: "c_mid" }]);
    // No English stemming: "running" is indexed as written, so "run" does not match it.
    expect(await match("running")).toEqual([{ id: "c_far" }]);
    expect(await match("run")).toEqual([]);

    const [row] = await db.prisma.$queryRawUnsafe<{ fts: string }[]>(`SELECT "fts"::text AS "fts" FROM "chunk" WHERE "id" = 'c_near'`);
    expect(row?.fts).toContain("'recepcion'");
    expect(row?.fts).toContain("'donde'");
  });

  it("regenerates fts when content changes", async () => {
    await db.prisma.chunk.update({ where: { id: "c_512" }, data: { content: "Aparcamiento gratuito" } });
    const rows = await db.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "chunk" WHERE "fts" @@ plainto_tsquery('simple', 'aparcamiento')`,
    );
    expect(rows).toEqual([{ id: "c_512" }]);
  });
});
