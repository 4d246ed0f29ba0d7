import { buildDeeplyNestedHtml, buildDocxBomb, buildGzipSitemapBomb, encodeUtf8, htmlPage, startTestSite, type TestSite } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, createHarness, loadDocument, type Harness } from "../test/ingestion-harness";
import { createEventBus, type WorkerEventBus } from "./event-bus";
import { recoverStuckCrawls } from "./recover-stuck-crawls";
import { recoverStuckDocuments } from "./recover-stuck-documents";

const MB = 1024 * 1024;
let h: Harness;
let bus: WorkerEventBus;
let site: TestSite;

beforeAll(async () => {
  // A small heap for the extraction threads, so the deep page below runs out of it quickly.
  h = await createHarness({ EXTRACTION_MAX_HEAP_MB: "48", INGEST_MAX_ATTEMPTS: "3" }, { embeddings: "synthetic" });
  bus = createEventBus(h.deps, { retryDelay: () => 5 });
  site = await startTestSite({
    "/": htmlPage("Acme", `<p>Acme sells sturdy garden furniture made from recycled wood, shipped across Europe.</p>
      <a href="/deep">Deep</a> <a href="/hours">Hours</a>`),
    "/deep": { body: buildDeeplyNestedHtml(200_000) },
    "/hours": htmlPage("Hours", "<p>We are open from nine to five on weekdays and from ten to two on Saturdays.</p>"),
    "/sitemap.xml.gz": { body: new Uint8Array(0), contentType: "application/gzip" },
  });
  site.pages.set("/sitemap.xml.gz", { body: await buildGzipSitemapBomb(110 * MB, site.url), contentType: "application/gzip" });
}, 120_000);

afterAll(async () => {
  await bus?.close();
  await site?.close();
  await h?.close();
});

async function ingest(ref: { organizationId: string; knowledgeBaseId: string; documentId: string }, target = bus) {
  await target.send({ name: "knowledge/document.added", data: ref });
  await target.drain();
  return (await loadDocument(h, ref)).document;
}

async function crawl(data: { startUrl: string; mode?: string; knowledgeBaseId: string }) {
  const row = await h.db.prisma.crawl.create({ data: { organizationId: "org_test", maxDepth: 1, maxPages: 10, ...data } });
  await bus.send({ name: "knowledge/crawl.requested", data: { organizationId: "org_test", knowledgeBaseId: data.knowledgeBaseId, crawlId: row.id } });
  await bus.drain();
  return h.db.prisma.crawl.findUniqueOrThrow({ where: { id: row.id } });
}

const newKnowledgeBase = async (name: string) =>
  (
    await h.db.prisma.knowledgeBase.create({
      data: { organizationId: "org_test", name, embeddingModel: h.embeddings.model, embeddingDimensions: h.embeddings.dimensions },
    })
  ).id;

