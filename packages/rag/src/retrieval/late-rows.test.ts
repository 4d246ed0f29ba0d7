import type { Database, PrismaClient } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkSimilarities } from "./chunk-similarities";
import { FEEDBACK_CHUNKS, feedbackTerms, ORIGINAL_QUERY_WEIGHT } from "./feedback-terms";
import { fullTextSearch, searchFullText } from "./full-text-search";
import { FEEDBACK_MIN_TERMS, longEnoughForFeedback } from "./fusion-decision";
import { DEFAULT_CANDIDATES, DEFAULT_HYBRID_LIMIT, DEFAULT_TEXT_WEIGHT, fuseHits, hybridSearch, type FusionCandidates, type HybridSearchInput } from "./hybrid-search";
import { LexicalProximityReranker } from "./rerank";
import { textIndexCache } from "./text-index-cache";
import { corpusChunk, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import type { FullTextSearchHit, SearchHit } from "./types";
import { vectorSearch } from "./vector-search";
import { decideQueryFusion } from "./vector-spread";

// hybridSearch ranks ids and scores and reads the winners' rows last; this checks it returns exactly what the same
// algorithm returns when both sides carry their rows throughout (how hybridSearch worked before), on the SQL
// scorer and on the in-memory index, with feedback, filters, RRF, minScore and a reranker.

const DIMENSIONS = 8;
const DOCUMENTS = 30;
const CHUNKS_PER_DOCUMENT = 10;
let db: Database;
let prisma: PrismaClient;
let organizationId = "";
let knowledgeBaseId = "";
let taggedDocumentId = "";

/** A bag-of-words vector (words hashed into DIMENSIONS buckets): cosines that follow word overlap, as real ones roughly do. */
function wordVector(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0.05);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let hash = 7;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
    vector[hash % DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const queries = ["w1 w7 w23", "w3 w40 w2", "w11", "w150 w1", "w5 w6 w8 w9 w10", "w2 w2 w300", "what is w4", "w13 w17 w19 w29"];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  organizationId = await seedOrganization(prisma, "Late rows");
  knowledgeBaseId = await seedKnowledgeBase(prisma, organizationId, DIMENSIONS);
  for (let document = 0; document < DOCUMENTS; document += 1) {
    const chunks = Array.from({ length: CHUNKS_PER_DOCUMENT }, (_, at) => {
      const content = corpusChunk(document * CHUNKS_PER_DOCUMENT + at + 5_000);
      return { content, embedding: wordVector(content) };
    });
    const { documentId } = await seedDocument(prisma, { organizationId, knowledgeBaseId }, `Doc ${document}`, chunks);
    if (document % 4 === 1) taggedDocumentId = documentId;
  }
  await prisma.document.update({ where: { id: taggedDocumentId }, data: { tags: ["billing"] } });
  await prisma.$executeRaw`ANALYZE chunk`;
}, 300_000);
afterAll(() => db?.close());

/** hybridSearch as it was written before it read rows last: each side returns its rows, fusion runs on them. */
async function hybridSearchWithRows(input: HybridSearchInput & { queryVector: readonly number[] }): Promise<SearchHit[]> {
  const limit = input.limit ?? DEFAULT_HYBRID_LIMIT;
  const candidates = input.candidates ?? Math.max(DEFAULT_CANDIDATES, limit * 5);
  const scope = { organizationId: input.organizationId, knowledgeBaseIds: input.knowledgeBaseIds, filters: input.filters };
  const textWeight = input.textWeight ?? DEFAULT_TEXT_WEIGHT;
  const [vectorHits, firstPass] = await Promise.all([
    vectorSearch(prisma, { ...scope, queryVector: input.queryVector, limit: candidates }),
    searchFullText(prisma, { ...scope, query: input.query, limit: candidates, textIndex: input.textIndex, wordForms: input.wordForms }),
  ]);
  const textHits = firstPass.hits;
  const found = new Set(vectorHits.map((hit) => hit.chunkId));
  const missing = textHits.filter((hit) => !found.has(hit.chunkId)).map((hit) => hit.chunkId);
  const similarities = await chunkSimilarities(prisma, scope, input.queryVector, missing);
  let fused: FusionCandidates & { vectorHits: typeof vectorHits; textHits: FullTextSearchHit[] } = { vectorHits, textHits, similarities };
  const all = new Map([...similarities, ...vectorHits.map((hit) => [hit.chunkId, hit.score] as const)]);
  const decision =
    input.adaptive ?? true ? decideQueryFusion(textWeight, textHits, all, vectorHits, { feedbackMinAgreement: input.feedbackMinAgreement, minSpread: input.readableSpread }) : { textWeight, feedback: true };
  const options = { ...input, textWeight: decision.textWeight };
  const longEnough = !(input.adaptive ?? true) || longEnoughForFeedback(firstPass.queryTerms, input.feedbackMinTerms === undefined ? FEEDBACK_MIN_TERMS : input.feedbackMinTerms);
  if ((input.feedback ?? true) && decision.feedback && longEnough && textHits.length > 0) {
    const first = fuseHits(fused, options, FEEDBACK_CHUNKS);
    const terms = await feedbackTerms(prisma, scope, { feedback: first.map((hit) => ({ chunkId: hit.chunkId, score: hit.score })) });
    if (terms.length > 0) {
      const within = [...new Set([...textHits, ...vectorHits].map((hit) => hit.chunkId))];
      const expanded = await fullTextSearch(prisma, { ...scope, query: input.query, limit: candidates, feedback: { terms, originalWeight: ORIGINAL_QUERY_WEIGHT }, textIndex: input.textIndex, wordForms: firstPass.forms ?? input.wordForms, within });
      fused = { vectorHits, textHits: expanded, similarities };
    }
  }
  if (!input.reranker) return fuseHits(fused, options, limit);
  const pool = fuseHits(fused, options, Math.max(limit, input.rerankDepth ?? Math.max(20, limit * 3)));
  return (await input.reranker.rerank(input.query, pool)).slice(0, limit);
}

