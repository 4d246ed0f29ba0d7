import { htmlPage, startTestSite, type TestSite } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/ingestion-harness";
import { createEventBus, type WorkerEventBus } from "../../event-bus";
import { recoverStuckCrawls } from "../../recover-stuck-crawls";

let h: Harness;
let bus: WorkerEventBus;
let site: TestSite;
let kbId: string;

const faqBody = (answer: string) =>
  `<p>Answers to the questions our customers ask most often, kept short and up to date by the support team.</p>
   <h2>Refunds</h2><p>${answer}</p><h2>Shipping</h2><ul><li>Standard: 3 days</li><li>Express: next day</li></ul>`;

beforeAll(async () => {
  h = await createHarness({}, { embeddings: "synthetic" });
  bus = createEventBus(h.deps, { retryDelay: () => 5 });
  site = await startTestSite({
    "/robots.txt": { body: "User-agent: *\nDisallow: /admin\n", contentType: "text/plain" },
    "/": htmlPage("Acme", `<p>Acme sells sturdy garden furniture made from recycled wood, shipped across Europe.</p>
      <a href="/faq">FAQ</a> <a href="/faq/">FAQ again</a> <a href="/contact#form">Contact</a> <a href="/admin">Admin</a>`),
    "/faq": htmlPage("FAQ", faqBody("Refunds are possible within 30 days of delivery.")),
    // No ETag: whether it changed is decided by comparing its text.
    "/contact": { body: htmlPage("Contact", "<p>Write to hello@acme.test or call us on weekdays between nine and five.</p>"), etag: false },
    "/about": htmlPage("About us", "<p>Acme was founded in 1999 by two carpenters who loved gardens and good tables.</p>"),
  });
  kbId = (
    await h.db.prisma.knowledgeBase.create({
      data: { organizationId: "org_test", name: "Site", embeddingModel: h.embeddings.model, embeddingDimensions: h.embeddings.dimensions },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await bus?.close();
  await site?.close();
  await h?.close();
});

async function runCrawl(
  data: { startUrl: string; maxDepth?: number; maxPages?: number; mode?: string; knowledgeBaseId?: string },
  target: WorkerEventBus = bus,
) {
  const crawl = await h.db.prisma.crawl.create({
    data: { organizationId: "org_test", knowledgeBaseId: kbId, maxDepth: 2, maxPages: 20, ...data },
  });
  await target.send({
    name: "knowledge/crawl.requested",
    data: { organizationId: "org_test", knowledgeBaseId: crawl.knowledgeBaseId, crawlId: crawl.id },
  });
  await target.drain();
  return h.db.prisma.crawl.findUniqueOrThrow({ where: { id: crawl.id } });
}

async function pages(knowledgeBaseId = kbId) {
  const documents = await h.db.prisma.document.findMany({ where: { knowledgeBaseId }, orderBy: { sourceUri: "asc" } });
  const chunks = await h.db.prisma.chunk.findMany({ where: { knowledgeBaseId }, select: { id: true, documentId: true, content: true } });
  return documents.map((document) => ({ document, chunks: chunks.filter((chunk) => chunk.documentId === document.id) }));
}

describe("crawl-website", () => {
  it("stores one ready url document per canonical page, then re-ingests only the page that changed", async () => {
    const first = await runCrawl({ startUrl: `${site.url}/` });
    expect(first).toMatchObject({ status: "completed", error: null, pagesIngested: 4, pagesUnchanged: 0, pagesFailed: 0 });
    // "/", "/about" (in the navigation), "/faq", "/contact" and "/admin" (robots-disallowed: skipped, never fetched).
    expect(first.pagesDiscovered).toBe(5);
    expect(first.pagesSkipped).toBe(1);
    expect(site.requests).not.toContain("GET /admin");

    const before = await pages();
    expect(before.map((p) => p.document.sourceUri)).toEqual([`${site.url}/`, `${site.url}/about`, `${site.url}/contact`, `${site.url}/faq`]);
    for (const { document, chunks } of before) {
      expect(document).toMatchObject({ status: "ready", sourceKind: "url", crawlId: first.id });
      expect(chunks.length).toBeGreaterThan(0);
    }
    const faq = before.find((p) => p.document.sourceUri === `${site.url}/faq`)!;
    expect(faq.document.title).toBe("FAQ");
    expect(faq.document.httpEtag).toMatch(/^"/);
    expect(faq.chunks.map((c) => c.content).join("\n")).toContain("within 30 days");
    expect(faq.chunks.map((c) => c.content).join("\n")).not.toContain("cookie settings");

    site.pages.set("/faq", { body: htmlPage("FAQ", faqBody("Refunds are possible within 60 days of delivery.")) });
    site.requests.length = 0;
    const second = await runCrawl({ startUrl: `${site.url}/` });
    expect(second).toMatchObject({ status: "completed", pagesIngested: 1, pagesUnchanged: 3, pagesFailed: 0 });
    expect(site.requests).toContain("GET / (conditional)");

    const after = await pages();
    expect(after.map((p) => p.document.id)).toEqual(before.map((p) => p.document.id));
    for (const [i, { document, chunks }] of after.entries()) {
      const previous = before[i]!;
      expect(document.status).toBe("ready");
      if (document.sourceUri === `${site.url}/faq`) {
        expect(chunks.map((c) => c.id)).not.toEqual(previous.chunks.map((c) => c.id));
        expect(chunks.map((c) => c.content).join("\n")).toContain("within 60 days");
        expect(chunks.map((c) => c.content).join("\n")).not.toContain("within 30 days");
      } else {
        // Not re-embedded: the very same chunk rows.
        expect(chunks.map((c) => c.id)).toEqual(previous.chunks.map((c) => c.id));
      }
    }
  }, 180_000);

  it("a re-crawl removes documents and chunks of pages that are gone, only as far as the crawl saw", async () => {
    const kb = await h.db.prisma.knowledgeBase.create({
      data: { organizationId: "org_test", name: "Changing site", embeddingModel: h.embeddings.model, embeddingDimensions: h.embeddings.dimensions },
    });
    const text = (topic: string) => `<p>Everything our customers should know about ${topic}, written down by the team and kept current.</p>`;
    const home = (links: string[]) => htmlPage("Bikes", `${text("renting bikes")}${links.map((l) => `<a href="${l}">${l}</a>`).join(" ")}`);
    const changing = await startTestSite({
      "/": home(["/one", "/two", "/three", "/four"]),
      "/about": htmlPage("About", text("the shop")),
      "/one": htmlPage("One", text("helmets")),
      "/two": htmlPage("Two", text("locks")),
      "/three": htmlPage("Three", text("repairs")),
      "/four": htmlPage("Four", text("tours")),
    });
    const startUrl = `${changing.url}/`;
    const uris = async () => (await pages(kb.id)).map((p) => new URL(p.document.sourceUri!).pathname);
    try {
      const first = await runCrawl({ startUrl, knowledgeBaseId: kb.id });
      expect(first).toMatchObject({ status: "completed", pagesIngested: 6, pagesRemoved: 0 });
      const two = (await pages(kb.id)).find((p) => p.document.sourceUri === `${changing.url}/two`)!;
      expect(two.chunks.length).toBeGreaterThan(0);

      // /one is gone (410), /two is no longer linked, /three is down for a moment (503).
      changing.pages.set("/", { body: home(["/one", "/three", "/four"]) });
      changing.pages.set("/one", { body: "gone", status: 410 });
      changing.pages.set("/three", { body: "down", status: 503 });

      // Stopped at maxPages (/, /about, /one fetched; /three and /four never reached): only the 410 page goes.
      const truncated = await runCrawl({ startUrl, knowledgeBaseId: kb.id, maxPages: 3 });
      expect(truncated).toMatchObject({ status: "completed", pagesRemoved: 1 });
      expect(await uris()).toEqual(["/", "/about", "/four", "/three", "/two"]);

      // A failed crawl removes nothing.
      changing.pages.set("/", { body: "oops", status: 500 });
      const failed = await runCrawl({ startUrl, knowledgeBaseId: kb.id });
      expect(failed).toMatchObject({ status: "failed", pagesRemoved: 0 });
      expect(await uris()).toEqual(["/", "/about", "/four", "/three", "/two"]);

      // A crawl that saw the whole site removes the unlinked page too, and keeps the one that failed with a 503.
      changing.pages.set("/", { body: home(["/one", "/three", "/four"]) });
      const full = await runCrawl({ startUrl, knowledgeBaseId: kb.id });
      expect(full).toMatchObject({ status: "completed", pagesRemoved: 1, pagesFailed: 2 });
      expect(await uris()).toEqual(["/", "/about", "/four", "/three"]);
      expect(await h.db.prisma.chunk.count({ where: { documentId: two.document.id } })).toBe(0);

      // Another start URL is another source: it never removes what this one found.
      const other = await runCrawl({ startUrl: `${changing.url}/four`, knowledgeBaseId: kb.id, maxDepth: 0 });
      expect(other).toMatchObject({ status: "completed", pagesRemoved: 0 });
      expect(await uris()).toEqual(["/", "/about", "/four", "/three"]);
    } finally {
      await changing.close();
    }
  }, 180_000);

  it("recoverStuckCrawls restarts crawls a crashed in-process run left queued or running", async () => {
    const kb = await h.db.prisma.knowledgeBase.create({
      data: { organizationId: "org_test", name: "After a crash", embeddingModel: h.embeddings.model, embeddingDimensions: h.embeddings.dimensions },
    });
    const base = { organizationId: "org_test", knowledgeBaseId: kb.id, maxDepth: 0, maxPages: 5 };
    // As the process left them: one halfway through (stale counts), one never started.
    const running = await h.db.prisma.crawl.create({ data: { ...base, startUrl: `${site.url}/`, status: "running", pagesDiscovered: 9, pagesIngested: 3 } });
    const queued = await h.db.prisma.crawl.create({ data: { ...base, startUrl: `${site.url}/faq`, status: "queued" } });

    const inngestBus = { mode: "inngest", send: async () => { throw new Error("must not send"); } } as unknown as WorkerEventBus;
    expect(await recoverStuckCrawls({ ...h.deps, events: inngestBus })).toBe(0);

    expect(await recoverStuckCrawls({ ...h.deps, events: bus })).toBe(2);
    await bus.drain();
    const after = await h.db.prisma.crawl.findMany({ where: { id: { in: [running.id, queued.id] } }, orderBy: { createdAt: "asc" } });
    expect(after.map((c) => [c.status, c.pagesDiscovered, c.pagesIngested])).toEqual([
      ["completed", 1, 1],
      ["completed", 1, 1],
    ]);
    expect((await pages(kb.id)).map((p) => [p.document.sourceUri, p.document.status])).toEqual([
      [`${site.url}/`, "ready"],
      [`${site.url}/faq`, "ready"],
    ]);
    expect(await recoverStuckCrawls({ ...h.deps, events: bus })).toBe(0);
  }, 120_000);

  it("fails with a clear reason when the start page is disallowed, unreachable or private", async () => {
    const disallowed = await runCrawl({ startUrl: `${site.url}/admin` });
    expect(disallowed).toMatchObject({ status: "failed", pagesIngested: 0 });
    expect(disallowed.error).toMatch(/robots.txt disallows .*\/admin for FrontdeskBot/);

    const missing = await runCrawl({ startUrl: `${site.url}/nowhere` });
    expect(missing.status).toBe("failed");
    expect(missing.error).toMatch(/start page could not be read: .*HTTP 404/);

    const guarded = createEventBus({ ...h.deps, config: { ...h.config, ALLOW_PRIVATE_NETWORK_FETCH: false } }, { retryDelay: () => 5 });
    try {
      const blocked = await runCrawl({ startUrl: `${site.url}/` }, guarded);
      expect(blocked.status).toBe("failed");
      expect(blocked.error).toMatch(/private or reserved address.*ALLOW_PRIVATE_NETWORK_FETCH=true/);
    } finally {
      await guarded.close();
    }
  }, 120_000);
});
