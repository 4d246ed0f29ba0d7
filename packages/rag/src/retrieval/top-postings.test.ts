import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceDocumentChunks } from "../store/replace-document-chunks";
import { fullTextSearch, fullTextSearchQuery, planFullTextSearch } from "./full-text-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// Impact-ordered postings (knowledge_base_term's top postings, migration 20261205033000_impact_ordered_postings):
// kept by the chunk triggers through ingestion, re-ingestion, edits and deletes, per knowledge base, and read by
// the bounded full-text search. PGlite by default, PostgreSQL with TEST_DATABASE_URL.

const DIMENSIONS = 8;
/** frontdesk_top_postings() */
const LIST_LIMIT = 128;
let db: Database;
let organizationId = "";

beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = await seedOrganization(db.prisma, "Postings");
});
afterAll(() => db?.close());

interface KeptList {
  lexeme: string;
  df: number;
  ids: string[];
  impacts: number[];
  floor: number | null;
}

async function listsOf(knowledgeBaseId: string): Promise<KeptList[]> {
  const rows = await db.prisma.$queryRaw<Array<{ lexeme: string; df: number; ids: string[] | null; impacts: number[] | null; floor: number | null }>>`
    SELECT lexeme, "chunkCount"::int AS df, "topChunkIds" AS ids, "topImpacts" AS impacts, "impactFloor" AS floor
      FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId} ORDER BY lexeme`;
  return rows.map((row) => ({ ...row, ids: row.ids ?? [], impacts: (row.impacts ?? []).map(Number), floor: row.floor === null ? null : Number(row.floor) }));
}

/** Every posting of the knowledge base with its impact at the current average length, best first per lexeme. */
async function postingsOf(knowledgeBaseId: string): Promise<Map<string, Array<{ id: string; impact: number }>>> {
  const rows = await db.prisma.$queryRaw<Array<{ lexeme: string; id: string; impact: number }>>`
    SELECT u.lexeme, c.id,
           frontdesk_bm25_impact(coalesce(array_length(u.positions, 1), 1), c."tokenCount",
                                 (SELECT "tokenSum"::float8 / "chunkCount" FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId})) AS impact
      FROM chunk c CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights)
     WHERE c."knowledgeBaseId" = ${knowledgeBaseId}
     ORDER BY u.lexeme, impact DESC, c.id`;
  const postings = new Map<string, Array<{ id: string; impact: number }>>();
  for (const row of rows) postings.set(row.lexeme, [...(postings.get(row.lexeme) ?? []), { id: row.id, impact: Number(row.impact) }]);
  return postings;
}

/**
 * The invariant: each list holds chunks of its knowledge base that contain the lexeme, best first, at most the
 * limit, no chunk twice; with no floor it holds every posting; a lexeme with at most the limit's chunks has all of
 * them listed.
 */
async function expectListsValid(knowledgeBaseId: string): Promise<void> {
  const postings = await postingsOf(knowledgeBaseId);
  const lists = await listsOf(knowledgeBaseId);
  expect(lists.map((list) => list.lexeme)).toEqual([...postings.keys()].sort());
  for (const list of lists) {
    const holders = new Set(postings.get(list.lexeme)!.map((posting) => posting.id));
    expect(list.ids.length, list.lexeme).toBeLessThanOrEqual(LIST_LIMIT);
    expect(new Set(list.ids).size, list.lexeme).toBe(list.ids.length);
    expect(list.ids.every((id) => holders.has(id)), list.lexeme).toBe(true);
    expect(list.impacts, list.lexeme).toEqual([...list.impacts].sort((a, b) => b - a));
    if (list.floor === null || list.df <= LIST_LIMIT) expect(new Set(list.ids), list.lexeme).toEqual(holders);
  }
}

const chunk = (content: string, position: number) => ({
  content,
  position,
  tokenCount: content.split(" ").length,
  metadata: {},
  embedding: axisVector(DIMENSIONS, position % DIMENSIONS),
});

/** `count` chunks that all hold "harbour" (i % 6 + 1 times) and filler words, one in 10 also "ferry". */
function harbourChunks(count: number, offset = 0, extra = 0) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const harbour = Array.from({ length: (n % 6) + 1 + extra }, () => "harbour").join(" ");
    return chunk(`${harbour} pier ${n} ${n % 10 === 0 ? "ferry" : "quay"} boats moor along the wall number w${n}`, i);
  });
}

