import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { packSentenceVectors, readSentenceVectors } from "../answering/packed-sentence-vectors";
import { ANALYZE_AFTER_CHUNKS, replaceDocumentChunks, type ChunkToStore } from "./replace-document-chunks";

let db: Database;
const scope = { organizationId: "org_store", knowledgeBaseId: "", documentId: "" };

const unit = (dimensions: number, axis: number) => Array.from({ length: dimensions }, (_, i) => (i === axis ? 1 : 0));
const chunks = (count: number, label: string, dimensions = 4): ChunkToStore[] =>
  Array.from({ length: count }, (_, position) => ({
    content: `${label} chunk ${position} it's "quoted" and has $1 dollars`,
    tokenCount: 7,
    position,
    metadata: { page: position + 1 },
    embedding: unit(dimensions, position % dimensions),
  }));

async function storedChunks(documentId: string) {
  return db.prisma.$queryRaw<Array<{ content: string; position: number; metadata: unknown; embedding: string; embeddingDimensions: number }>>`
    SELECT content, position, metadata, embedding::text AS embedding, "embeddingDimensions"
    FROM chunk WHERE "documentId" = ${documentId} ORDER BY position`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.organization.create({ data: { id: scope.organizationId, name: "Org", slug: "org-store" } });
  const kb = await db.prisma.knowledgeBase.create({
    data: { organizationId: scope.organizationId, name: "KB", embeddingModel: "test/4", embeddingDimensions: 4 },
  });
  const doc = await db.prisma.document.create({
    data: {
      organizationId: scope.organizationId,
      knowledgeBaseId: kb.id,
      sourceKind: "text",
      title: "Doc",
      mimeType: "text/plain",
      sizeBytes: 1,
      contentHash: "hash",
    },
  });
  scope.knowledgeBaseId = kb.id;
  scope.documentId = doc.id;
});
afterAll(() => db?.close());

describe("replaceDocumentChunks", () => {
  it("inserts chunks with their vectors, metadata and a generated full-text column", async () => {
    const count = await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: chunks(3, "first") });
    expect(count).toBe(3);
    const rows = await storedChunks(scope.documentId);
    expect(rows.map((row) => row.position)).toEqual([0, 1, 2]);
    expect(rows[1]).toMatchObject({
      content: `first chunk 1 it's "quoted" and has $1 dollars`,
      metadata: { page: 2 },
      embedding: "[0,1,0,0]",
      embeddingDimensions: 4,
    });
    const [fts] = await db.prisma.$queryRaw<Array<{ matches: bigint }>>`
      SELECT count(*) AS matches FROM chunk WHERE "documentId" = ${scope.documentId} AND fts @@ to_tsquery('simple', 'dollars')`;
    expect(Number(fts!.matches)).toBe(3);
  });

  it("stores each chunk's packed sentence vectors byte for byte, and none for a chunk without them", async () => {
    const stored = chunks(2, "sentences");
    const packed = packSentenceVectors(["Opening hours: We open at 9."], [[0.5, -0.25, 0.125, 0]]);
    stored[0]!.sentenceVectors = packed;
    await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: stored });
    const rows = await db.prisma.chunk.findMany({ where: { documentId: scope.documentId }, orderBy: { position: "asc" }, select: { sentenceVectors: true } });
    expect(rows.map((row) => (row.sentenceVectors ? [...row.sentenceVectors] : null))).toEqual([[...packed], null]);
    expect(readSentenceVectors(rows[0]!.sentenceVectors!).vectorOf("Opening hours: We open at 9.")).toEqual(new Int8Array([127, -63, 32, 0]));
  });

  it("replaces the previous set instead of adding to it, across several insert batches", async () => {
    await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: chunks(450, "second") });
    await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: chunks(450, "second") });
    const rows = await storedChunks(scope.documentId);
    expect(rows).toHaveLength(450);
    expect(rows.every((row) => row.content.startsWith("second"))).toBe(true);
  });

  it("keeps the old chunks when the new set cannot be stored", async () => {
    const bad = chunks(5, "third");
    bad[4]!.position = 3; // duplicate (documentId, position) fails inside the transaction
    await expect(
      replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: bad }),
    ).rejects.toThrow();
    const rows = await storedChunks(scope.documentId);
    expect(rows).toHaveLength(450);
    expect(rows[0]!.content.startsWith("second")).toBe(true);
    // Nothing of the failed set is left staged either.
    expect(await db.prisma.stagedChunk.count()).toBe(0);
  });

  it("rejects vectors of the wrong size before touching the table", async () => {
    await expect(
      replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: chunks(1, "x", 3) }),
    ).rejects.toThrow(/3-dimension embedding, expected 4/);
    expect(await storedChunks(scope.documentId)).toHaveLength(450);
  });

  it("stores nothing for an empty set (and removes the old chunks)", async () => {
    expect(await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: [] })).toBe(0);
    expect(await storedChunks(scope.documentId)).toHaveLength(0);
  });

  it("refreshes chunk's planner statistics itself after a bulk load (PGlite never does, autovacuum lags)", async () => {
    const plannerRows = async () => Number((await db.prisma.$queryRaw<[{ n: number }]>`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'chunk'`)[0].n);
    expect(await plannerRows()).toBeLessThan(ANALYZE_AFTER_CHUNKS);
    await replaceDocumentChunks(db.prisma, { ...scope, embeddingModel: "test/4", dimensions: 4, chunks: chunks(ANALYZE_AFTER_CHUNKS, "bulk") });
    expect(await plannerRows()).toBeGreaterThanOrEqual(ANALYZE_AFTER_CHUNKS);
  }, 120_000);
});
