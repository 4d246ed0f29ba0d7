import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch } from "./full-text-search";
import { hybridSearch } from "./hybrid-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import { vectorSearch } from "./vector-search";

const DIMS = 384;
const axis = (index: number, towards?: number, tilt?: number) => axisVector(DIMS, index, towards, tilt);

let db: Database;
const ids = {
  orgA: "",
  orgB: "",
  kb1: "",
  kb2: "",
  kbB: "",
  hours: "",
  parking: "",
  pool: "",
  shuttle: "",
  wifi: "",
  draft: "",
  otherTenantHours: "",
};

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.orgA = await seedOrganization(prisma, "Hotel A");
  ids.orgB = await seedOrganization(prisma, "Hotel B");
  ids.kb1 = await seedKnowledgeBase(prisma, ids.orgA, DIMS);
  ids.kb2 = await seedKnowledgeBase(prisma, ids.orgA, DIMS);
  ids.kbB = await seedKnowledgeBase(prisma, ids.orgB, DIMS);
  const kb1 = { organizationId: ids.orgA, knowledgeBaseId: ids.kb1 };
  const seed = async (scope: typeof kb1, title: string, content: string, embedding: number[], status?: "processing") =>
    (await seedDocument(prisma, scope, title, [{ content, embedding }], status)).chunkIds[0] ?? "";
  ids.hours = await seed(kb1, "Opening hours", "Our front desk is open every day from 7am to 11pm.", axis(0));
  ids.parking = await seed(kb1, "Parking", "Guests can park in the underground garage for 15 euros per night.", axis(1, 0, 0.3));
  ids.pool = await seed(kb1, "Piscina", "La piscina está abierta de junio a septiembre, de 9 a 20 horas.", axis(2));
  ids.shuttle = await seed(kb1, "المطار", "يقع الفندق بالقرب من المطار ويوفر خدمة نقل مجانية إلى المطار.", axis(3));
  ids.draft = await seed(kb1, "Draft", "The rooftop bar opens in spring.", axis(4), "processing");
  ids.wifi = await seed({ organizationId: ids.orgA, knowledgeBaseId: ids.kb2 }, "Wi-Fi", "The Wi-Fi password is frontdesk2024.", axis(5));
  ids.otherTenantHours = await seed(
    { organizationId: ids.orgB, knowledgeBaseId: ids.kbB },
    "Opening hours",
    "Our front desk is open every day from 7am to 11pm.",
    axis(0),
  );
});

afterAll(async () => {
  await db?.close();
});

const scopeA = () => ({ organizationId: ids.orgA, knowledgeBaseIds: [ids.kb1] });

