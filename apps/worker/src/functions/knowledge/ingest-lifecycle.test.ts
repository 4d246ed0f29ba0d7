import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { embedProgress, type IngestionDeps } from "@frontdesk/core";
import { encodeUtf8 } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, createHarness, loadDocument, type Harness } from "../../../test/ingestion-harness";
import { createEventBus, type WorkerEventBus } from "../../event-bus";
import { EMBED_BATCH_SIZE } from "./ingest-document";

const DIMENSIONS = 8;
const MODEL = "test/scripted-8";

/** Synthetic vectors, with a hook run before each batch (to fail it or to look at the document meanwhile). */
class ScriptedEmbeddings extends SyntheticEmbeddings {
  calls = 0;
  beforeBatch: (call: number) => Promise<void> = async () => undefined;
  constructor() {
    super({ vectorSize: DIMENSIONS });
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    await this.beforeBatch(this.calls);
    return super.embedDocuments(texts);
  }
}

/** What an OpenAI-style SDK throws for a 429 with Retry-After. */
const rateLimited = (retryAfterSeconds: string) =>
  Object.assign(new Error("429 Rate limit reached for text-embedding-3-small"), {
    status: 429,
    headers: { "retry-after": retryAfterSeconds },
  });

let h: Harness;
let embeddings: ScriptedEmbeddings;
let bus: WorkerEventBus;
let deps: IngestionDeps;

beforeAll(async () => {
  h = await createHarness({ UPLOAD_MAX_BYTES: String(5 * 1024 * 1024), INGEST_CONCURRENCY: "2" }, { embeddings: "synthetic" });
  embeddings = new ScriptedEmbeddings();
  deps = { ...h.deps, rag: { embeddings: { embeddings, model: MODEL, dimensions: DIMENSIONS }, chatModel: null } };
  bus = createEventBus(deps, { retryDelay: () => 5 });
});
afterAll(async () => {
  await bus?.close();
  await h?.close();
});

const onScriptedModel = { embeddingModel: MODEL, embeddingDimensions: DIMENSIONS };

async function ingest(ref: { organizationId: string; knowledgeBaseId: string; documentId: string }) {
  await bus.send({ name: "knowledge/document.added", data: ref });
  await bus.drain();
  return loadDocument(h, ref);
}

describe("ingestion lifecycle", () => {
  it("a provider 429 with Retry-After is retried through Inngest until the document is ready", async () => {
    embeddings.calls = 0;
    embeddings.beforeBatch = async (call) => {
      if (call <= 2) throw rateLimited("1");
    };
    const ref = await createDocument(h, { fileName: "hours.txt", bytes: encodeUtf8("We open at 9 and close at 5."), knowledgeBase: onScriptedModel });
    const started = Date.now();
    const { document, chunks } = await ingest(ref);
    expect(embeddings.calls).toBe(3);
    // The normal backoff here is 5 ms; only honouring "Retry-After: 1" (twice) takes this long.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(document).toMatchObject({ status: "ready", error: null, stage: null, progress: 100, attempts: 1, chunkCount: 1 });
    expect(chunks).toHaveLength(1);
  });

  it("reports stage and progress as embed batches finish; a CSV gives one chunk per row", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i},Room ${i},"floor ${i % 5}, wing ${i % 3}"`);
    const ref = await createDocument(h, {
      fileName: "rooms.csv",
      bytes: encodeUtf8(`id,name,where\n${rows.join("\n")}\n`),
      knowledgeBase: { ...onScriptedModel, chunkSize: 100, chunkOverlap: 0 },
    });
    const seen: Array<{ stage: string | null; progress: number; status: string }> = [];
    embeddings.beforeBatch = async () => {
      const row = await h.db.prisma.document.findUniqueOrThrow({ where: { id: ref.documentId } });
      seen.push({ stage: row.stage, progress: row.progress, status: row.status });
    };
    const { document, chunks } = await ingest(ref);
    const batches = Math.ceil(150 / EMBED_BATCH_SIZE);
    expect(seen).toEqual(
      Array.from({ length: batches }, (_, i) => ({ stage: "embed", progress: i === 0 ? 20 : embedProgress(i, batches), status: "processing" })),
    );
    expect(document).toMatchObject({ status: "ready", stage: null, progress: 100, chunkCount: 150 });
    expect(chunks[7]!.content).toBe("id: 7\nname: Room 7\nwhere: floor 2, wing 1");
    expect(chunks.every((chunk) => chunk.content.startsWith("id: "))).toBe(true);
  });

  it("JSON Lines with bad lines become ready with the skipped lines as warnings", async () => {
    embeddings.beforeBatch = async () => undefined;
    const ref = await createDocument(h, {
      fileName: "products.jsonl",
      bytes: encodeUtf8('{"sku":"A1","name":"Kettle"}\n{oops}\n{"sku":"B2","name":"Toaster"}\n'),
      knowledgeBase: onScriptedModel,
    });
    const { document, chunks } = await ingest(ref);
    expect(document).toMatchObject({ status: "ready", chunkCount: 2 });
    expect((document.metadata as { warnings: string[] }).warnings).toEqual([expect.stringMatching(/^line 2: /)]);
    expect(chunks.map((chunk) => chunk.content)).toEqual(["sku: A1\nname: Kettle", "sku: B2\nname: Toaster"]);
  });

  it("errors without Retry-After are retried per `retries`, then the document fails with the reason", async () => {
    embeddings.beforeBatch = async () => {
      throw new Error("connection reset by the embedding provider");
    };
    const ref = await createDocument(h, { fileName: "doomed.txt", bytes: encodeUtf8("Never embedded."), knowledgeBase: onScriptedModel });
    embeddings.calls = 0;
    const { document } = await ingest(ref);
    expect(embeddings.calls).toBe(4);
    expect(document).toMatchObject({ status: "failed", stage: null, error: "ingestion failed: connection reset by the embedding provider" });
  });
});
