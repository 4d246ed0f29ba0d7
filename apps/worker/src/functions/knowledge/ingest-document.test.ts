import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import type { DocumentRef } from "@frontdesk/core";
import { readSentenceVectors, sentenceTextsOf } from "@frontdesk/rag";
import { buildImageOnlyPdf, buildPdf, encodeUtf8 } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, createHarness, faqMarkdown, loadDocument, type Harness, type NewDocument } from "../../../test/ingestion-harness";
import { createEventBus, type WorkerEventBus } from "../../event-bus";
import { createIngestDocument } from "./ingest-document";

let h: Harness;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  h = await createHarness({ UPLOAD_MAX_BYTES: String(5 * 1024 * 1024) });
  site = createServer((req, res) => {
    if (req.url === "/pricing.html") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end("<html><head><title>Pricing</title></head><body><nav>Home</nav><h1>Plans</h1><p>The pro plan costs 20 euros per month.</p></body></html>");
    } else {
      res.statusCode = 404;
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => site?.close(() => resolve()));
  await h?.close();
});

/** Runs the ingest function for a document, to completion or failure; how depends on the runner. */
interface Runner {
  name: string;
  run(ref: DocumentRef): Promise<void>;
}

const inngestTestRunner: Runner = {
  name: "@inngest/test",
  async run(ref) {
    const engine = new InngestTestEngine({ function: createIngestDocument(h.deps) });
    await engine.execute({ events: [{ name: "knowledge/document.added", data: ref }] });
  },
};

let bus: WorkerEventBus | undefined;
const localExecutorRunner: Runner = {
  name: "in-process executor",
  async run(ref) {
    bus ??= createEventBus(h.deps, { retryDelay: () => 5 });
    await bus.send({ name: "knowledge/document.added", data: ref });
    await bus.drain();
  },
};

interface Case {
  name: string;
  document: () => Promise<NewDocument>;
  runs?: number;
  check(state: Awaited<ReturnType<typeof loadDocument>>, context: { chunkIdsAfterFirstRun: string[] }): void;
}