describe("vectorSearch", () => {
  it("ranks by cosine similarity and reports similarity as 1 - distance", async () => {
    const hits = await vectorSearch(db.prisma, { ...scopeA(), queryVector: axis(0), limit: 3 });
    expect(hits.map((hit) => hit.chunkId).slice(0, 2)).toEqual([ids.hours, ids.parking]);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    expect(hits[1]?.score).toBeCloseTo(0.3 / Math.hypot(1, 0.3), 5);
    expect(hits[0]).toMatchObject({ documentTitle: "Opening hours", knowledgeBaseId: ids.kb1, position: 0, metadata: {} });
  });

  it("never returns another organization's chunks, even identical ones", async () => {
    const hits = await vectorSearch(db.prisma, { ...scopeA(), queryVector: axis(0), limit: 50 });
    expect(hits.map((hit) => hit.chunkId)).not.toContain(ids.otherTenantHours);
    const otherTenant = await vectorSearch(db.prisma, { organizationId: ids.orgB, knowledgeBaseIds: [ids.kbB], queryVector: axis(0), limit: 50 });
    expect(otherTenant.map((hit) => hit.chunkId)).toEqual([ids.otherTenantHours]);
    // A knowledge base id of another organization does not widen the scope.
    const forged = await vectorSearch(db.prisma, { organizationId: ids.orgA, knowledgeBaseIds: [ids.kbB], queryVector: axis(0), limit: 50 });
    expect(forged).toEqual([]);
  });

  it("searches only the requested knowledge bases and skips documents that are not ready", async () => {
    const kb1Only = await vectorSearch(db.prisma, { ...scopeA(), queryVector: axis(5), limit: 50 });
    expect(kb1Only.map((hit) => hit.chunkId)).not.toContain(ids.wifi);
    expect(kb1Only.map((hit) => hit.chunkId)).not.toContain(ids.draft);
    const both = await vectorSearch(db.prisma, {
      organizationId: ids.orgA,
      knowledgeBaseIds: [ids.kb1, ids.kb2],
      queryVector: axis(5),
      limit: 1,
    });
    expect(both.map((hit) => hit.chunkId)).toEqual([ids.wifi]);
    expect(await vectorSearch(db.prisma, { organizationId: ids.orgA, knowledgeBaseIds: [], queryVector: axis(0), limit: 5 })).toEqual([]);
  });

  it("only compares chunks embedded at the query's dimensions", async () => {
    expect(await vectorSearch(db.prisma, { ...scopeA(), queryVector: axisVector(512, 0), limit: 5 })).toEqual([]);
  });
});

