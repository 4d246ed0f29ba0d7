import { Prisma, type Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch, planFullTextSearch, searchFullText } from "./full-text-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import { formCandidates, formPrefix, formSpellings, takesForms } from "./word-forms";

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
    const plan = await planFullTextSearch(db.prisma, { ...scope(), query: "repository motors object", limit: 10, wordForms: true, classChunks: "all" });
    expect(plan!.forms!.map((form) => [form.lexeme, form.of, form.df]).sort()).toEqual([
      ["objects", "object", 1],
      ["repositories", "repository", 2],
    ]);
    // Each form is scored in its word's class at its share, and the class's document frequency is the number of chunks
    // holding any of its words.
    const repository = plan!.terms.find((term) => term.lexeme === "repository")!;
    const repositories = plan!.terms.find((term) => term.lexeme === "repositories")!;
    expect(repositories.group).toBe(repository.group);
    // "repositories" is in twice as many chunks as the typed "repository": it weighs 1 / (1 + 2). Two chunks of this
    // tenant hold one of the two (the clone page both): the class's df is 2, not the shares' 1 + 2 / 3, and never
    // counts the other tenant's "repositories".
    expect(repositories.form).toBeCloseTo(1 / 3, 12);
    expect(repository.df).toBe(2);
    // Counting only forms no commoner than the typed word (the default) and without counting, "repositories" (in more
    // chunks than "repository") counts at its share: 1 + 2 / 3.
    for (const classChunks of [undefined, "rarer", false] as const) {
      const estimated = await planFullTextSearch(db.prisma, { ...scope(), query: "repository motors object", limit: 10, wordForms: true, classChunks });
      expect(estimated!.terms.find((term) => term.lexeme === "repository")!.df).toBeCloseTo(5 / 3, 12);
    }
    expect(plan!.terms.find((term) => term.lexeme === "motors")?.group).toBeUndefined();
  });

  it("let a question match a chunk holding only another form, counting a word and its forms once per chunk", async () => {
    const query = "fetch object repository";
    const plain = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: false });
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

  it("looks up the shared beginning by characters, never numbers or short words", () => {
    expect(formPrefix("repository")).toBe("repo");
    expect(formPrefix("configurations")).toBe("config");
    expect(formPrefix("ñandúes")).toBe("ñand");
    expect(takesForms("shop")).toBe(true);
    expect(takesForms("cat")).toBe(false);
    expect(takesForms("mp3s")).toBe(false);
  });

  it("uses given forms as they are (a later pass of the same question) without looking them up again", async () => {
    const query = "fetch object repository";
    const first = await searchFullText(db.prisma, { ...scope(), query, limit: 10, wordForms: true, textIndex: false });
    expect(first.forms?.length).toBe(2);
    const again = await searchFullText(db.prisma, { ...scope(), query, limit: 10, wordForms: first.forms!, textIndex: false });
    expect(again.hits).toEqual(first.hits);
    // An empty list means no forms, though the knowledge base holds some.
    const none = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: [], textIndex: false });
    expect(none).toEqual(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: false, textIndex: false }));
    expect(none).not.toEqual(first.hits);
  });

  it("looks each prefix up in the prefix index, not by reading every lexeme, and counts a lexeme two prefixes find once", async () => {
    // A knowledge base's worth of other lexemes, so that a scan would cost what it does in a real one.
    await db.prisma.$executeRaw`
      INSERT INTO knowledge_base_term ("knowledgeBaseId", lexeme, "chunkCount")
      SELECT ${ids.kb}, 'w' || md5(g.i::text), 1 FROM generate_series(1, 20000) g(i)`;
    await db.prisma.$executeRaw`ANALYZE knowledge_base_term`;
    // "repositories" (prefix "reposi") and "repository" (prefix "repo") both find "repositories".
    const lookup = (words: string[]) => Prisma.sql`
      WITH bases AS (SELECT kb.id FROM knowledge_base kb WHERE kb.id = ${ids.kb}),
           query_terms AS (SELECT unnest(${words}::text[]) AS lexeme)
      ${formCandidates([])}`;
    const plan = await db.prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN ${lookup(["repository", "repositories", "objects"])}`;
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("knowledge_base_term_prefix_idx");
    expect(text).not.toMatch(/Seq Scan on knowledge_base_term/);
    const found = await db.prisma.$queryRaw<Array<{ lexeme: string; df: number }>>`${lookup(["repository", "repositories"])}`;
    expect(found.map((row) => [row.lexeme, Number(row.df)]).sort()).toEqual([
      ["repositories", 2],
      ["repository", 1],
    ]);
  });

  it("finds Arabic forms that differ at the beginning as well as the end, by exact spellings", async () => {
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, ids.org, DIMS);
    const where = { organizationId: ids.org, knowledgeBaseId };
    const files = (await seedDocument(db.prisma, where, "files", [{ content: "يمكنك فتح الملفات وحفظها بسهولة", embedding: axisVector(DIMS, 0) }])).chunkIds[0];
    await seedDocument(db.prisma, where, "weather", [{ content: "الطقس اليوم مشمس في المدينة", embedding: axisVector(DIMS, 1) }]);
    const search = { organizationId: ids.org, knowledgeBaseIds: [knowledgeBaseId], limit: 10 };
    const plan = await planFullTextSearch(db.prisma, { ...search, query: "ملف محفوظ", wordForms: true });
    expect(plan!.forms!.map((form) => [form.lexeme, form.of])).toEqual([["الملفات", "ملف"]]);
    expect(await fullTextSearch(db.prisma, { ...search, query: "ملف", wordForms: false, textIndex: false })).toEqual([]);
    expect((await fullTextSearch(db.prisma, { ...search, query: "ملف", wordForms: true, textIndex: false })).map((hit) => hit.chunkId)).toEqual([files]);
    // The exact spellings are read by the primary key, not by reading every lexeme.
    await db.prisma.$executeRaw`ANALYZE knowledge_base_term`;
    const explain = await db.prisma.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN
      WITH bases AS (SELECT kb.id FROM knowledge_base kb WHERE kb.id = ${ids.kb}),
           query_terms AS (SELECT unnest(${["ملف"]}::text[]) AS lexeme)
      ${formCandidates(formSpellings(["ملف"]))}`;
    expect(explain.map((row) => row["QUERY PLAN"]).join("\n")).not.toMatch(/Seq Scan on knowledge_base_term/);
  });

  it("changes nothing when off, nor for a question whose words have no other forms here", async () => {
    const query = "breakfast garden";
    expect(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: true })).toEqual(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, wordForms: false, textIndex: false }));
  });
});
