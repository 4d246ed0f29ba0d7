import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { readSentenceVectors, staticEmbeddingModelCatalog, type EmbeddingsProvider } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arabicCorpus, spanishCorpus, type LanguageCorpus } from "./support/multilingual-corpus";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Two synthetic models of different sizes: the runtime's default and one the deployment can also build.
const model384: EmbeddingsProvider = { embeddings: new SyntheticEmbeddings({ vectorSize: 384 }), model: "test/synthetic-384", dimensions: 384 };
const model512: EmbeddingsProvider = { embeddings: new SyntheticEmbeddings({ vectorSize: 512 }), model: "test/synthetic-512", dimensions: 512 };

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApi({
    rag: { embeddings: model384, chatModel: null, embeddingModels: staticEmbeddingModelCatalog([model384, model512]) },
  });
  a = await createTenant(t.deps, "Retrieval");
  b = await createTenant(t.deps, "Other");
  call = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
}, 120_000);
afterAll(() => t?.close());

interface Problem {
  code: string;
  errors?: Array<{ field: string; message: string }>;
}
interface Hit {
  title: string;
  documentId: string;
  content: string;
  score: number;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function newKnowledgeBase(name: string, retrievalSettings?: Record<string, unknown>): Promise<string> {
  const kb = await json<{ id: string }>(await call("POST", "/api/v1/knowledge/bases", { name }), 201);
  if (retrievalSettings) await json(await call("PATCH", `/api/v1/knowledge/bases/${kb.id}`, { retrievalSettings }));
  return kb.id;
}

async function addTexts(knowledgeBaseId: string, passages: Array<{ title: string; text: string }>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const passage of passages) {
    const added = await json<{ id: string }>(await call("POST", `/api/v1/knowledge/bases/${knowledgeBaseId}/documents`, passage), 201);
    ids.set(passage.title, added.id);
  }
  await t.deps.events.drain();
  return ids;
}

const search = async (body: Record<string, unknown>) => (await json<{ data: Hit[] }>(await call("POST", "/api/v1/knowledge/search", body))).data;

describe("per-knowledge-base retrieval settings", () => {
  it("defaults, merges a PATCH, and names the field of an invalid value", async () => {
    const id = await newKnowledgeBase("Settings");
    const fresh = await json<{ retrievalSettings: Record<string, unknown> }>(await call("GET", `/api/v1/knowledge/bases/${id}`));
    expect(fresh.retrievalSettings).toEqual({ fusion: "convex", vectorWeight: 0.5, fullTextWeight: 0.5, minScore: null, topK: 8, rerank: false, feedback: true, adaptiveFusion: true });

    const patched = await json<{ retrievalSettings: Record<string, unknown> }>(
      await call("PATCH", `/api/v1/knowledge/bases/${id}`, { retrievalSettings: { fusion: "rrf", topK: 3, rerank: true, feedback: false } }),
    );
    expect(patched.retrievalSettings).toEqual({ fusion: "rrf", vectorWeight: 0.5, fullTextWeight: 0.5, minScore: null, topK: 3, rerank: true, feedback: false, adaptiveFusion: true });
    const again = await json<{ retrievalSettings: Record<string, unknown> }>(
      await call("PATCH", `/api/v1/knowledge/bases/${id}`, { retrievalSettings: { minScore: 0.4 } }),
    );
    expect(again.retrievalSettings).toMatchObject({ fusion: "rrf", topK: 3, minScore: 0.4 });

    const bothZero = await json<Problem>(
      await call("PATCH", `/api/v1/knowledge/bases/${id}`, { retrievalSettings: { vectorWeight: 0, fullTextWeight: 0 } }),
      422,
    );
    expect(bothZero.errors?.map((error) => error.field)).toEqual(["retrievalSettings.fullTextWeight"]);
    const unknownFusion = await json<Problem>(await call("PATCH", `/api/v1/knowledge/bases/${id}`, { retrievalSettings: { fusion: "max" } }), 422);
    expect(unknownFusion.errors?.[0]?.field).toMatch(/retrievalSettings\.fusion/);
  });

  it("uses topK as the default limit of a search", async () => {
    // Vector search returns every chunk (synthetic vectors), so only the limit bounds the results.
    const id = await newKnowledgeBase("TopK", { topK: 2 });
    await addTexts(id, spanishCorpus.passages.slice(0, 5));
    expect(await search({ query: "horario", knowledgeBaseId: id })).toHaveLength(2);
    expect(await search({ query: "horario", knowledgeBaseId: id, limit: 4 })).toHaveLength(4);
  });

  it("searches with the knowledge base as it is now, though it changed outside this process since its last search here", async () => {
    // A search starts with the scope as this process last read it, while it reads it again: the fresh read decides.
    const id = await newKnowledgeBase("Changing", { topK: 2 });
    await addTexts(id, spanishCorpus.passages.slice(0, 5));
    expect(await search({ query: "horario", knowledgeBaseId: id })).toHaveLength(2);
    // Written straight to the database, as another API process would: nothing in this one hears of it.
    const kb = await t.deps.prisma.knowledgeBase.findUniqueOrThrow({ where: { id } });
    await t.deps.prisma.knowledgeBase.update({ where: { id }, data: { retrievalSettings: { ...(kb.retrievalSettings as object), topK: 3 } } });
    expect(await search({ query: "horario", knowledgeBaseId: id })).toHaveLength(3);
    await t.deps.prisma.knowledgeBase.delete({ where: { id } });
    await json(await call("POST", "/api/v1/knowledge/search", { query: "horario", knowledgeBaseId: id }), 404);
  });
});