describe("impact-ordered postings", () => {
  it("keep the best chunks of every lexeme through ingestion, re-ingestion, an edit and deletes", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const scope = { organizationId, knowledgeBaseId, embeddingModel: `test/${DIMENSIONS}`, dimensions: DIMENSIONS };
    const first = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Harbour", []);
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: first.documentId, chunks: harbourChunks(200) });
    await expectListsValid(knowledgeBaseId);
    // Written in one statement, the lists are exactly the best 128 at the current average length.
    let harbour = (await listsOf(knowledgeBaseId)).find((list) => list.lexeme === "harbour")!;
    const best = (await postingsOf(knowledgeBaseId)).get("harbour")!;
    expect(harbour.ids).toEqual(best.slice(0, LIST_LIMIT).map((posting) => posting.id));
    expect(harbour.floor).toBeCloseTo(best[LIST_LIMIT]!.impact, 9);
    expect(harbour.impacts[0]).toBeCloseTo(best[0]!.impact, 9);

    // A second document whose chunks weigh "harbour" more: they enter the list, which stays at the limit.
    const second = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "More harbour", []);
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: second.documentId, chunks: harbourChunks(40, 1000, 6) });
    await expectListsValid(knowledgeBaseId);
    harbour = (await listsOf(knowledgeBaseId)).find((list) => list.lexeme === "harbour")!;
    expect(harbour.ids).toHaveLength(LIST_LIMIT);
    const secondIds = new Set((await db.prisma.chunk.findMany({ where: { documentId: second.documentId }, select: { id: true } })).map((c) => c.id));
    expect(harbour.ids.slice(0, 40).every((id) => secondIds.has(id))).toBe(true);

    // Re-ingesting the second document (new chunk ids) takes the old ones out and puts the new ones in.
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: second.documentId, chunks: harbourChunks(40, 1000, 6) });
    await expectListsValid(knowledgeBaseId);
    harbour = (await listsOf(knowledgeBaseId)).find((list) => list.lexeme === "harbour")!;
    const reingested = new Set((await db.prisma.chunk.findMany({ where: { documentId: second.documentId }, select: { id: true } })).map((c) => c.id));
    expect(harbour.ids.some((id) => secondIds.has(id))).toBe(false);
    expect(harbour.ids.slice(0, 40).every((id) => reingested.has(id))).toBe(true);

    // An edit changes a chunk's postings in place.
    const [edited] = [...reingested];
    await db.prisma.$executeRaw`UPDATE chunk SET content = 'lighthouse keeper cottage', "tokenCount" = 3 WHERE id = ${edited}`;
    await expectListsValid(knowledgeBaseId);
    const lists = await listsOf(knowledgeBaseId);
    expect(lists.find((list) => list.lexeme === "lighthouse")?.ids).toEqual([edited]);
    expect(lists.find((list) => list.lexeme === "harbour")?.ids).not.toContain(edited);

    // Deleting most chunks brings "harbour" below the limit: its list is rebuilt and holds every chunk again.
    await db.prisma.chunk.deleteMany({ where: { documentId: first.documentId, position: { gte: 60 } } });
    await expectListsValid(knowledgeBaseId);
    harbour = (await listsOf(knowledgeBaseId)).find((list) => list.lexeme === "harbour")!;
    expect(harbour.df).toBe(60 + 39);
    expect(harbour.ids).toHaveLength(99);

    await db.prisma.document.delete({ where: { id: first.documentId } });
    await expectListsValid(knowledgeBaseId);
    await db.prisma.knowledgeBase.delete({ where: { id: knowledgeBaseId } });
    expect(await listsOf(knowledgeBaseId)).toEqual([]);
  });

  it("are kept per knowledge base, and a search over several knowledge bases reads all their lists", async () => {
    const harbourBase = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const ferryBase = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    await seedDocument(db.prisma, { organizationId, knowledgeBaseId: harbourBase }, "Harbour", [
      { content: "The harbour ferry leaves at nine.", embedding: axisVector(DIMENSIONS, 0) },
      { content: "Harbour parking is free.", embedding: axisVector(DIMENSIONS, 1) },
    ]);
    await seedDocument(db.prisma, { organizationId, knowledgeBaseId: ferryBase }, "Ferry", [
      { content: "Ferry tickets ferry times ferry harbour.", embedding: axisVector(DIMENSIONS, 2) },
    ]);
    await expectListsValid(harbourBase);
    await expectListsValid(ferryBase);
    const [harbourLists, ferryLists] = [await listsOf(harbourBase), await listsOf(ferryBase)];
    expect(harbourLists.find((list) => list.lexeme === "harbour")?.ids).toHaveLength(2);
    expect(ferryLists.find((list) => list.lexeme === "harbour")?.ids).toHaveLength(1);

    const input = { organizationId, knowledgeBaseIds: [harbourBase, ferryBase], query: "harbour ferry", limit: 10 };
    const bounds = { exactChunks: 1, candidatePostings: 1 };
    const plan = await planFullTextSearch(db.prisma, { ...input, bounds });
    expect(plan?.candidates.kind !== "within" && plan?.candidates.top).toHaveLength(3);
    const exact = await fullTextSearch(db.prisma, input);
    const bounded = await fullTextSearch(db.prisma, { ...input, bounds });
    expect(bounded.map((hit) => hit.chunkId)).toEqual(exact.map((hit) => hit.chunkId));
    expect(bounded).toHaveLength(3);
  });
});