describe("hostile input", () => {
  it("a DOCX zip bomb fails with the reason, once, and a normal document ingests right after", async () => {
    const bomb = await buildDocxBomb({ expandedBytes: 110 * MB });
    const hostile = await createDocument(h, { fileName: "bomb.docx", bytes: bomb });
    const normal = await createDocument(h, { fileName: "hours.txt", bytes: encodeUtf8("We open at 9 and close at 5.") });
    // Both at once: the bomb fails alone, the other document does not notice.
    await bus.send([
      { name: "knowledge/document.added", data: hostile },
      { name: "knowledge/document.added", data: normal },
    ]);
    await bus.drain();
    // A permanent failure: not retried (one attempt), the reason says what happened.
    expect((await loadDocument(h, hostile)).document).toMatchObject({ status: "failed", attempts: 1, error: "the file expands to more than 100 MB" });
    expect((await loadDocument(h, normal)).document).toMatchObject({ status: "ready", error: null });

    const after = await createDocument(h, { fileName: "parking.txt", bytes: encodeUtf8("Parking is free in lot B.") });
    expect(await ingest(after)).toMatchObject({ status: "ready", chunkCount: 1 });
  });

  it("a DOCX whose zip header lies about its size fails with the reason", async () => {
    const liar = await createDocument(h, { fileName: "liar.docx", bytes: await buildDocxBomb({ expandedBytes: 110 * MB, declaredBytes: 4096 }) });
    expect(await ingest(liar)).toMatchObject({
      status: "failed",
      error: "the file is damaged or hostile: a part expands past the size its zip header declares",
    });
  });

  it("a file that keeps the parser busy past EXTRACTION_TIMEOUT_SECONDS fails with the reason", async () => {
    const impatient = createEventBus({ ...h.deps, config: { ...h.config, EXTRACTION_TIMEOUT_SECONDS: 0.2, EXTRACTION_MAX_HEAP_MB: 1024 } });
    try {
      const deep = await createDocument(h, { fileName: "deep.html", bytes: buildDeeplyNestedHtml(200_000) });
      expect(await ingest(deep, impatient)).toMatchObject({ status: "failed", error: "extraction took longer than 0.2 s" });
    } finally {
      await impatient.close();
    }
  });

  it("a crawled page that needs more memory than allowed fails alone; the rest of the site is ingested", async () => {
    const knowledgeBaseId = await newKnowledgeBase("Deep site");
    const result = await crawl({ startUrl: `${site.url}/`, knowledgeBaseId });
    const failures = (result.settings as { failures?: Array<{ url: string; reason: string }> }).failures;
    // htmlPage's navigation also links /about, which this site answers with 404.
    expect(result).toMatchObject({ status: "completed", pagesIngested: 2, pagesFailed: 2 });
    expect(failures).toContainEqual({
      url: `${site.url}/deep`,
      reason: `${site.url}/deep could not be read: reading the file needs more than 48 MB of memory (the limit)`,
    });
    const stored = await h.db.prisma.document.findMany({ where: { knowledgeBaseId }, orderBy: { sourceUri: "asc" } });
    expect(stored.map((document) => [document.sourceUri, document.status])).toEqual([
      [`${site.url}/`, "ready"],
      [`${site.url}/hours`, "ready"],
    ]);
  });

  it("a gzip sitemap bomb fails the sitemap crawl with the reason", async () => {
    const result = await crawl({ startUrl: `${site.url}/sitemap.xml.gz`, mode: "sitemap", knowledgeBaseId: await newKnowledgeBase("Bomb sitemap") });
    expect(result).toMatchObject({
      status: "failed",
      error: `no sitemap could be read: ${site.url}/sitemap.xml.gz could not be read: the sitemap expands to more than 100 MB`,
    });
  });

  it("after a restart, documents and crawls left unfinished INGEST_MAX_ATTEMPTS times fail for good; the others are queued again", async () => {
    const exhausted = await createDocument(h, { fileName: "killer.txt", bytes: encodeUtf8("Took the server down three times.") });
    const interrupted = await createDocument(h, { fileName: "once.txt", bytes: encodeUtf8("Interrupted once by a deploy.") });
    // As the process left them: extraction had started (and counted its attempt) when it went down.
    await h.db.prisma.document.update({ where: { id: exhausted.documentId }, data: { status: "processing", stage: "extract", attempts: 3 } });
    await h.db.prisma.document.update({ where: { id: interrupted.documentId }, data: { status: "processing", stage: "extract", attempts: 1 } });
    const knowledgeBaseId = await newKnowledgeBase("Restarted crawls");
    const base = { organizationId: "org_test", knowledgeBaseId, maxDepth: 0, maxPages: 5, status: "running" as const };
    const stuckCrawl = await h.db.prisma.crawl.create({ data: { ...base, startUrl: `${site.url}/`, attempts: 3 } });
    const retriedCrawl = await h.db.prisma.crawl.create({ data: { ...base, startUrl: `${site.url}/hours`, attempts: 1 } });

    const restarted = createEventBus(h.deps, { retryDelay: () => 5 });
    try {
      expect(await recoverStuckDocuments({ ...h.deps, events: restarted })).toBe(1);
      expect(await recoverStuckCrawls({ ...h.deps, events: restarted })).toBe(1);
      await restarted.drain();
    } finally {
      await restarted.close();
    }
    expect((await loadDocument(h, exhausted)).document).toMatchObject({
      status: "failed",
      attempts: 3,
      stage: null,
      error: "ingestion stopped unfinished 3 times (the server went down while it ran); it is not retried automatically any more: retry it by hand",
    });
    expect((await loadDocument(h, interrupted)).document).toMatchObject({ status: "ready", attempts: 2 });
    expect(await h.db.prisma.crawl.findUniqueOrThrow({ where: { id: stuckCrawl.id } })).toMatchObject({
      status: "failed",
      attempts: 3,
      error: "the crawl stopped unfinished 3 times (the server went down while it ran); it is not restarted automatically any more: start it again by hand",
    });
    expect(await h.db.prisma.crawl.findUniqueOrThrow({ where: { id: retriedCrawl.id } })).toMatchObject({ status: "completed", attempts: 2 });
  });
});