describe("languages through the shared search path (no stemming; diacritics folded)", () => {
  // Synthetic vectors carry no meaning, so these knowledge bases search by their full-text side only.
  const cases: Array<[string, LanguageCorpus]> = [
    ["Spanish", spanishCorpus],
    ["Arabic", arabicCorpus],
  ];
  for (const [language, corpus] of cases) {
    it(`finds the right ${language} passage first`, async () => {
      const id = await newKnowledgeBase(language, { vectorWeight: 0, fullTextWeight: 1 });
      await addTexts(id, corpus.passages);
      for (const { query, title } of corpus.queries) {
        const hits = await search({ query, knowledgeBaseId: id, limit: 3 });
        expect(hits[0]?.title, query).toBe(title);
      }
    });
  }
});

describe("metadata filters", () => {
  let id: string;
  let docs: Map<string, string>;
  beforeAll(async () => {
    id = await newKnowledgeBase("Filters", { vectorWeight: 0, fullTextWeight: 1 });
    docs = await addTexts(id, [
      { title: "Billing EN", text: "Invoices are sent by email after checkout." },
      { title: "Billing ES", text: "Invoices for Spanish guests are sent by email in Spanish." },
      { title: "Rooms", text: "Rooms have a desk; invoices can be printed at the front desk." },
    ]);
    await t.deps.prisma.document.update({ where: { id: docs.get("Billing EN") }, data: { tags: ["billing", "en"] } });
    await t.deps.prisma.document.update({ where: { id: docs.get("Billing ES") }, data: { tags: ["billing", "es"] } });
  });

  it("restricts results to documentIds, tags (any of) and sourceKinds", async () => {
    const all = await search({ query: "invoices email", knowledgeBaseId: id });
    expect(all.map((hit) => hit.title).sort()).toEqual(["Billing EN", "Billing ES", "Rooms"]);
    const byTag = await search({ query: "invoices email", knowledgeBaseId: id, filters: { tags: ["es"] } });
    expect(byTag.map((hit) => hit.title)).toEqual(["Billing ES"]);
    const anyTag = await search({ query: "invoices", knowledgeBaseId: id, filters: { tags: ["en", "es"] } });
    expect(anyTag.map((hit) => hit.title).sort()).toEqual(["Billing EN", "Billing ES"]);
    const byDocument = await search({ query: "invoices", knowledgeBaseId: id, filters: { documentIds: [docs.get("Rooms")] } });
    expect(byDocument.map((hit) => hit.title)).toEqual(["Rooms"]);
    expect(await search({ query: "invoices", knowledgeBaseId: id, filters: { sourceKinds: ["url"] } })).toEqual([]);
    const combined = await search({ query: "invoices", knowledgeBaseId: id, filters: { sourceKinds: ["text"], tags: ["billing"], documentIds: [docs.get("Billing EN")] } });
    expect(combined.map((hit) => hit.title)).toEqual(["Billing EN"]);
  });

  it("never widens tenant isolation and validates filter input", async () => {
    const other = await json<{ data: Hit[] }>(
      await callB("POST", "/api/v1/knowledge/search", { query: "invoices", filters: { documentIds: [...docs.values()] } }),
    );
    expect(other.data).toEqual([]);
    const bad = await json<Problem>(await call("POST", "/api/v1/knowledge/search", { query: "x", filters: { sourceKinds: ["pdf"] } }), 422);
    expect(bad.errors?.[0]?.field).toMatch(/filters\.sourceKinds/);
  });
});

