import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceDocumentChunks } from "../store/replace-document-chunks";
import { candidateTerms, fullTextSearch, planFullTextSearch, type ScoredTerm } from "./full-text-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// Full-text statistics kept per knowledge base by triggers on chunk (issue 17), and the bounded candidate search
// that reads them. PGlite by default, PostgreSQL with TEST_DATABASE_URL.

const DIMENSIONS = 8;
let db: Database;
let organizationId = "";

beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = await seedOrganization(db.prisma, "Stats");
});
afterAll(() => db?.close());

/** The statistics as kept, and as counted from the chunks themselves. */
async function statsOf(knowledgeBaseId: string) {
  const kept = await db.prisma.$queryRaw<Array<{ chunks: number; tokens: number }>>`
    SELECT "chunkCount"::int AS chunks, "tokenSum"::int AS tokens FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  const counted = await db.prisma.$queryRaw<Array<{ chunks: number; tokens: number }>>`
    SELECT count(*)::int AS chunks, coalesce(sum(greatest("tokenCount", 1)), 0)::int AS tokens FROM chunk WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  const keptTerms = await db.prisma.$queryRaw<Array<{ lexeme: string; n: number }>>`
    SELECT lexeme, "chunkCount"::int AS n FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId} ORDER BY lexeme`;
  const countedTerms = await db.prisma.$queryRaw<Array<{ lexeme: string; n: number }>>`
    SELECT u.lexeme, count(*)::int AS n FROM chunk c CROSS JOIN LATERAL unnest(tsvector_to_array(c.fts)) AS u(lexeme)
     WHERE c."knowledgeBaseId" = ${knowledgeBaseId} GROUP BY u.lexeme ORDER BY u.lexeme`;
  return { kept: { corpus: kept[0] ?? { chunks: 0, tokens: 0 }, terms: keptTerms }, counted: { corpus: counted[0]!, terms: countedTerms } };
}

const chunk = (content: string, position: number) => ({ content, position, tokenCount: content.split(" ").length, metadata: {}, embedding: axisVector(DIMENSIONS, position % DIMENSIONS) });

