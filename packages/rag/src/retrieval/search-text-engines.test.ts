import type { Database } from "@frontdesk/db";
import { createTestDatabase, testServerUrl } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch } from "./full-text-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// The embedded default (PGlite) and PostgreSQL must store the same search words: a knowledge base moved from one to
// the other, or a bench measured on one, must rank alike. Lower-casing is the engine's (the 'simple' parser lowers
// with the database's character type: C.UTF-8 on both), so capitals of every script the product is measured on
// are checked here on each engine, on the chunk's stored tsvector and on a question's words.
// On this machine (PGlite 0.5.14, PostgreSQL 15 on glibc) the two engines lower and classify every BMP character
// alike except 137: circled Latin capitals (U+24B6–U+24CF, not lowered by PGlite) and letters of Unicode versions newer
// than PGlite's tables (e.g. Arabic Extended-B U+0870–U+08C9, Latin Extended-D U+A7C0–U+A7F6), none in the
// languages measured in bench/README.md.

const backends: Array<{ name: string; serverUrl: string | null }> = [
  { name: "pglite", serverUrl: null },
  ...(testServerUrl() ? [{ name: "postgres", serverUrl: testServerUrl()! }] : []),
];

/** Text with capitals, and the words both engines store for it (folded by frontdesk_search_text, then lowered). */
const samples: Array<[text: string, words: string[]]> = [
  // Greek capitals, with tonos (folded to the base letter first) and a capital sigma at a word's end (σ, never ς).
  ["ΑΡΧΕΊΟ Αρχεία ΦΆΚΕΛΟΣ ΌΝΟΜΑ", ["αρχεια", "αρχειο", "ονομα", "φακελοσ"]],
  // Cyrillic capitals, Ё folded to е.
  ["ФАЙЛ Файлы ЁЛКА ПАПКА", ["елка", "папка", "файл", "файлы"]],
  // Turkish dotted capital I lowers to a plain i (as PostgreSQL lowers it), dotless ı stays, I lowers to i.
  ["İSTANBUL İzmir IŞIK ılık", ["istanbul", "izmir", "işik", "ılık"]],
  // German sharp s: capital ẞ lowers to ß, and ß is not expanded to ss.
  ["STRAẞE Straße GROẞ", ["groß", "straße"]],
];

describe.each(backends)("stored search words on $name", ({ serverUrl }) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("lower-cases Greek, Cyrillic, Turkish dotted I and German ß capitals in the chunk's stored tsvector", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    for (const [at, [text, words]] of samples.entries()) {
      const { chunkIds } = await seedDocument(db.prisma, scope, `Sample ${at}`, [{ content: text, embedding: axisVector(384, at) }]);
      const rows = await db.prisma.$queryRaw<Array<{ words: string[] }>>`
        SELECT tsvector_to_array(fts) AS words FROM chunk WHERE id = ${chunkIds[0]!}`;
      expect([...rows[0]!.words].sort()).toEqual([...words].sort());
    }
    // A question in lower case (or in capitals) finds the chunk written in capitals.
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5, wordForms: false });
    expect((await search("αρχειο")).map((hit) => hit.documentTitle)).toEqual(["Sample 0"]);
    expect((await search("ΦΑΚΕΛΟΣ")).map((hit) => hit.documentTitle)).toEqual(["Sample 0"]);
    expect((await search("файлы")).map((hit) => hit.documentTitle)).toEqual(["Sample 1"]);
    expect((await search("istanbul")).map((hit) => hit.documentTitle)).toEqual(["Sample 2"]);
    expect((await search("straße")).map((hit) => hit.documentTitle)).toEqual(["Sample 3"]);
  });
});