describe("bounded full-text search over impact-ordered postings", () => {
  it("returns the exact top results on a small corpus, scores included, common terms and all", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const scope = { organizationId, knowledgeBaseId, embeddingModel: `test/${DIMENSIONS}`, dimensions: DIMENSIONS };
    const document = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Harbour", []);
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: document.documentId, chunks: harbourChunks(300) });
    const bounds = { exactChunks: 100, candidatePostings: 10 };
    for (const query of ["harbour ferry", "harbour", "ferry w40 harbour", "pier quay boats", "w7 w8 w9 harbour"]) {
      const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 10 };
      const { candidates } = (await planFullTextSearch(db.prisma, { ...input, bounds }))!;
      expect(candidates.kind !== "within" && candidates.top!.length > 0, query).toBe(true);
      const exact = await fullTextSearch(db.prisma, input);
      const bounded = await fullTextSearch(db.prisma, { ...input, bounds });
      expect(bounded.map((hit) => hit.chunkId), query).toEqual(exact.map((hit) => hit.chunkId));
      bounded.forEach((hit, index) => {
        expect(hit.score).toBeCloseTo(exact[index]!.score, 9);
        expect(hit.coverage).toBeCloseTo(exact[index]!.coverage, 9);
      });
    }
    // A metadata filter keeps to the rarest terms' postings (the best chunks of a term may all be filtered out).
    const filtered = await planFullTextSearch(db.prisma, {
      organizationId,
      knowledgeBaseIds: [knowledgeBaseId],
      query: "harbour ferry",
      limit: 10,
      filters: { documentIds: [document.documentId] },
      bounds: { exactChunks: 100, candidatePostings: 50 },
    });
    expect(filtered?.candidates).toEqual({ kind: "any", lexemes: ["ferry"] });
  });

  it("reads the candidates they bring by primary key, never by scanning the knowledge base's chunks", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const scope = { organizationId, knowledgeBaseId, embeddingModel: `test/${DIMENSIONS}`, dimensions: DIMENSIONS };
    const document = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Harbour", []);
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: document.documentId, chunks: harbourChunks(3000) });
    await db.prisma.$executeRaw`ANALYZE chunk`;
    // As `c.id IN (rarest terms' chunks ∪ postings)` PostgreSQL hashed them against a sequential scan of the chunks.
    const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query: "harbour ferry w40", limit: 10, bounds: { exactChunks: 100, candidatePostings: 10 } };
    const plan = (await planFullTextSearch(db.prisma, input))!;
    expect(plan.candidates.kind !== "within" && plan.candidates.top!.length > 0).toBe(true);
    const explained = await db.prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN ${fullTextSearchQuery(input, plan, "ids")}`;
    const text = explained.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).not.toMatch(/Seq Scan on chunk c\b/);
    expect(text, text).toMatch(/Index Scan using chunk_pkey on chunk c\b/);
  }, 120_000);
});
