import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LED_ORIGINAL_QUERY_WEIGHT, runnerUpShare } from "./feedback-gate";
import { feedbackTerms } from "./feedback-terms";
import { fullTextSearch } from "./full-text-search";
import { FEEDBACK_MIN_TERMS, longEnoughForFeedback } from "./fusion-decision";
import { hybridSearch } from "./hybrid-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// Pseudo-relevance feedback (RM3): the best chunks for "airport shuttle" describe a transfer bus to the
// terminal, so a chunk that says only "transfer bus … terminal" becomes findable by full text.

const DIMS = 384;
let db: Database;
const ids = { org: "", otherOrg: "", kb: "", otherKb: "", shuttle: "", tickets: "", paraphrase: "", foreign: "" };
const scope = () => ({ organizationId: ids.org, knowledgeBaseIds: [ids.kb] });

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.org = await seedOrganization(prisma, "Hotel");
  ids.otherOrg = await seedOrganization(prisma, "Other hotel");
  ids.kb = await seedKnowledgeBase(prisma, ids.org, DIMS);
  ids.otherKb = await seedKnowledgeBase(prisma, ids.otherOrg, DIMS);
  const kb = { organizationId: ids.org, knowledgeBaseId: ids.kb };
  const seed = async (title: string, content: string, axis: number, where = kb) =>
    (await seedDocument(prisma, where, title, [{ content, embedding: axisVector(DIMS, axis) }])).chunkIds[0] ?? "";
  ids.shuttle = await seed("Airport shuttle", "The airport shuttle is a free transfer bus from the hotel entrance to terminal 1; the transfer bus leaves hourly.", 0);
  ids.tickets = await seed("Shuttle tickets", "Airport shuttle: guests ride the transfer bus to the terminal for free, and the transfer takes 20 minutes.", 1);
  ids.paraphrase = await seed("Getting to your flight", "Our transfer bus stops at every terminal; the transfer is free of charge.", 2);
  const fillers = [
    "Breakfast is served in the garden restaurant from 7 to 10.",
    "The spa offers massages and a sauna on the second floor.",
    "Late checkout until 2pm can be booked at reception.",
    "Pets are welcome in ground floor rooms for a small fee.",
    "The rooftop bar serves cocktails every evening.",
    "Parking in the underground garage costs 15 euros per night.",
  ];
  for (const [index, text] of fillers.entries()) await seed(`Info ${index}`, text, 10 + index);
  ids.foreign = await seed("Other tenant", "Transfer bus transfer bus transfer bus zeppelin zeppelin.", 3, { organizationId: ids.otherOrg, knowledgeBaseId: ids.otherKb });
});

afterAll(async () => {
  await db?.close();
});

describe("feedbackTerms", () => {
  it("takes the most probable lexemes of the feedback chunks, without function words or numbers", async () => {
    const terms = await feedbackTerms(db.prisma, scope(), { feedback: [{ chunkId: ids.shuttle, score: 2 }, { chunkId: ids.tickets, score: 1 }] });
    const words = terms.map((term) => term.term);
    expect(words.slice(0, 2).sort()).toEqual(["bus", "transfer"].sort());
    expect(words).toEqual(expect.arrayContaining(["terminal", "airport", "shuttle"]));
    for (const stop of ["the", "a", "to", "is", "for", "1", "20"]) expect(words).not.toContain(stop);
    expect(terms.reduce((sum, term) => sum + term.weight, 0)).toBeCloseTo(1, 6);
    expect(terms.length).toBeLessThanOrEqual(10);
  });

  it("ignores chunks outside the scope and returns nothing without positive scores", async () => {
    expect(await feedbackTerms(db.prisma, scope(), { feedback: [{ chunkId: ids.foreign, score: 5 }] })).toEqual([]);
    expect(await feedbackTerms(db.prisma, scope(), { feedback: [{ chunkId: ids.shuttle, score: 0 }] })).toEqual([]);
    const mixed = await feedbackTerms(db.prisma, scope(), { feedback: [{ chunkId: ids.foreign, score: 5 }, { chunkId: ids.tickets, score: 1 }] });
    expect(mixed.map((term) => term.term)).not.toContain("zeppelin");
  });
});