describe("knowledge-base text statistics", () => {
  it("follow every write to chunk: a swap, a second swap, an edit, a document deleted, the knowledge base deleted", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const scope = { organizationId, knowledgeBaseId, embeddingModel: `test/${DIMENSIONS}`, dimensions: DIMENSIONS };
    const first = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Hours", [
      { content: "Opening hours: weekdays nine to five.", embedding: axisVector(DIMENSIONS, 0) },
      { content: "Closed on public holidays.", embedding: axisVector(DIMENSIONS, 1) },
    ]);
    const second = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Parking", [
      { content: "Parking is free on weekdays.", embedding: axisVector(DIMENSIONS, 2) },
    ]);
    let stats = await statsOf(knowledgeBaseId);
    expect(stats.kept).toEqual(stats.counted);
    expect(stats.kept.corpus.chunks).toBe(3);
    expect(stats.kept.terms.find((term) => term.lexeme === "weekdays")?.n).toBe(2);

    await replaceDocumentChunks(db.prisma, { ...scope, documentId: first.documentId, chunks: [chunk("Opening hours: Saturdays too.", 0)] });
    await replaceDocumentChunks(db.prisma, { ...scope, documentId: first.documentId, chunks: [chunk("Opening hours: daily from eight.", 0), chunk("Holidays closed.", 1)] });
    await db.prisma.$executeRaw`UPDATE chunk SET content = 'Parking costs two euros an hour.', "tokenCount" = 6 WHERE "documentId" = ${second.documentId}`;
    // Re-embedding changes neither text nor length: the statistics stay as they are.
    await db.prisma.$executeRaw`UPDATE chunk SET "embeddingModel" = 'test/other' WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
    stats = await statsOf(knowledgeBaseId);
    expect(stats.kept).toEqual(stats.counted);
    expect(stats.kept.terms.find((term) => term.lexeme === "weekdays")).toBeUndefined();
    expect(stats.kept.terms.find((term) => term.lexeme === "euros")?.n).toBe(1);

    await db.prisma.document.delete({ where: { id: second.documentId } });
    stats = await statsOf(knowledgeBaseId);
    expect(stats.kept).toEqual(stats.counted);
    expect(stats.kept.corpus.chunks).toBe(2);

    await db.prisma.knowledgeBase.delete({ where: { id: knowledgeBaseId } });
    stats = await statsOf(knowledgeBaseId);
    expect(stats.kept).toEqual({ corpus: { chunks: 0, tokens: 0 }, terms: [] });
  });
});

const term = (lexeme: string, df: number, original = true): ScoredTerm => ({ lexeme, df, original, weight: 1, idf: 1 });

describe("candidate terms", () => {
  it("takes every term in a small knowledge base, the rarest within the budget in a large one, all typed words when every term is common", () => {
    const terms = [term("common", 9_000), term("rare", 40), term("middling", 1_500), term("absent", 0), term("frequent", 3_000)];
    const bounds = { exactChunks: 5_000, candidatePostings: 2_000 };
    expect(candidateTerms(terms, 4_000, bounds)).toEqual({ kind: "any", lexemes: ["common", "rare", "middling", "frequent"] });
    expect(candidateTerms(terms, 100_000, bounds)).toEqual({ kind: "any", lexemes: ["rare", "middling"] });
    expect(candidateTerms(terms, 100_000, { exactChunks: 5_000, candidatePostings: 100 })).toEqual({ kind: "any", lexemes: ["rare"] });
    expect(candidateTerms([term("common", 9_000), term("frequent", 3_000), term("feedback", 4_000, false)], 100_000, bounds)).toEqual({
      kind: "all",
      lexemes: ["frequent", "common"],
    });
  });
});

describe("bounded full-text search with metadata filters", () => {
  it("ranks exactly like scoring every match when the rare terms bring the best chunks in, and reads its statistics", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    const common = (i: number) => `The front desk answers questions about the building, visit number ${i}.`;
    const { documentId } = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Common", [
      ...Array.from({ length: 30 }, (_, i) => ({ content: common(i), embedding: axisVector(DIMENSIONS, i % DIMENSIONS) })),
      { content: "The front desk keeps the locker key for the sauna.", embedding: axisVector(DIMENSIONS, 3) },
      { content: "Sauna towels are at the front desk.", embedding: axisVector(DIMENSIONS, 4) },
    ]);
    // With a metadata filter (without one, impact-ordered postings choose the candidates: top-postings.test.ts).
    const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query: "front desk sauna towels", limit: 5, filters: { documentIds: [documentId] } };
    const plan = await planFullTextSearch(db.prisma, { ...input, bounds: { exactChunks: 10, candidatePostings: 5 } });
    expect(plan).toMatchObject({ chunks: 32, candidates: { kind: "any", lexemes: ["towels", "sauna"] } });
    expect(plan!.terms.find((t) => t.lexeme === "front")?.df).toBe(32);

    const exact = await fullTextSearch(db.prisma, input);
    const bounded = await fullTextSearch(db.prisma, { ...input, bounds: { exactChunks: 10, candidatePostings: 5 } });
    expect(bounded.map((hit) => hit.content)).toEqual(["Sauna towels are at the front desk.", "The front desk keeps the locker key for the sauna."]);
    expect(exact.slice(0, 2).map((hit) => hit.chunkId)).toEqual(bounded.map((hit) => hit.chunkId));
    bounded.forEach((hit, index) => expect(hit.score).toBeCloseTo(exact[index]!.score, 9));
    // The common words still add to the candidates' scores, and coverage is the share of the question found.
    expect(bounded[0]!.coverage).toBeCloseTo(1, 6);

    // Only common words: chunks holding all of them, at most the budget.
    const onlyCommon = await fullTextSearch(db.prisma, { ...input, query: "front desk building", bounds: { exactChunks: 10, candidatePostings: 5 } });
    expect(onlyCommon).toHaveLength(5);
    expect(onlyCommon.every((hit) => hit.content.includes("building"))).toBe(true);
  });
});
