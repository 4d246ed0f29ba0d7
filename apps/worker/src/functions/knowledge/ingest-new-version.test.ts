import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import {
  addDocument,
  createKnowledgeBase,
  getDocument,
  retryDocument,
  searchKnowledge,
  type AddedDocument,
  type AddDocumentResult,
  type ServiceContext,
} from "@frontdesk/core";
import { createTestDeps } from "@frontdesk/core/testing";
import { buildImageOnlyPdf, buildPdf, encodeUtf8 } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventBus, type WorkerEventBus } from "../../event-bus";

// A changed version of a ready document that cannot be ingested must not take the previous version away:
// the document stays ready, searches keep finding the old content, and `error` says why the new one failed.

const DIMENSIONS = 8;
const MODEL = "test/versions-8";

/** Synthetic vectors, with a hook run before each batch (to fail it or to search meanwhile). */
class ScriptedEmbeddings extends SyntheticEmbeddings {
  calls = 0;
  beforeBatch: () => Promise<void> = async () => undefined;
  constructor() {
    super({ vectorSize: DIMENSIONS });
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    await this.beforeBatch();
    return super.embedDocuments(texts);
  }
}

let t: Awaited<ReturnType<typeof createTestDeps>>;
let embeddings: ScriptedEmbeddings;
let bus: WorkerEventBus;
let ctx: ServiceContext;

beforeAll(async () => {
  t = await createTestDeps();
  embeddings = new ScriptedEmbeddings();
  const deps = { ...t.deps, rag: { embeddings: { embeddings, model: MODEL, dimensions: DIMENSIONS }, chatModel: null } };
  bus = createEventBus(deps, { retryDelay: () => 1 });
  const org = await t.deps.prisma.organization.create({ data: { id: "org_versions", name: "Versions", slug: "versions" } });
  ctx = { ...deps, events: bus, organizationId: org.id, actor: { type: "system" } };
});
afterAll(async () => {
  await bus?.close();
  await t?.close();
});

const asDocument = (result: AddDocumentResult): AddedDocument => {
  if (result.kind !== "document") throw new Error("expected a document, not a FAQ import");
  return result;
};
const upload = async (kb: string, fileName: string, bytes: Uint8Array) =>
  asDocument(await addDocument(ctx, kb, { kind: "file", fileName, bytes: new Uint8Array(bytes) }));
const settle = () => bus.drain();

/** Which versions the knowledge base's search answers from for `words` (one word per version). */
async function versionsFound(kb: string, words: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const word of words) {
    const results = await searchKnowledge(ctx, { knowledgeBaseId: kb, query: word, limit: 50 });
    for (const result of results) for (const w of words) if (result.content.includes(w)) found.add(w);
  }
  return [...found].sort();
}

const chunkIds = async (documentId: string) =>
  (await t.deps.prisma.chunk.findMany({ where: { documentId }, select: { id: true }, orderBy: { position: "asc" } })).map((c) => c.id);

const guide = (word: string) =>
  encodeUtf8(Array.from({ length: 6 }, (_, i) => `## Part ${i}\n\nThe ${word} edition, paragraph ${i}. ${"Filler text here. ".repeat(20)}`).join("\n\n"));