describe("fullTextSearch with feedback", () => {
  it("finds a chunk sharing only the feedback vocabulary, below the chunks that match the question, with coverage 0", async () => {
    const plain = await fullTextSearch(db.prisma, { ...scope(), query: "How do I get the airport shuttle?", limit: 10 });
    expect(plain.map((hit) => hit.chunkId)).not.toContain(ids.paraphrase);
    const terms = await feedbackTerms(db.prisma, scope(), { feedback: plain.slice(0, 2).map((hit) => ({ chunkId: hit.chunkId, score: hit.score })) });
    const expanded = await fullTextSearch(db.prisma, { ...scope(), query: "How do I get the airport shuttle?", limit: 10, feedback: { terms, originalWeight: 0.5 } });
    const order = expanded.map((hit) => hit.chunkId);
    expect(order).toContain(ids.paraphrase);
    expect(order.indexOf(ids.paraphrase)).toBeGreaterThan(Math.max(order.indexOf(ids.shuttle), order.indexOf(ids.tickets)));
    expect(expanded.find((hit) => hit.chunkId === ids.paraphrase)?.coverage).toBe(0);
    // Coverage still describes the question alone.
    expect(expanded.find((hit) => hit.chunkId === ids.shuttle)?.coverage).toBeCloseTo(plain.find((hit) => hit.chunkId === ids.shuttle)?.coverage ?? -1, 6);
    expect(order).not.toContain(ids.foreign);
  });

  it("scores only the chunks given as `within`, with the scope's document frequencies", async () => {
    const query = "airport shuttle transfer";
    const all = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10 });
    const some = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, within: [ids.tickets, ids.paraphrase, ids.foreign] });
    expect(some.map((hit) => hit.chunkId).sort()).toEqual([ids.tickets, ids.paraphrase].sort());
    for (const hit of some) {
      const same = all.find((other) => other.chunkId === hit.chunkId);
      expect(hit.score).toBeCloseTo(same?.score ?? -1, 9);
      expect(hit.coverage).toBeCloseTo(same?.coverage ?? -1, 9);
    }
    expect(await fullTextSearch(db.prisma, { ...scope(), query, limit: 10, within: [] })).toEqual([]);
  });

  it("weighs feedback by originalWeight: at 1 the question alone ranks", async () => {
    const terms = [{ term: "transfer", weight: 1 }];
    const onlyQuery = await fullTextSearch(db.prisma, { ...scope(), query: "airport shuttle", limit: 10, feedback: { terms, originalWeight: 1 } });
    expect(onlyQuery.map((hit) => hit.chunkId)).not.toContain(ids.paraphrase);
  });
});

// A long question (a topic, not a name) none of whose words the paraphrase holds.
const longQuestion = "airport shuttle leaves hotel entrance hourly guests ride minutes";