const cases: Case[] = [
  {
    name: "Markdown becomes ready with embedded chunks cut at headings",
    document: async () => ({
      fileName: "help.md",
      mimeType: "text/markdown",
      bytes: encodeUtf8(faqMarkdown(6, 8)),
      knowledgeBase: { chunkSize: 150, chunkOverlap: 20 },
    }),
    check({ document, chunks }) {
      expect(document).toMatchObject({ status: "ready", error: null, title: "Acme help center", mimeType: "text/markdown" });
      expect(document.chunkCount).toBeGreaterThan(3);
      expect(chunks).toHaveLength(document.chunkCount);
      expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, i) => i));
      expect(chunks.every((chunk) => chunk.dims === 512 && chunk.embeddingModel === "local/use-lite-512")).toBe(true);
      expect(chunks.some((chunk) => chunk.content.startsWith("## shipping (2)"))).toBe(true);
      // Every sentence of every chunk has its vector (by the chunk's model) for extractive answers.
      const sentences = chunks.map((chunk) => ({ texts: sentenceTextsOf(chunk.content), stored: readSentenceVectors(chunk.sentenceVectors!) }));
      expect(sentences.every(({ texts, stored }) => texts.every((text) => stored.vectorOf(text)?.length === 512))).toBe(true);
      expect(sentences.filter(({ texts }) => texts.length > 0).length).toBeGreaterThan(3);
      expect(document.tokenCount).toBeGreaterThan(400);
      expect(document.processedAt).toBeInstanceOf(Date);
      expect(document.metadata).toMatchObject({ ingestion: { embeddingModel: "local/use-lite-512", chunkSize: 150 } });
    },
  },
  {
    name: "PDF becomes ready with page numbers on its chunks",
    document: async () => ({
      fileName: "policy.pdf",
      mimeType: "application/pdf",
      bytes: await buildPdf({
        title: "Returns policy",
        pages: ["Items can be returned within 30 days.", "Refunds reach your card within 5 working days.", "Sale items are final."],
      }),
    }),
    check({ document, chunks }) {
      expect(document).toMatchObject({ status: "ready", title: "Returns policy", pageCount: 3, chunkCount: 3 });
      expect(chunks.map((chunk) => chunk.metadata)).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
      expect(chunks[1]!.content).toBe("Refunds reach your card within 5 working days.");
    },
  },
  {
    name: "URL documents are fetched and read with Readability",
    document: async () => ({ url: `${siteUrl}/pricing.html` }),
    check({ document, chunks }) {
      // The page's readable text (Markdown, navigation dropped) is what gets split and embedded.
      expect(document).toMatchObject({ status: "ready", title: "Pricing", mimeType: "text/markdown", chunkCount: 1 });
      expect(document.sizeBytes).toBeGreaterThan(40);
      expect(chunks[0]!.content).toMatch(/^# Pricing\n/);
      expect(chunks[0]!.content).toContain("Plans");
      expect(chunks[0]!.content).toContain("The pro plan costs 20 euros per month.");
      expect(chunks[0]!.content).not.toContain("Home");
    },
  },
  {
    name: "a damaged PDF fails with the extractor's reason",
    document: async () => ({ fileName: "broken.pdf", mimeType: "application/pdf", bytes: (await buildPdf({ pages: ["x"] })).slice(0, 300) }),
    check({ document, chunks }) {
      expect(document.status).toBe("failed");
      expect(document.error).toMatch(/^PDF could not be read \(damaged file\?\)/);
      expect(chunks).toHaveLength(0);
    },
  },
  {
    name: "a scanned PDF fails: no text layer",
    document: async () => ({ fileName: "scan.pdf", bytes: await buildImageOnlyPdf() }),
    check({ document }) {
      expect(document).toMatchObject({ status: "failed", error: "PDF has no text layer (scanned?) — OCR is not available" });
    },
  },
  {
    name: "a file without text never becomes ready",
    document: async () => ({ fileName: "empty.html", bytes: encodeUtf8("<html><body><script>track()</script>\n \n</body></html>") }),
    check({ document, chunks }) {
      expect(document).toMatchObject({ status: "failed", error: "No text found in the file", chunkCount: 0 });
      expect(chunks).toHaveLength(0);
    },
  },
  {
    name: "files over the upload limit fail with both sizes",
    document: async () => ({ fileName: "huge.txt", bytes: encodeUtf8("big"), sizeBytes: 80 * 1024 * 1024 }),
    check({ document }) {
      expect(document).toMatchObject({ status: "failed", error: "file is 80 MB, limit is 5 MB" });
    },
  },
  {
    name: "a knowledge base on an embedding model the server cannot build fails with a clear reason",
    document: async () => ({
      fileName: "a.txt",
      bytes: encodeUtf8("hello"),
      knowledgeBase: { embeddingModel: "openai/text-embedding-3-small", embeddingDimensions: 1536 },
    }),
    check({ document }) {
      expect(document.status).toBe("failed");
      expect(document.error).toMatch(/uses embedding model openai\/text-embedding-3-small, which this server cannot build .* local\/use-lite-512/);
    },
  },
  {
    name: "a missing URL fails with the HTTP status",
    document: async () => ({ url: `${siteUrl}/gone.html` }),
    check({ document }) {
      expect(document).toMatchObject({ status: "failed", error: `could not fetch ${siteUrl}/gone.html: HTTP 404` });
    },
  },
  {
    name: "running twice for the same content is a no-op (no duplicate chunks)",
    runs: 2,
    document: async () => ({ fileName: "faq.md", bytes: encodeUtf8(faqMarkdown(3, 6)), knowledgeBase: { chunkSize: 100, chunkOverlap: 10 } }),
    check({ document, chunks }, { chunkIdsAfterFirstRun }) {
      expect(document.status).toBe("ready");
      expect(chunks).toHaveLength(document.chunkCount);
      expect(chunks.map((chunk) => chunk.id)).toEqual(chunkIdsAfterFirstRun);
    },
  },
];

describe.each([inngestTestRunner, localExecutorRunner])("ingest-document via $name", (runner) => {
  afterAll(async () => {
    await bus?.close();
    bus = undefined;
  });

  it.each(cases)("$name", async (testCase) => {
    const ref = await createDocument(h, await testCase.document());
    await runner.run(ref);
    const chunkIdsAfterFirstRun = (await loadDocument(h, ref)).chunks.map((chunk) => chunk.id);
    for (let run = 1; run < (testCase.runs ?? 1); run += 1) await runner.run(ref);
    testCase.check(await loadDocument(h, ref), { chunkIdsAfterFirstRun });
    // Ingestion embeds every sentence too (for extractive answers): a long document takes a while on 2 busy cores.
  }, 180_000);
});