describe("a failed new version keeps serving the previous one", () => {
  it("embedding failure after retries: ready with the reason, old chunks searched throughout; retry then swaps in the new version", async () => {
    const kb = (await createKnowledgeBase(ctx, { name: "Embedding failure", chunkSize: 100, chunkOverlap: 0 })).id;
    const v1 = await upload(kb, "guide.md", guide("alpha"));
    await settle();
    const ready = await getDocument(ctx, kb, v1.id);
    expect(ready).toMatchObject({ status: "ready", error: null, servingPreviousVersion: false, attempts: 1 });
    const oldChunks = await chunkIds(v1.id);
    expect(oldChunks.length).toBeGreaterThan(1);
    expect(await versionsFound(kb, ["alpha", "beta"])).toEqual(["alpha"]);

    // The new version's embedding provider is down for every attempt; searches meanwhile still see v1.
    const seenDuringRun: string[][] = [];
    embeddings.calls = 0;
    embeddings.beforeBatch = async () => {
      seenDuringRun.push(await versionsFound(kb, ["alpha", "beta"]));
      throw new Error("connection reset by the embedding provider");
    };
    const v2 = await upload(kb, "guide.md", guide("beta"));
    expect(v2).toMatchObject({ id: v1.id, replaced: true, duplicate: false, status: "ready", stage: "queued", servingPreviousVersion: true });
    await settle();
    expect(embeddings.calls).toBe(4); // first attempt + 3 retries

    const failed = await getDocument(ctx, kb, v1.id);
    expect(failed).toMatchObject({
      status: "ready",
      stage: null,
      error: "ingestion failed: connection reset by the embedding provider",
      servingPreviousVersion: true,
      chunkCount: ready.chunkCount,
      tokenCount: ready.tokenCount,
      contentHash: v2.contentHash,
    });
    expect(seenDuringRun).toHaveLength(4);
    expect(seenDuringRun.every((seen) => seen.join() === "alpha")).toBe(true);
    expect(await chunkIds(v1.id)).toEqual(oldChunks);
    expect(await versionsFound(kb, ["alpha", "beta"])).toEqual(["alpha"]);

    // Retry once the provider is back: the new version replaces the old one in one swap.
    embeddings.beforeBatch = async () => {
      seenDuringRun.push(await versionsFound(kb, ["alpha", "beta"]));
    };
    seenDuringRun.length = 0;
    expect(await retryDocument(ctx, v1.id)).toMatchObject({ status: "ready", stage: "queued", error: null, servingPreviousVersion: true });
    await settle();
    expect(seenDuringRun.length).toBeGreaterThan(0);
    expect(seenDuringRun.every((seen) => seen.join() === "alpha")).toBe(true);
    const retried = await getDocument(ctx, kb, v1.id);
    expect(retried).toMatchObject({ status: "ready", stage: null, error: null, servingPreviousVersion: false, attempts: 3 });
    expect(await versionsFound(kb, ["alpha", "beta"])).toEqual(["beta"]);
    expect((await chunkIds(v1.id)).some((id) => oldChunks.includes(id))).toBe(false);

    // Identical content again is a no-op: nothing queued, nothing embedded, the ready document untouched.
    embeddings.calls = 0;
    const again = await upload(kb, "guide.md", guide("beta"));
    expect(again).toMatchObject({ id: v1.id, duplicate: true, replaced: false, status: "ready", stage: null });
    await settle();
    expect(embeddings.calls).toBe(0);
    expect(await getDocument(ctx, kb, v1.id)).toMatchObject({ attempts: 3, updatedAt: retried.updatedAt });
  });

  it("extraction error: the reason is kept, re-uploading the broken file retries it, re-uploading the served version restores it", async () => {
    embeddings.beforeBatch = async () => undefined;
    const kb = (await createKnowledgeBase(ctx, { name: "Extraction failure" })).id;
    const good = await buildPdf({ title: "Manual", pages: ["The alpha manual explains how the kettle works."] });
    const v1 = await upload(kb, "manual.pdf", good);
    await settle();
    expect(await getDocument(ctx, kb, v1.id)).toMatchObject({ status: "ready", error: null });
    const oldChunks = await chunkIds(v1.id);

    const broken = encodeUtf8("%PDF-1.4 this is not really a PDF");
    await upload(kb, "manual.pdf", broken);
    await settle();
    const failed = await getDocument(ctx, kb, v1.id);
    expect(failed).toMatchObject({ status: "ready", stage: null, servingPreviousVersion: true, attempts: 2 });
    expect(failed.error).toMatch(/PDF/);
    expect(await chunkIds(v1.id)).toEqual(oldChunks);
    expect(await versionsFound(kb, ["alpha"])).toEqual(["alpha"]);

    // The same broken bytes again: a retry, like re-uploading a failed file (it fails the same way).
    const reupload = await upload(kb, "manual.pdf", broken);
    expect(reupload).toMatchObject({ duplicate: true, status: "ready", stage: "queued", error: null });
    await settle();
    expect(await getDocument(ctx, kb, v1.id)).toMatchObject({ status: "ready", attempts: 3, error: failed.error, servingPreviousVersion: true });

    // The version that is still serving, uploaded again: nothing to re-embed, the failure is gone.
    embeddings.calls = 0;
    const restored = await upload(kb, "manual.pdf", good);
    expect(restored).toMatchObject({ replaced: true, contentHash: v1.contentHash });
    await settle();
    expect(await getDocument(ctx, kb, v1.id)).toMatchObject({ status: "ready", stage: null, error: null, servingPreviousVersion: false });
    expect(embeddings.calls).toBe(0);
    expect(await chunkIds(v1.id)).toEqual(oldChunks);
  });

  it("no text in the new version: previous chunks stay; a first version that fails has none", async () => {
    const kb = (await createKnowledgeBase(ctx, { name: "Empty version" })).id;
    const v1 = await upload(kb, "notes.md", encodeUtf8("# Notes\n\nThe alpha notes say the office opens at nine."));
    await settle();
    const oldChunks = await chunkIds(v1.id);
    expect(oldChunks).toHaveLength(1);

    await upload(kb, "notes.md", encodeUtf8("   \n\n \t \n"));
    await settle();
    expect(await getDocument(ctx, kb, v1.id)).toMatchObject({
      status: "ready",
      error: expect.stringMatching(/^No text found/),
      servingPreviousVersion: true,
      chunkCount: 1,
    });
    expect(await chunkIds(v1.id)).toEqual(oldChunks);
    expect(await versionsFound(kb, ["alpha"])).toEqual(["alpha"]);

    // Nothing to fall back to: a document whose first version fails is `failed`, and not searchable.
    const scan = await upload(kb, "scan.pdf", await buildImageOnlyPdf());
    await settle();
    expect(await getDocument(ctx, kb, scan.id)).toMatchObject({ status: "failed", servingPreviousVersion: false, chunkCount: 0 });
    expect(await chunkIds(scan.id)).toEqual([]);
  });
});
