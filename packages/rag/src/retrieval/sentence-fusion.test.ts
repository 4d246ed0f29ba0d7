import { type Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packSentenceVectors } from "../answering/packed-sentence-vectors";
import { hybridSearch } from "./hybrid-search";
import { sentenceSimilarities } from "./sentence-similarities";
import { seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// The best-matching sentence as evidence in fusion (FusionOptions.sentenceWeight). The query vector is e0; each
// vector is cos · e0 + sin · e(k), so every chunk and sentence has exactly the cosine wanted with the query.

const DIMS = 16;
let db: Database;
const ids = { org: "", kb: "", oneSentence: "", wholeChunk: "", noSentences: "" };
const scope = () => ({ organizationId: ids.org, knowledgeBaseIds: [ids.kb] });
const queryVector = Array.from({ length: DIMS }, (_, index) => (index === 0 ? 1 : 0));
const withCosine = (cosine: number, axis: number) =>
  Array.from({ length: DIMS }, (_, index) => (index === 0 ? cosine : index === axis ? Math.sqrt(1 - cosine ** 2) : 0));

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.org = await seedOrganization(prisma, "Sentences");
  ids.kb = await seedKnowledgeBase(prisma, ids.org, DIMS);
  const kb = { organizationId: ids.org, knowledgeBaseId: ids.kb };
  // Three chunks no word of the question matches, so the vector side alone orders them.
  const seed = async (title: string, cosine: number, axis: number) =>
    (await seedDocument(prisma, kb, title, [{ content: `${title} text`, embedding: withCosine(cosine, axis) }])).chunkIds[0]!;
  // A long page about many things, one sentence of which answers: the chunk's vector is far, that sentence close.
  ids.oneSentence = await seed("Handbook", 0.5, 1);
  // A page close to the question as a whole, no sentence of it closer.
  ids.wholeChunk = await seed("Overview", 0.6, 2);
  // A page stored before sentence vectors existed.
  ids.noSentences = await seed("Archive", 0.55, 3);
  const store = async (id: string, vectors: number[][]) => {
    const packed = packSentenceVectors(vectors.map((_, index) => `sentence ${index}`), vectors);
    await prisma.$executeRaw`UPDATE chunk SET "sentenceVectors" = ${Buffer.from(packed)} WHERE id = ${id}`;
  };
  await store(ids.oneSentence, [withCosine(0.2, 4), withCosine(0.9, 5), withCosine(0.3, 6)]);
  await store(ids.wholeChunk, [withCosine(0.6, 7), withCosine(0.55, 8)]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("sentence vectors in fusion", () => {
  it("reads every candidate's sentence cosines, leaving out chunks stored without them", async () => {
    const found = await sentenceSimilarities(db.prisma, scope(), queryVector, [ids.oneSentence, ids.wholeChunk, ids.noSentences]);
    expect([...found.keys()].sort()).toEqual([ids.oneSentence, ids.wholeChunk].sort());
    expect(found.get(ids.oneSentence)!.map((value) => Math.round(value * 100) / 100)).toEqual([0.2, 0.9, 0.3]);
    // Another knowledge base's scope sees none of them.
    expect((await sentenceSimilarities(db.prisma, { organizationId: ids.org, knowledgeBaseIds: ["other"] }, queryVector, [ids.oneSentence])).size).toBe(0);
  });

  it("ranks the chunk holding the closest sentence first once the sentence weighs in; chunks without sentences keep their cosine", async () => {
    const search = (sentenceWeight: number) => hybridSearch(db.prisma, { ...scope(), query: "question", queryVector, limit: 3, sentenceWeight });
    const order = (hits: Awaited<ReturnType<typeof search>>) => hits.map((hit) => hit.chunkId);
    expect(order(await search(0))).toEqual([ids.wholeChunk, ids.noSentences, ids.oneSentence]);
    const blended = await search(0.5);
    // Handbook 0.5 × 0.5 + 0.5 × 0.9 = 0.7 > Overview 0.6 > Archive 0.55 (no sentences: its cosine).
    expect(order(blended)).toEqual([ids.oneSentence, ids.wholeChunk, ids.noSentences]);
    // The hit still reports its chunk's cosine (answering's relevance and minScore read it).
    expect(blended[0]!.vectorScore).toBeCloseTo(0.5, 3);
  });
});