describe("hybridSearch feedback", () => {
  it("is on by default for long questions and can be turned off", async () => {
    const queryVector = axisVector(DIMS, 0, 1, 1);
    expect(longEnoughForFeedback(9)).toBe(true);
    const withFeedback = await hybridSearch(db.prisma, { ...scope(), query: longQuestion, queryVector, limit: 5 });
    const without = await hybridSearch(db.prisma, { ...scope(), query: longQuestion, queryVector, limit: 5, feedback: false });
    // Orthogonal embeddings give every other chunk cosine 0, so only full text can lift the paraphrase.
    expect(withFeedback.slice(0, 2).map((hit) => hit.chunkId).sort()).toEqual([ids.shuttle, ids.tickets].sort());
    expect(withFeedback[2]?.chunkId).toBe(ids.paraphrase);
    expect(withFeedback[2]?.score).toBeGreaterThan(0);
    expect(without.find((hit) => hit.chunkId === ids.paraphrase)?.score ?? 0).toBe(0);
    // Every result still reports its cosine similarity, including chunks only the second full-text pass found.
    expect(withFeedback.every((hit) => hit.vectorScore !== null)).toBe(true);
  });

  it("is skipped when the first pass is decisive: both searches rank the same chunk first, by a margin", async () => {
    const query = "airport shuttle";
    const [textFirst] = await fullTextSearch(db.prisma, { ...scope(), query, limit: 1 });
    // A query vector on the full-text winner's axis: both searches agree on it.
    const queryVector = axisVector(DIMS, textFirst!.chunkId === ids.shuttle ? 0 : 1);
    const found = async (decisiveMargin: number | null) =>
      (await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 5, decisiveMargin, feedbackMinTerms: null })).some((hit) => hit.chunkId === ids.paraphrase && hit.score > 0);
    expect(await found(null)).toBe(true);
    expect(await found(0.1)).toBe(false);
    // A lead smaller than the margin is not decisive.
    expect(await found(0.99)).toBe(true);
    // Disagreement on the first chunk is never decisive.
    const otherVector = axisVector(DIMS, textFirst!.chunkId === ids.shuttle ? 1 : 0);
    expect((await hybridSearch(db.prisma, { ...scope(), query, queryVector: otherVector, limit: 5, decisiveMargin: 0, feedbackMinTerms: null })).some((hit) => hit.chunkId === ids.paraphrase && hit.score > 0)).toBe(true);
  });

  it("is skipped for questions shorter than feedbackMinTerms (function words not counted), unless adaptive fusion is off", async () => {
    const queryVector = axisVector(DIMS, 0, 1, 1);
    const lifted = async (query: string, options: { feedbackMinTerms?: number | null; adaptive?: boolean }) =>
      (await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 5, ...options })).some((hit) => hit.chunkId === ids.paraphrase && hit.score > 0);
    // "How do I get the airport shuttle?" has two terms: airport, shuttle.
    expect(await lifted("How do I get the airport shuttle?", { feedbackMinTerms: 3 })).toBe(false);
    expect(await lifted("How do I get the airport shuttle?", { feedbackMinTerms: 2 })).toBe(true);
    expect(await lifted("How do I get the airport shuttle?", { feedbackMinTerms: null })).toBe(true);
    expect(await lifted("How do I get the airport shuttle?", { feedbackMinTerms: 3, adaptive: false })).toBe(true);
    expect(await lifted(longQuestion, { feedbackMinTerms: 9 })).toBe(true);
    expect(await lifted(longQuestion, { feedbackMinTerms: 10 })).toBe(false);
    if (FEEDBACK_MIN_TERMS !== null) expect(await lifted("airport shuttle", {})).toBe(FEEDBACK_MIN_TERMS <= 2);
    expect(longEnoughForFeedback(3, 8)).toBe(false);
    expect(longEnoughForFeedback(8, 8)).toBe(true);
    expect(longEnoughForFeedback(1, null)).toBe(true);
  });

  it("keeps more of the question when the first full-text pass has a clear leader (feedbackMinRunnerUpShare), unless adaptive fusion is off", async () => {
    const queryVector = axisVector(DIMS, 0, 1, 1);
    // The shuttle chunk holds every word; the tickets chunk only "airport shuttle": a clear leader.
    const query = "airport shuttle hotel entrance hourly";
    const text = await fullTextSearch(db.prisma, { ...scope(), query, limit: 10 });
    expect(text[0]?.chunkId).toBe(ids.shuttle);
    const share = runnerUpShare(text) ?? 1;
    expect(share).toBeLessThan(1);
    // The paraphrase holds only feedback's words: its score is feedback's weight.
    const lifted = async (options: { feedbackMinRunnerUpShare?: number | null; adaptive?: boolean; feedbackOriginalWeight?: number }) =>
      (await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 5, feedbackMinTerms: null, ...options })).find((hit) => hit.chunkId === ids.paraphrase)?.score ?? 0;
    const full = await lifted({ feedbackMinRunnerUpShare: null });
    expect(full).toBeGreaterThan(0);
    expect(await lifted({ feedbackMinRunnerUpShare: share })).toBeCloseTo(full, 12);
    const led = await lifted({ feedbackMinRunnerUpShare: share + 0.01 });
    expect(led).toBeGreaterThan(0);
    expect(led).toBeLessThan(full);
    expect(led).toBeCloseTo(await lifted({ feedbackOriginalWeight: LED_ORIGINAL_QUERY_WEIGHT }), 12);
    expect(await lifted({ feedbackMinRunnerUpShare: share + 0.01, adaptive: false })).toBeCloseTo(full, 12);
  });
});