describe("query expansions", () => {
  it("adds a term's expansions to the full-text side, with CRUD over REST", async () => {
    const id = await newKnowledgeBase("Expansions", { vectorWeight: 0, fullTextWeight: 1 });
    await addTexts(id, [
      { title: "Internet", text: "Wireless internet is free in every room." },
      { title: "Towels", text: "Fresh towels are delivered every morning." },
    ]);
    expect(await search({ query: "wifi", knowledgeBaseId: id })).toEqual([]);

    const stored = await json<{ term: string; expansions: string[]; source: string }>(
      await call("PUT", `/api/v1/knowledge/bases/${id}/expansions`, { term: "  Wi-Fi ", expansions: ["wireless internet", "internet"] }),
    );
    expect(stored).toMatchObject({ term: "wi fi", expansions: ["wireless internet", "internet"], source: "manual" });
    await json(await call("PUT", `/api/v1/knowledge/bases/${id}/expansions`, { term: "wifi", expansions: ["wireless"] }));
    const listed = await json<{ data: Array<{ term: string }> }>(await call("GET", `/api/v1/knowledge/bases/${id}/expansions`));
    expect(listed.data.map((row) => row.term)).toEqual(["wi fi", "wifi"]);

    expect((await search({ query: "Is there WiFi?", knowledgeBaseId: id }))[0]?.title).toBe("Internet");
    expect((await search({ query: "wi-fi in the room", knowledgeBaseId: id }))[0]?.title).toBe("Internet");

    await json(await call("DELETE", `/api/v1/knowledge/bases/${id}/expansions?term=wifi`));
    expect(await search({ query: "wifi", knowledgeBaseId: id })).toEqual([]);
    await json<Problem>(await call("DELETE", `/api/v1/knowledge/bases/${id}/expansions?term=wifi`), 404);
    const invalid = await json<Problem>(await call("PUT", `/api/v1/knowledge/bases/${id}/expansions`, { term: "!!", expansions: [] }), 422);
    expect(invalid.errors?.map((error) => error.field).sort()).toEqual(["expansions", "term"]);
    await json<Problem>(await callB("GET", `/api/v1/knowledge/bases/${id}/expansions`), 404);
  });
});

