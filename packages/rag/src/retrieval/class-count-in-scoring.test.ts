import type { Database, PrismaClient } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextCandidates, fullTextSearchQuery, planFullTextSearch, searchFullText, type FullTextSearchInput } from "./full-text-search";
import { classChunkCounts } from "./form-class-chunks";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// The SQL scorer counts word-form classes' chunks (classChunks) in its scoring statement (FullTextPlan.counted) instead
// of a statement of their own: the same counts, IDFs, scores and coverage, one round trip less.

const DIMS = 8;
let db: Database;
const ids = { org: "", kb: "", otherOrg: "", otherKb: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.org = await seedOrganization(prisma, "Clinic");
  ids.kb = await seedKnowledgeBase(prisma, ids.org, DIMS);
  ids.otherOrg = await seedOrganization(prisma, "Other");
  ids.otherKb = await seedKnowledgeBase(prisma, ids.otherOrg, DIMS);
  const where = { organizationId: ids.org, knowledgeBaseId: ids.kb };
  const texts = [
    "Our repository holds the booking code; repositories of invoices are kept apart.",
    "Repositories are mirrored nightly; repositories of old bookings are archived.",
    "All repositories are public, and bookings can be changed online.",
    "Clone repositories with git before booking a slot.",
    "Cleaning appointments last thirty minutes; a cleaning costs 65 pounds.",
    "Cleanings are booked at the front desk, and cancelled cleanings are charged.",
    "Breakfast is served from 7 to 10 in the garden.",
  ];
  for (const [at, content] of texts.entries()) await seedDocument(prisma, where, `doc ${at}`, [{ content, embedding: axisVector(DIMS, at % DIMS) }]);
  // Another tenant's forms are never counted.
  await seedDocument(prisma, { organizationId: ids.otherOrg, knowledgeBaseId: ids.otherKb }, "foreign", [
    { content: "Repositories repository bookings booking cleanings cleaning.", embedding: axisVector(DIMS, 0) },
  ]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** The client, counting its $queryRaw statements. */
function counting(prisma: PrismaClient): { client: PrismaClient; statements: () => number } {
  let statements = 0;
  const client = new Proxy(prisma, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return (strings: TemplateStringsArray, ...values: unknown[]) => {
        statements += 1;
        return target.$queryRaw(strings, ...values);
      };
    },
  });
  return { client, statements: () => statements };
}

const questions = ["repository booking", "how much is a cleaning", "repositories bookings cleaning", "breakfast"];

describe("word-form classes counted in the scoring statement", () => {
  for (const classChunks of ["rarer", "all"] as const) {
    it(`scores as counting them first does, with one statement fewer (${classChunks})`, async () => {
      let folded = 0;
      for (const query of questions) {
        const input: FullTextSearchInput = { organizationId: ids.org, knowledgeBaseIds: [ids.kb], query, limit: 10, textIndex: false, wordForms: true, classChunks };
        // Before: the plan counts the classes by their own statement, then the scoring statement.
        const before = counting(db.prisma);
        const plan = await planFullTextSearch(before.client, input);
        const rows = await before.client.$queryRaw<Array<{ chunkId: string; score: number; coverage: number }>>(fullTextSearchQuery(input, plan!));
        const expected = rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score), coverage: Number(row.coverage) }));
        const after = counting(db.prisma);
        const result = await searchFullText(after.client, input);
        expect(result.hits.map((hit) => ({ chunkId: hit.chunkId, score: hit.score, coverage: hit.coverage }))).toEqual(expected);
        const candidates = await fullTextCandidates(db.prisma, input);
        expect(candidates.hits).toEqual(expected);

        const inScoring = await planFullTextSearch(db.prisma, input, { countInScoring: true });
        const counted = inScoring!.counted ?? [];
        if (counted.length === 0) {
          expect(after.statements()).toBe(before.statements());
          continue;
        }
        folded += 1;
        expect(after.statements()).toBe(before.statements() - 1);
        // The statement's IDF for the count the old statement finds is the class's IDF when counted first.
        const held = await classChunkCounts(db.prisma, input, new Map(counted.map((item) => [item.typed, item.lexemes])));
        for (const item of counted) {
          const count = held.get(item.typed)!;
          expect(count).toBeGreaterThanOrEqual(item.least);
          expect(count).toBeLessThan(item.least + item.idfs.length);
          expect(item.idfs[count - item.least]).toBe(plan!.terms.find((term) => term.lexeme === item.typed)!.idf);
        }
      }
      // The questions hold classes to count ("repository", "booking", "cleaning" and their forms here).
      expect(folded).toBeGreaterThanOrEqual(2);
    });
  }

  it("counts them first where the candidates depend on them (above the exact-search bound)", async () => {
    const input: FullTextSearchInput = {
      organizationId: ids.org,
      knowledgeBaseIds: [ids.kb],
      query: "repository booking",
      limit: 10,
      textIndex: false,
      wordForms: true,
      classChunks: "all",
      bounds: { exactChunks: 2, candidatePostings: 1_000 },
    };
    const plan = await planFullTextSearch(db.prisma, input, { countInScoring: true });
    expect(plan!.counted).toBeUndefined();
    const { client, statements } = counting(db.prisma);
    await searchFullText(client, input);
    expect(statements()).toBe(3);
  });
});
