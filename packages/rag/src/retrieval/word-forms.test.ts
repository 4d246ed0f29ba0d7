import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch } from "./full-text-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import { wordForms } from "./word-forms";

// Other forms of the question's words (FullTextSearchInput.wordForms), from the knowledge base's own lexemes.

const DIMS = 8;
let db: Database;
const ids = { org: "", kb: "", otherOrg: "", otherKb: "", fetch: "", both: "", motorbike: "" };
const scope = () => ({ organizationId: ids.org, knowledgeBaseIds: [ids.kb] });

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.org = await seedOrganization(prisma, "Docs");
  ids.kb = await seedKnowledgeBase(prisma, ids.org, DIMS);
  ids.otherOrg = await seedOrganization(prisma, "Other");
  ids.otherKb = await seedKnowledgeBase(prisma, ids.otherOrg, DIMS);
  const seed = async (title: string, content: string, where = { organizationId: ids.org, knowledgeBaseId: ids.kb }) =>
    (await seedDocument(prisma, where, title, [{ content, embedding: axisVector(DIMS, 0) }])).chunkIds[0]!;
  ids.fetch = await seed("fetch", "Fetch branches and tags from other repositories, with the objects they need.");
  ids.both = await seed("clone", "Clone a repository: one of the repositories of a server, copied with its history.");
  ids.motorbike = await seed("garage", "We service every motorbike brand in the workshop.");
  await seed("filler", "Breakfast is served from 7 to 10 in the garden.");
  await seed("foreign", "Repositorying repositoried repositories.", { organizationId: ids.otherOrg, knowledgeBaseId: ids.otherKb });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("word forms", () => {
  it("finds the knowledge base's other forms of a word by their endings, never another word or another tenant's", async () => {
    const forms = await wordForms(db.prisma, scope(), ["repository", "motors", "object"]);
    expect(forms.map((form) => [form.lexeme, form.of, form.df]).sort()).toEqual([
      ["objects", "object", 1],
      ["repositories", "repository", 2],
    ]);
  });

  it("let a question match a chunk holding only another form, counting a word and its forms once per chunk", async () => {
    const query = "fetch object repository";
    const plain = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10 });
    const withForms = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: true });
    const coverage = (hits: typeof plain, id: string) => hits.find((hit) => hit.chunkId === id)?.coverage ?? 0;
    // Without forms the fetch page holds one of the three words; with them, all three.
    expect(coverage(plain, ids.fetch)).toBeLessThan(0.5);
    expect(withForms[0]?.chunkId).toBe(ids.fetch);
    expect(coverage(withForms, ids.fetch)).toBeCloseTo(1, 6);
    // "repository" and "repositories" in one chunk are one matched word of the question, not two.
    expect(coverage(withForms, ids.both)).toBeLessThan(0.5);
    expect(withForms[0]!.score).toBeGreaterThan(withForms[1]!.score);
    expect(withForms.map((hit) => hit.chunkId)).not.toContain(ids.motorbike);
  });

  it("changes nothing when off, nor for a question whose words have no other forms here", async () => {
    const query = "breakfast garden";
    expect(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: true })).toEqual(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, textIndex: false }));
  });
});