const variants: Array<{ name: string; options: Partial<Omit<HybridSearchInput, "queryVector" | "textQuery">> }> = [
  { name: "defaults", options: {} },
  { name: "feedback on every query", options: { feedbackMinAgreement: null } },
  { name: "no feedback", options: { feedback: false, limit: 20 } },
  { name: "fixed fusion", options: { adaptive: false, limit: 3 } },
  { name: "readable spread", options: { readableSpread: 0.015 } },
  { name: "rrf", options: { fusion: "rrf", textWeight: 0.3 } },
  { name: "minScore", options: { minScore: 0.6, limit: 12 } },
  { name: "filtered", options: { filters: { tags: ["billing"] } } },
  { name: "reranker", options: { reranker: new LexicalProximityReranker(), limit: 5 } },
  { name: "word forms", options: { wordForms: true, feedbackMinAgreement: null } },
];

async function expectSameAsWithRows(textIndex: boolean): Promise<number> {
  let compared = 0;
  for (const query of queries) {
    for (const { name, options } of variants) {
      const input = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, queryVector: wordVector(query), textIndex, ...options };
      const expected = await hybridSearchWithRows(input);
      expect(await hybridSearch(prisma, input), `${name}: "${query}"`).toEqual(expected);
      // The query vector still being computed and the text query still being read (chat embeds the question and
      // reads its expansions while searching): the full-text side starts first, the result is the same.
      const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 20));
      expect(await hybridSearch(prisma, { ...input, queryVector: later(input.queryVector), textQuery: later(undefined) }), `${name} (awaited inputs): "${query}"`).toEqual(expected);
      // An expanded text arriving later: the pass started on the question meanwhile is dropped, the text searched.
      const expanded = { ...input, textQuery: `${query} w5 w31` };
      expect(await hybridSearch(prisma, { ...expanded, textQuery: later(expanded.textQuery) }), `${name} (expanded later): "${query}"`).toEqual(await hybridSearch(prisma, expanded));
      compared += expected.length;
    }
  }
  return compared;
}

describe("hybridSearch reading rows last", () => {
  it("returns the same chunks, rows and scores as fusing full rows (SQL scorer)", async () => {
    expect(await expectSameAsWithRows(false)).toBeGreaterThan(300);
  }, 300_000);

  it("returns the same chunks, rows and scores as fusing full rows (in-memory index)", async () => {
    const cache = textIndexCache(prisma, { minChunks: 0, rebuildDelayMs: 60_000 });
    expect(await cache.build(knowledgeBaseId)).toBeDefined();
    try {
      expect(await expectSameAsWithRows(true)).toBeGreaterThan(300);
    } finally {
      textIndexCache(prisma, {});
    }
  }, 300_000);

  it("reads the stored sentence vectors of the first results with their rows, leaving the results as they were", async () => {
    const input: HybridSearchInput = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query: "w1 w2 w3", queryVector: wordVector("w1 w2 w3"), limit: 8 };
    const plain = await hybridSearch(prisma, input);
    expect(plain.length).toBe(8);
    expect(plain.every((hit) => hit.sentenceVectors === undefined)).toBe(true);
    // Vectors for the 1st and 3rd result by this knowledge base's model; the 2nd's by another model.
    const stored = new Map([
      [plain[0]!.chunkId, Uint8Array.from([1, 2, 3, 250])],
      [plain[2]!.chunkId, Uint8Array.from([9, 8, 7])],
    ]);
    for (const [id, bytes] of stored) await prisma.$executeRaw`UPDATE chunk SET "sentenceVectors" = ${bytes} WHERE id = ${id}`;
    await prisma.$executeRaw`UPDATE chunk SET "sentenceVectors" = ${Uint8Array.from([5])}, "embeddingModel" = 'other/8' WHERE id = ${plain[1]!.chunkId}`;
    try {
      const hits = await hybridSearch(prisma, { ...input, sentenceVectors: { model: `test/${DIMENSIONS}`, first: 3 } });
      expect(hits.map(({ sentenceVectors: _, ...hit }) => hit)).toEqual(plain);
      expect(hits.slice(0, 3).map((hit) => (hit.sentenceVectors ? [...hit.sentenceVectors] : hit.sentenceVectors))).toEqual([[1, 2, 3, 250], null, [9, 8, 7]]);
      // Past `first`, none are read.
      expect(hits.slice(3).every((hit) => hit.sentenceVectors === undefined)).toBe(true);
    } finally {
      await prisma.$executeRaw`UPDATE chunk SET "sentenceVectors" = NULL, "embeddingModel" = ${`test/${DIMENSIONS}`} WHERE id IN (${plain[0]!.chunkId}, ${plain[1]!.chunkId}, ${plain[2]!.chunkId})`;
    }
  });

  it("leaves out a winner whose document stopped being ready", async () => {
    const input: HybridSearchInput = { organizationId, knowledgeBaseIds: [knowledgeBaseId], query: "w1 w2", queryVector: wordVector("w1 w2"), limit: 300, feedback: false };
    const before = await hybridSearch(prisma, input);
    const documentId = before[0]!.documentId;
    await prisma.document.update({ where: { id: documentId }, data: { status: "processing" } });
    try {
      const after = await hybridSearch(prisma, input);
      expect(after.length).toBeGreaterThan(0);
      expect(after.some((hit) => hit.documentId === documentId)).toBe(false);
    } finally {
      await prisma.document.update({ where: { id: documentId }, data: { status: "ready" } });
    }
  });
});
