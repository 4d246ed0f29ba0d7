import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPdf } from "../testing/document-fixtures";
import { htmlPage, startTestSite, type TestSite } from "../testing/test-site";
import { canonicalizeUrl } from "./canonical-url";
import {
  CrawlStartError,
  crawlNextBatch,
  isCrawlComplete,
  isCrawlDone,
  startSiteCrawl,
  type CrawledResource,
  type CrawlEnvironment,
  type CrawlHandler,
  type CrawlSettings,
  type CrawlState,
} from "./crawl-site";

let site: TestSite;
const env: CrawlEnvironment = { fetch: { maxBytes: 1024 * 1024, timeoutMs: 10_000 } };

const pricing = htmlPage(
  "Pricing",
  `<p>Our plans are simple and billed monthly. Every plan includes unlimited conversations and email support.</p>
   <h2>Plans</h2><ul><li>Starter: 10 euros</li><li>Pro: 20 euros</li></ul>
   <table><tr><th>Plan</th><th>Seats</th></tr><tr><td>Starter</td><td>1</td></tr><tr><td>Pro</td><td>5</td></tr></table>
   <p>See <a href="/faq#refunds">refunds</a> and <a href="/faq/">the FAQ again</a>.</p>`,
);

beforeAll(async () => {
  site = await startTestSite({
    "/robots.txt": { body: "User-agent: *\nDisallow: /private\n\nUser-agent: FrontdeskBot\nDisallow: /private\nDisallow: /bots-keep-out\nAllow: /private/open\n\nSitemap: /sitemap-index.xml\n", contentType: "text/plain" },
    "/": htmlPage("Home", `<p>Welcome to Example, the friendly front desk for small companies everywhere.</p>
      <a href="/pricing">Pricing</a> <a href="/faq">FAQ</a> <a href="/private/secret">Secret</a> <a href="/private/open">Open</a>
      <a href="/bots-keep-out">Keep out</a> <a href="/pricing-copy">Pricing (print)</a> <a href="/brochure.pdf">Brochure</a>
      <a href="/logo.png">Logo</a> <a href="https://elsewhere.example/page">Elsewhere</a> <a href="/blog?b=2&a=1">Blog</a>`),
    "/pricing": pricing,
    "/pricing-copy": htmlPage("Pricing (print)", "<p>Printable copy of the pricing page with the same plans.</p>", '<link rel="canonical" href="/pricing">'),
    "/faq": htmlPage("FAQ", `<p>Refunds are possible within 30 days of purchase, no questions asked.</p><a href="/faq/deep">Deep</a>`),
    "/faq/deep": htmlPage("Deep", "<p>A page two links away from the home page.</p>"),
    "/private/secret": htmlPage("Secret", "<p>Should never be fetched.</p>"),
    "/private/open": htmlPage("Open", "<p>Allowed by a more specific Allow line for FrontdeskBot.</p>"),
    "/bots-keep-out": htmlPage("Keep out", "<p>Disallowed for FrontdeskBot only.</p>"),
    "/blog?a=1&b=2": htmlPage("Blog", "<p>News from the team, posted now and then.</p>"),
    "/brochure.pdf": { body: await buildPdf({ pages: ["Brochure: our office opens at nine."] }), contentType: "application/pdf" },
    "/logo.png": { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: "image/png" },
    "/sitemap-index.xml": { body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-pages.xml</loc></sitemap></sitemapindex>`, contentType: "application/xml" },
    "/sitemap-pages.xml": { body: "", contentType: "application/xml" },
  });
  // Sitemaps need absolute URLs.
  site.pages.set("/sitemap-index.xml", { body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.url}/sitemap-pages.xml</loc></sitemap></sitemapindex>`, contentType: "application/xml" });
  site.pages.set("/sitemap-pages.xml", { body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.url}/faq</loc></url><url><loc>${site.url}/pricing</loc></url><url><loc>${site.url}/private/secret</loc></url></urlset>`, contentType: "application/xml" });
  const robots = site.pages.get("/robots.txt")!;
  site.pages.set("/robots.txt", { ...robots, body: String(robots.body).replace("Sitemap: /", `Sitemap: ${site.url}/`) });
});
afterAll(() => site?.close());

function settings(overrides: Partial<CrawlSettings> = {}): CrawlSettings {
  return { startUrl: `${site.url}/`, mode: "url", maxDepth: 2, maxPages: 50, sameOrigin: true, include: [], exclude: [], ...overrides };
}

/** Stores every resource in memory, keyed by canonical URL, with the validators an earlier crawl would keep. */
function memoryHandler(stored = new Map<string, CrawledResource>()): CrawlHandler & { stored: Map<string, CrawledResource> } {
  return {
    stored,
    async validatorsFor(url) {
      const previous = stored.get(url);
      return previous ? { etag: previous.etag, lastModified: previous.lastModified } : null;
    },
    async store(resource) {
      const previous = stored.get(resource.canonicalUrl);
      if (resource.kind === "not_modified") return { outcome: "unchanged", links: previous?.kind === "page" ? previous.links : [] };
      stored.set(resource.canonicalUrl, resource);
      return { outcome: "ingested" };
    },
  };
}

async function crawl(s: CrawlSettings, handler: CrawlHandler): Promise<CrawlState> {
  let state = await startSiteCrawl(s, env);
  while (!isCrawlDone(state, s)) state = await crawlNextBatch(state, s, env, handler, 3);
  return state;
}

const pagePaths = (requests: string[]) => requests.filter((r) => !r.includes("robots.txt")).map((r) => r.replace(/^GET /, ""));

describe("crawlSite", () => {
  it("follows same-origin links, honours robots.txt, dedupes canonical URLs and skips non-HTML", async () => {
    site.requests.length = 0;
    const handler = memoryHandler();
    const state = await crawl(settings(), handler);

    const u = (path: string) => canonicalizeUrl(`${site.url}${path}`)!;
    expect([...handler.stored.keys()].sort()).toEqual(
      [u("/"), u("/pricing"), u("/faq"), u("/faq/deep"), u("/private/open"), u("/blog?a=1&b=2"), u("/brochure.pdf")].sort(),
    );
    expect(site.requests.filter((r) => r.includes("robots.txt"))).toHaveLength(1);
    expect(pagePaths(site.requests)).not.toContain("/private/secret");
    expect(pagePaths(site.requests)).not.toContain("/bots-keep-out");
    expect(site.requests.some((r) => r.includes("elsewhere"))).toBe(false);
    // skipped: two robots-disallowed URLs, the print copy (canonical = /pricing) and the PNG; failed: the 404 /about.
    expect(state.counts).toEqual({ discovered: 12, ingested: 7, unchanged: 0, skipped: 4, failed: 1 });
    expect(state.failures).toEqual([{ url: u("/about"), reason: `${u("/about")} answered HTTP 404` }]);

    const page = handler.stored.get(u("/pricing"));
    expect(page?.kind).toBe("page");
    if (page?.kind !== "page") return;
    expect(page.title).toBe("Pricing");
    expect(page.text).toMatch(/^# Pricing/);
    expect(page.text).toContain("## Plans");
    expect(page.text).toMatch(/- Starter: 10 euros/);
    expect(page.text).toMatch(/Pro\W+5/);
    expect(page.text).not.toContain("cookie settings");
    expect(page.text).not.toContain("About us");
    expect(handler.stored.get(u("/brochure.pdf"))).toMatchObject({ kind: "file", mimeType: "application/pdf" });
  });

  it("fetches exactly maxPages pages and no deeper than maxDepth", async () => {
    site.requests.length = 0;
    const limited = memoryHandler();
    const state = await crawl(settings({ maxPages: 3 }), limited);
    expect(pagePaths(site.requests)).toHaveLength(3);
    expect(state.fetched).toBe(3);
    // Breadth first: the home page, then the first two links (the nav's 404 /about and /pricing).
    expect(state.counts).toMatchObject({ ingested: 2, failed: 1 });
    expect(limited.stored.size).toBe(2);

    const shallow = memoryHandler();
    await crawl(settings({ maxDepth: 1 }), shallow);
    expect([...shallow.stored.keys()].map((url) => new URL(url).pathname)).not.toContain("/faq/deep");
    expect([...shallow.stored.keys()].map((url) => new URL(url).pathname)).toContain("/faq");

    const startOnly = memoryHandler();
    await crawl(settings({ maxDepth: 0 }), startOnly);
    expect(startOnly.stored.size).toBe(1);
  });

  it("keeps the queue bounded by the pages still allowed, so step state stays small on large sites", async () => {
    const links = Array.from({ length: 60 }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(" ");
    const wide = await startTestSite({ "/": htmlPage("Index", `<p>A directory with very many pages listed below.</p>${links}`) });
    try {
      const s = settings({ startUrl: `${wide.url}/`, maxPages: 2 });
      let state = await startSiteCrawl(s, env);
      state = await crawlNextBatch(state, s, env, memoryHandler(), 1);
      // After the start page one page may still be fetched: four candidates are kept for it, not sixty.
      expect(state.queue).toHaveLength(4);
      expect(state.counts.discovered).toBe(5);
    } finally {
      await wide.close();
    }
  });

  it("applies include and exclude patterns to discovered URLs", async () => {
    const handler = memoryHandler();
    await crawl(settings({ include: ["/faq*", "/pricing"], exclude: ["*/deep"] }), handler);
    expect([...handler.stored.keys()].map((url) => new URL(url).pathname).sort()).toEqual(["/", "/faq", "/pricing"]);
  });

  it("reads pages from the sitemaps robots.txt names, through a sitemap index", async () => {
    site.requests.length = 0;
    const handler = memoryHandler();
    const state = await crawl(settings({ mode: "sitemap" }), handler);
    expect([...handler.stored.keys()].map((url) => new URL(url).pathname).sort()).toEqual(["/faq", "/pricing"]);
    expect(state.counts).toMatchObject({ discovered: 3, ingested: 2, skipped: 1 });
    expect(pagePaths(site.requests)).toEqual(["/sitemap-index.xml", "/sitemap-pages.xml", "/faq", "/pricing"]);
  });

  it("asks with stored validators and counts 304 answers as unchanged, still following remembered links", async () => {
    const handler = memoryHandler();
    await crawl(settings(), handler);
    site.requests.length = 0;
    const again = await crawl(settings(), handler);
    expect(again.counts.unchanged).toBe(7);
    expect(again.counts.ingested).toBe(0);
    expect(pagePaths(site.requests).filter((r) => r.endsWith("(conditional)")).length).toBe(7);
  });

  it("records 404/410 pages as gone, keeps pages that failed for other reasons, and says whether it saw its whole scope", async () => {
    const changing = await startTestSite({
      "/": htmlPage("Index", `<p>Index of a small site whose pages come and go.</p><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>`),
      "/about": htmlPage("About", "<p>About this small site.</p>"),
      "/a": { body: "gone", status: 410 },
      "/b": { body: "down", status: 503 },
      "/c": htmlPage("C", "<p>Page C is still here.</p>"),
    });
    try {
      const u = (path: string) => canonicalizeUrl(`${changing.url}${path}`)!;
      const kept: string[] = [];
      const handler = { ...memoryHandler(), keep: async (url: string) => void kept.push(url) };
      const full = settings({ startUrl: `${changing.url}/` });
      const state = await crawl(full, handler);
      expect(state.gone).toEqual([u("/a")]);
      expect(kept).toEqual([u("/b")]);
      expect(isCrawlComplete(state)).toBe(true);

      // Stopped at maxPages with URLs left: not complete, so unreached pages must not count as gone.
      const truncated = await crawl(settings({ startUrl: `${changing.url}/`, maxPages: 2 }), memoryHandler());
      expect(truncated.queue.length).toBeGreaterThan(0);
      expect(isCrawlComplete(truncated)).toBe(false);
    } finally {
      await changing.close();
    }
  });

  it("stops between pages once the handler says the crawl was cancelled", async () => {
    site.requests.length = 0;
    let asked = 0;
    const handler = { ...memoryHandler(), isCancelled: async () => ++asked > 3 };
    const s = settings();
    let state = await startSiteCrawl(s, env);
    state = await crawlNextBatch(state, s, env, handler, 50);
    expect(state.cancelled).toBe(true);
    expect(isCrawlDone(state, s)).toBe(true);
    expect(isCrawlComplete(state)).toBe(false);
    // Three pages of the twelve, and nothing after; the rest stays queued.
    expect(pagePaths(site.requests)).toHaveLength(3);
    expect(state.fetched).toBe(3);
    expect(state.queue.length).toBeGreaterThan(0);
  });

  it("honours robots.txt Crawl-delay between page requests, capped so a huge one cannot stall the worker", async () => {
    const links = ["/a", "/b", "/c"].map((p) => `<a href="${p}">${p}</a>`).join(" ");
    const polite = await startTestSite({
      // Our own group's delay wins over the * group's.
      "/robots.txt": { body: "User-agent: *\nCrawl-delay: 3600\n\nUser-agent: FrontdeskBot\nCrawl-delay: 0.3\n", contentType: "text/plain" },
      "/": htmlPage("Index", `<p>A site that asks crawlers to slow down a little.</p>${links}`),
      "/a": htmlPage("A", "<p>Page A.</p>"),
      "/b": htmlPage("B", "<p>Page B.</p>"),
      "/c": htmlPage("C", "<p>Page C.</p>"),
    });
    const gaps = () => {
      const times = polite.log.filter((entry) => !entry.request.includes("robots.txt")).map((entry) => entry.at);
      return times.slice(1).map((at, i) => at - times[i]!);
    };
    try {
      const s = settings({ startUrl: `${polite.url}/`, maxDepth: 1 });
      // Small batches: the delay also holds across batches (durable steps).
      let state = await startSiteCrawl(s, env);
      while (!isCrawlDone(state, s)) state = await crawlNextBatch(state, s, env, memoryHandler(), 2);
      expect(state.counts.ingested).toBe(4);
      expect(gaps()).toHaveLength(4); // /, /about (404), /a, /b, /c
      for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(270);

      // Only the * group now, asking for an hour between requests: cut to maxCrawlDelayMs.
      polite.pages.set("/robots.txt", { body: "User-agent: *\nCrawl-delay: 3600\n", contentType: "text/plain" });
      polite.log.length = 0;
      const capped: CrawlEnvironment = { ...env, maxCrawlDelayMs: 150 };
      const started = Date.now();
      let again = await startSiteCrawl(s, capped);
      while (!isCrawlDone(again, s)) again = await crawlNextBatch(again, s, capped, memoryHandler(), 10);
      expect(again.counts.ingested).toBe(4);
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(120);
    } finally {
      await polite.close();
    }
  });

  it("fails the crawl with a reason when the start cannot be crawled", async () => {
    await expect(startSiteCrawl(settings({ startUrl: `${site.url}/private/secret` }), env)).rejects.toThrow(
      /robots.txt disallows .*\/private\/secret for FrontdeskBot/,
    );
    const guarded: CrawlEnvironment = { fetch: { ...env.fetch, assertDestination: async () => { throw new Error("127.0.0.1 is a private address"); } } };
    await expect(startSiteCrawl(settings(), guarded)).rejects.toThrow(/is not allowed: 127.0.0.1 is a private address/);

    const missing = settings({ startUrl: `${site.url}/nowhere` });
    const state = await startSiteCrawl(missing, env);
    const failure = await crawlNextBatch(state, missing, env, memoryHandler()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CrawlStartError);
    expect((failure as Error).message).toMatch(/start page could not be read: .*HTTP 404/);

    const closed = await startTestSite();
    await closed.close();
    const unreachable = settings({ startUrl: `${closed.url}/` });
    // robots.txt is unreachable too, which (RFC 9309) forbids everything.
    await expect(startSiteCrawl(unreachable, env)).rejects.toThrow(/robots.txt could not be read/);
  });
});