describe("re-embedding on model change", () => {
  it("rejects a model the deployment cannot build, naming the field", async () => {
    const problem = await json<Problem>(
      await call("PATCH", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`, { embeddingModel: "test/synthetic-999" }),
      422,
    );
    expect(problem.errors?.[0]?.field).toBe("embeddingModel");
  });

  it("embeds into nextEmbedding in the background, then swaps model, dimensions and vectors at once", async () => {
    const id = await newKnowledgeBase("Reembed", { vectorWeight: 0, fullTextWeight: 1 });
    await addTexts(id, spanishCorpus.passages);
    const before = await search({ query: "piscina", knowledgeBaseId: id });
    expect(before[0]?.title).toBe("es-piscina");

    // The PATCH records the target; the in-process worker starts at once, so the state is read after drain().
    const patched = await json<{ embeddingModel: string; nextEmbeddingModel: string | null; nextEmbeddingDimensions: number | null }>(
      await call("PATCH", `/api/v1/knowledge/bases/${id}`, { embeddingModel: "test/synthetic-512" }),
    );
    expect(patched).toMatchObject({ embeddingModel: "test/synthetic-384", nextEmbeddingModel: "test/synthetic-512", nextEmbeddingDimensions: 512 });
    await t.deps.events.drain();

    const after = await json<Record<string, unknown>>(await call("GET", `/api/v1/knowledge/bases/${id}`));
    expect(after).toMatchObject({
      embeddingModel: "test/synthetic-512",
      embeddingDimensions: 512,
      nextEmbeddingModel: null,
      nextEmbeddingDimensions: null,
      reembedProgress: 100,
      reembedError: null,
    });
    const chunks = await t.deps.prisma.$queryRaw<Array<{ model: string; dims: number; size: number; next: number }>>`
      SELECT "embeddingModel" AS model, "embeddingDimensions" AS dims, vector_dims(embedding) AS size,
             count(*) FILTER (WHERE "nextEmbedding" IS NOT NULL OR "nextEmbeddingModel" IS NOT NULL OR "nextSentenceVectors" IS NOT NULL)::int AS next
        FROM chunk WHERE "knowledgeBaseId" = ${id} GROUP BY 1, 2, 3`;
    expect(chunks).toEqual([{ model: "test/synthetic-512", dims: 512, size: 512, next: 0 }]);
    // The sentence vectors of extractive answers moved to the new model with the chunk vectors.
    const sentences = await t.deps.prisma.chunk.findMany({ where: { knowledgeBaseId: id }, select: { sentenceVectors: true } });
    expect(sentences.map((chunk) => readSentenceVectors(chunk.sentenceVectors!).dimensions)).toEqual(sentences.map(() => 512));

    // Search now embeds the question with the knowledge base's new model, and the vector side is in use again.
    await json(await call("PATCH", `/api/v1/knowledge/bases/${id}`, { retrievalSettings: { vectorWeight: 0.5, fullTextWeight: 0.5 } }));
    const vectorHits = await search({ query: "piscina", knowledgeBaseId: id, limit: 11 });
    expect(vectorHits).toHaveLength(11);
    expect(vectorHits[0]?.title).toBe("es-piscina");

    // Documents added after the switch are embedded with the knowledge base's model, not the server default.
    const [added] = [...(await addTexts(id, [{ title: "es-nuevo", text: "El gimnasio abre a las seis de la mañana." }])).values()];
    const document = await json<{ status: string; error: string | null }>(await call("GET", `/api/v1/knowledge/bases/${id}/documents/${added}`));
    expect(document).toMatchObject({ status: "ready", error: null });
    const newChunks = await t.deps.prisma.$queryRaw<Array<{ model: string; size: number }>>`
      SELECT "embeddingModel" AS model, vector_dims(embedding) AS size FROM chunk WHERE "documentId" = ${added}`;
    expect(newChunks).toEqual([{ model: "test/synthetic-512", size: 512 }]);
  });

  it("embeds chunks added while the run goes on before the swap", async () => {
    const { reembedBatch, swapEmbeddings } = await import("@frontdesk/core");
    const id = await newKnowledgeBase("Growing", { vectorWeight: 0, fullTextWeight: 1 });
    await addTexts(id, spanishCorpus.passages.slice(0, 4));
    await t.deps.prisma.knowledgeBase.update({ where: { id }, data: { nextEmbeddingModel: "test/synthetic-512", nextEmbeddingDimensions: 512 } });
    const ref = { organizationId: a.organizationId, knowledgeBaseId: id, model: "test/synthetic-512" };
    expect(await reembedBatch(t.deps, ref, 2)).toEqual({ status: "embedded", embedded: 2, remaining: 2 });
    expect(await swapEmbeddings(t.deps, ref)).toBe("pending");
    await addTexts(id, spanishCorpus.passages.slice(4, 6));
    expect(await reembedBatch(t.deps, ref, 10)).toEqual({ status: "embedded", embedded: 4, remaining: 0 });
    // Until the swap, searches use the old 384-dimension vectors.
    expect(await t.deps.prisma.chunk.count({ where: { knowledgeBaseId: id, embeddingDimensions: 384 } })).toBe(6);
    expect(await swapEmbeddings(t.deps, ref)).toBe("swapped");
    expect(await t.deps.prisma.chunk.count({ where: { knowledgeBaseId: id, embeddingDimensions: 512, embeddingModel: "test/synthetic-512" } })).toBe(6);
    expect(await reembedBatch(t.deps, ref)).toEqual({ status: "stale" });
  });
});
