import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch } from "./full-text-search";
import { indexedFullTextSearch } from "./text-index-search";
import { textIndexCache } from "./text-index-cache";
import { joinedLetters, questionStopwords } from "./letter-parts";
import { stopwordList } from "./query-terms";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

describe("joinedLetters", () => {
  it("finds letters joined to their token by punctuation: I/O, S/MIME, C++, B::Deparse, an option, x-axis", () => {
    expect([...joinedLetters("asynchronous I/O access")].sort()).toEqual(["i", "o"]);
    expect([...joinedLetters("GNU privacy guard - S/MIME version")]).toEqual(["s"]);
    expect([...joinedLetters("extensions to the C++ standard library")]).toEqual(["c"]);
    expect([...joinedLetters("what B::Deparse does")]).toEqual(["b"]);
    expect([...joinedLetters("use the -n option")]).toEqual(["n"]);
    expect([...joinedLetters("label the x-axis")]).toEqual(["x"]);
  });

  it("leaves letters written as words, a sentence's last letter, apostrophes and longer words alone", () => {
    expect(joinedLetters("Can I book a room?").size).toBe(0);
    expect(joinedLetters("Is there a plan B? Or a plan c.").size).toBe(0);
    expect(joinedLetters("System V init scripts").size).toBe(0);
    expect(joinedLetters("I don't know O'Reilly's books").size).toBe(0);
    expect(joinedLetters("read-only file-like objects, utf-8").size).toBe(0);
    expect(joinedLetters("Ça va à Paris").size).toBe(0);
  });
});

describe("questionStopwords", () => {
  it("is the stop word list without the question's joined letters", () => {
    expect(questionStopwords("how do I read a file")).toBe(stopwordList);
    const stop = questionStopwords("I/O scheduling");
    expect(stop).not.toContain("i");
    expect(stop).not.toContain("o");
    expect(stop).toContain("a");
    expect(stop.length).toBe(stopwordList.length - 2);
  });
});

describe("full-text search with joined letters", () => {
  let db: Database;
  let organizationId = "";
  let knowledgeBaseId = "";
  beforeAll(async () => {
    db = await createTestDatabase();
    organizationId = await seedOrganization(db.prisma);
    knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 8);
    const scope = { organizationId, knowledgeBaseId };
    const pages: Array<[title: string, text: string]> = [
      ["Scheduling", "The kernel schedules I/O requests of every process by priority."],
      ["Letters", "Write a letter to the office, and I will answer it."],
      ["Compilers", "The C++ compiler builds the program from its sources."],
      ["Parking", "Guests park in the garage for a fee per night."],
    ];
    for (const [at, [title, text]] of pages.entries()) await seedDocument(db.prisma, scope, title, [{ content: text, embedding: axisVector(8, at) }]);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  const titles = (hits: ReadonlyArray<{ documentTitle: string }>) => hits.map((hit) => hit.documentTitle);

  it("searches the letters of I/O and C++ (SQL scorer), where before the question had no word left", async () => {
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5, textIndex: false });
    expect(titles(await search("I/O"))[0]).toBe("Scheduling");
    expect(titles(await search("C++"))[0]).toBe("Compilers");
    // "I" and "a" written as words stay function words: nothing else in the question, nothing found.
    expect(await search("I a")).toEqual([]);
  });

  it("the in-memory index searches them alike", async () => {
    const cache = textIndexCache(db.prisma, { minChunks: 0, rebuildDelayMs: 60_000 });
    await cache.build(knowledgeBaseId);
    const search = async (query: string) => {
      const result = await indexedFullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
      expect(result).not.toBeNull();
      return result?.hits ?? [];
    };
    expect(titles(await search("I/O"))[0]).toBe("Scheduling");
    expect(titles(await search("C++"))[0]).toBe("Compilers");
  });
});
