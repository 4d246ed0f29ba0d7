import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Embeddings } from "@langchain/core/embeddings";
import type { IngestionDeps } from "@frontdesk/core";
import { encodeUtf8 } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, createHarness, faqMarkdown, loadDocument, type Harness } from "../test/ingestion-harness";
import { createEventBus } from "./event-bus";
import { EMBED_BATCH_SIZE } from "./functions";
import { recoverStuckDocuments } from "./recover-stuck-documents";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({}, { embeddings: "synthetic" });
});
afterAll(() => h?.close());

/** An embedding provider that breaks on chosen calls, like a remote API having a bad moment. */
class FlakyEmbeddings extends Embeddings {
  calls: number[] = [];
  constructor(
    private readonly inner: Embeddings,
    private readonly failOn: (call: number) => boolean,
  ) {
    super({});
  }
  async embedDocuments(texts: string[]) {
    const call = this.calls.push(texts.length);
    if (this.failOn(call)) throw new Error(`embedding API unavailable (call ${call})`);
    return this.inner.embedDocuments(texts);
  }
  embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

const withEmbeddings = (embeddings: Embeddings): IngestionDeps => ({
  ...h.deps,
  rag: { chatModel: null, embeddings: { ...h.embeddings, embeddings } },
});

// About 20 tokens per sentence: at chunkSize 40 this makes two embedding batches of small chunks.
const bigFaq = () => encodeUtf8(faqMarkdown(18, 8));

describe("createEventBus (in-process)", () => {
  it("retries a failed embedding batch without redoing finished batches", async () => {
    const flaky = new FlakyEmbeddings(h.embeddings.embeddings, (call) => call === 2);
    const bus = createEventBus(withEmbeddings(flaky), { retryDelay: () => 5 });
    const ref = await createDocument(h, { fileName: "big.md", bytes: bigFaq(), knowledgeBase: { chunkSize: 40, chunkOverlap: 0 } });
    await bus.send({ name: "knowledge/document.added", data: ref });
    await bus.drain();
    await bus.close();

    const { document, chunks } = await loadDocument(h, ref);
    expect(document.status).toBe("ready");
    const batches = Math.ceil(document.chunkCount / EMBED_BATCH_SIZE);
    expect(batches).toBe(2);
    // One call per batch (chunks and their sentences together): the first ran once; the second failed, and only it
    // ran again, with the same texts.
    expect(flaky.calls).toHaveLength(3);
    expect(flaky.calls[0]).toBeGreaterThan(EMBED_BATCH_SIZE);
    expect(flaky.calls[2]).toBe(flaky.calls[1]);
    expect(flaky.calls[1]).toBeGreaterThan(document.chunkCount - EMBED_BATCH_SIZE);
    expect(chunks).toHaveLength(document.chunkCount);
  });

  it("marks the document failed once retries are exhausted, keeping the reason", async () => {
    const broken = new FlakyEmbeddings(h.embeddings.embeddings, () => true);
    const bus = createEventBus(withEmbeddings(broken), { retryDelay: () => 1 });
    const ref = await createDocument(h, { fileName: "a.md", bytes: encodeUtf8("# Hi\n\nSome text.") });
    await bus.send({ name: "knowledge/document.added", data: ref });
    await bus.drain();
    await bus.close();

    const { document, chunks } = await loadDocument(h, ref);
    expect(document).toMatchObject({ status: "failed", error: "ingestion failed: embedding API unavailable (call 4)" });
    expect(broken.calls).toHaveLength(4); // first attempt + 3 retries
    expect(chunks).toHaveLength(0);
  });

  it("runs at most `concurrency` jobs at once and drains when all are settled", async () => {
    let running = 0;
    let peak = 0;
    class SlowEmbeddings extends Embeddings {
      constructor() {
        super({});
      }
      async embedDocuments(texts: string[]) {
        running += 1;
        peak = Math.max(peak, running);
        // Holds until a second job is embedding too (or 2 s pass): the jobs' extraction runs in worker threads
        // and takes varying time, so a fixed short wait would not reliably overlap two jobs.
        for (let waited = 0; running < 2 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
        return h.embeddings.embeddings.embedDocuments(texts);
      }
      embedQuery(text: string) {
        return h.embeddings.embeddings.embedQuery(text);
      }
    }
    const bus = createEventBus(withEmbeddings(new SlowEmbeddings()), { concurrency: 2 });
    const refs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createDocument(h, { fileName: `n${n}.txt`, bytes: encodeUtf8(`Note number ${n}.`) })),
    );
    await bus.send(refs.map((data) => ({ name: "knowledge/document.added" as const, data })));
    await bus.drain();
    await bus.close();
    expect(peak).toBe(2);
    for (const ref of refs) expect((await loadDocument(h, ref)).document.status).toBe("ready");
  });

  it("rejects malformed events before queueing them", async () => {
    const bus = createEventBus(h.deps);
    await expect(
      bus.send({ name: "knowledge/document.added", data: { organizationId: "o" } as never }),
    ).rejects.toThrow();
    await bus.close();
    await expect(bus.send({ name: "knowledge/document.added", data: { organizationId: "o", knowledgeBaseId: "k", documentId: "d" } })).rejects.toThrow(/closed/);
  });

  it("recoverStuckDocuments re-queues documents left queued or processing", async () => {
    const queued = await createDocument(h, { fileName: "q.txt", bytes: encodeUtf8("Left in the queue.") });
    const processing = await createDocument(h, { fileName: "p.txt", bytes: encodeUtf8("Interrupted mid-way.") });
    await h.db.prisma.document.update({ where: { id: processing.documentId }, data: { status: "processing" } });

    const bus = createEventBus(h.deps, { retryDelay: () => 1 });
    const count = await recoverStuckDocuments({ ...h.deps, events: bus });
    await bus.drain();
    await bus.close();
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await loadDocument(h, queued)).document.status).toBe("ready");
    expect((await loadDocument(h, processing)).document.status).toBe("ready");
    expect(await h.db.prisma.document.count({ where: { status: { in: ["queued", "processing"] } } })).toBe(0);
  });
});

describe("createEventBus (Inngest configured)", () => {
  let server: Server;
  let baseUrl: string;
  const received: Array<{ url: string; body: unknown }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (part: Buffer) => (raw += part.toString()));
      req.on("end", () => {
        received.push({ url: req.url ?? "", body: JSON.parse(raw || "null") });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ ids: ["evt_1"], status: 200 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends events to the Inngest server instead of running them here", async () => {
    const config = { ...h.config, INNGEST_BASE_URL: baseUrl, INNGEST_EVENT_KEY: "test-key" };
    const bus = createEventBus({ ...h.deps, config });
    expect(bus.mode).toBe("inngest");
    const ref = await createDocument(h, { fileName: "remote.txt", bytes: encodeUtf8("Processed elsewhere.") });
    await bus.send({ name: "knowledge/document.added", data: ref });
    await bus.drain();
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe("/e/test-key");
    expect(received[0]!.body).toMatchObject([{ name: "knowledge/document.added", data: ref }]);
    expect((await loadDocument(h, ref)).document.status).toBe("queued");
    expect(await recoverStuckDocuments({ ...h.deps, events: bus })).toBe(0);
  });
});