describe("fullTextSearch", () => {
  it("matches natural-language questions on any of their words, weighting rare words over common ones", async () => {
    const hits = await fullTextSearch(db.prisma, { ...scopeA(), query: "When is the front desk open?", limit: 5 });
    expect(hits[0]?.chunkId).toBe(ids.hours);
    expect(hits[0]?.coverage).toBeGreaterThan(0.5);
    const parking = await fullTextSearch(db.prisma, { ...scopeA(), query: "Is there a garage for the car?", limit: 5 });
    expect(parking[0]?.chunkId).toBe(ids.parking);
    expect(parking[0]?.score).toBeGreaterThan(0);
  });

  it("finds Spanish text without English stemming", async () => {
    const hits = await fullTextSearch(db.prisma, { ...scopeA(), query: "¿A qué horas está abierta la piscina?", limit: 5 });
    expect(hits.map((hit) => hit.chunkId)).toEqual([ids.pool]);
    expect(hits[0]?.documentTitle).toBe("Piscina");
  });

  it("finds Arabic text", async () => {
    const hits = await fullTextSearch(db.prisma, { ...scopeA(), query: "هل يوجد نقل إلى المطار؟", limit: 5 });
    expect(hits.map((hit) => hit.chunkId)).toEqual([ids.shuttle]);
  });

  it("is scoped to the organization and knowledge bases", async () => {
    const hits = await fullTextSearch(db.prisma, {
      organizationId: ids.orgA,
      knowledgeBaseIds: [ids.kb1, ids.kb2, ids.kbB],
      query: "front desk open every day",
      limit: 50,
    });
    expect(hits.map((hit) => hit.chunkId)).toEqual([ids.hours]);
    const wifi = await fullTextSearch(db.prisma, { ...scopeA(), query: "wi-fi password", limit: 5 });
    expect(wifi).toEqual([]);
    const bothKbs = await fullTextSearch(db.prisma, { organizationId: ids.orgA, knowledgeBaseIds: [ids.kb1, ids.kb2], query: "wi-fi password", limit: 5 });
    expect(bothKbs.map((hit) => hit.chunkId)).toEqual([ids.wifi]);
  });

  it("treats tsquery syntax and quotes in user text as plain words", async () => {
    for (const query of ["garage' | !desk & (pool:* <-> \\ '' ", "'); DROP TABLE chunk; --", "!!!", "   ", "O'Brien's \\\\ garage"]) {
      await expect(fullTextSearch(db.prisma, { ...scopeA(), query, limit: 5 })).resolves.toBeInstanceOf(Array);
    }
    const hits = await fullTextSearch(db.prisma, { ...scopeA(), query: "garage' | !zebra", limit: 5 });
    expect(hits[0]?.chunkId).toBe(ids.parking);
    expect(await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM chunk`).toHaveLength(1);
  });
});

describe("hybridSearch", () => {
  it("fuses both lists: a chunk found by both ranks first, with both scores reported", async () => {
    const hits = await hybridSearch(db.prisma, { ...scopeA(), query: "underground garage", queryVector: axis(1) });
    expect(hits[0]).toMatchObject({ chunkId: ids.parking, documentTitle: "Parking" });
    expect(hits[0]?.vectorScore).toBeCloseTo(1 / Math.hypot(1, 0.3), 5);
    expect(hits[0]?.textScore).toBeCloseTo(1, 5);
    const rest = hits.slice(1);
    expect(rest.every((hit) => hit.score < (hits[0]?.score ?? 0))).toBe(true);
    expect(rest.every((hit) => hit.textScore === null)).toBe(true);
  });

  it("drops chunks below minScore unless they are a strong full-text match", async () => {
    const unrelatedVector = axis(100);
    const strongText = await hybridSearch(db.prisma, { ...scopeA(), query: "underground garage", queryVector: unrelatedVector, minScore: 0.5 });
    expect(strongText.map((hit) => hit.chunkId)).toEqual([ids.parking]);
    expect(strongText[0]?.vectorScore).toBeCloseTo(0, 5);

    const offTopic = "What is the capital of France?";
    const weakOnly = await hybridSearch(db.prisma, { ...scopeA(), query: offTopic, queryVector: unrelatedVector, minScore: 0.5 });
    expect(weakOnly).toEqual([]);
    // Without a threshold everything that matched a word or sits nearby is fused.
    const unfiltered = await hybridSearch(db.prisma, { ...scopeA(), query: offTopic, queryVector: unrelatedVector });
    expect(unfiltered.length).toBeGreaterThan(0);

    const similar = await hybridSearch(db.prisma, { ...scopeA(), query: offTopic, queryVector: axis(2, 100, 0.5), minScore: 0.5 });
    expect(similar.map((hit) => hit.chunkId)).toEqual([ids.pool]);
  });

  it("reports the similarity of chunks only full-text search found, and can fuse by rank instead", async () => {
    // One candidate per list: vector search finds the hours, full-text search the pool (which is 0.2-similar).
    const queryVector = axis(0, 2, 0.2);
    const convex = await hybridSearch(db.prisma, { ...scopeA(), query: "piscina", queryVector, candidates: 1 });
    // pool: 0.5 × 1 (best BM25) + 0.5 × 0.196; hours: 0.5 × 0 + 0.5 × 0.98
    expect(convex.map((hit) => hit.chunkId)).toEqual([ids.pool, ids.hours]);
    expect(convex[0]).toMatchObject({ vectorScore: expect.closeTo(0.2 / Math.hypot(1, 0.2), 5), textScore: expect.closeTo(1, 5) });
    expect(convex[0]?.score).toBeCloseTo(0.5 + 0.5 * (0.2 / Math.hypot(1, 0.2)), 5);
    const byRank = await hybridSearch(db.prisma, { ...scopeA(), query: "piscina", queryVector, candidates: 1, fusion: "rrf", textWeight: 0.2 });
    expect(byRank.map((hit) => hit.chunkId)).toEqual([ids.hours, ids.pool]);
    expect(byRank[0]?.score).toBeCloseTo(0.8 / 61, 10);
  });

  it("respects limit and tenant scope", async () => {
    const hits = await hybridSearch(db.prisma, { ...scopeA(), query: "front desk open", queryVector: axis(0), limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]?.chunkId).toBe(ids.hours);
    expect(hits.map((hit) => hit.chunkId)).not.toContain(ids.otherTenantHours);
  });
});
