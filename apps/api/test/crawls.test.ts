import { htmlPage, startTestSite, type TestSite } from "@frontdesk/rag/testing";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import type { AppRouter } from "../src/trpc";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

let t: Awaited<ReturnType<typeof createTestApi>>;
let site: TestSite;
let a: Tenant;
let b: Tenant;
let callA: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

interface CrawlBody {
  id: string;
  status: string;
  finishedAt: string | null;
  pagesRemoved: number;
  pagesDiscovered: number;
  pagesIngested: number;
  pagesUnchanged: number;
  pagesSkipped: number;
  pagesFailed: number;
  error: string | null;
  failures: { url: string; reason: string }[];
}

beforeAll(async () => {
  // The test site is on 127.0.0.1, which only this setting lets the crawler reach.
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Alpha");
  b = await createTenant(t.deps, "Beta");
  callA = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
  site = await startTestSite({
    "/": htmlPage("Garden shop", `<p>We sell plants, pots and tools for small city gardens and balconies.</p><a href="/care">Plant care</a>`),
    "/care": htmlPage("Plant care", "<p>Water succulents once a fortnight and keep them in bright light.</p>"),
  });
}, 120_000);
afterAll(async () => {
  await site?.close();
  await t?.close();
});

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as { code: string; errors?: { field: string; message: string }[] };
}

describe("REST /knowledge/bases/{id}/crawls", () => {
  it("queues a crawl (202), runs it and reports the counts; the pages become searchable url documents", async () => {
    const started = await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: `${site.url}/`, maxPages: 10 });
    expect(started.status).toBe(202);
    const crawl = (await started.json()) as CrawlBody;
    expect(crawl).toMatchObject({ status: "queued", pagesIngested: 0 });

    await t.deps.events.drain();
    const done = (await (await callA("GET", `/api/v1/knowledge/crawls/${crawl.id}`)).json()) as CrawlBody;
    // The navigation links to /about, which the site does not have.
    expect(done).toMatchObject({ status: "completed", pagesIngested: 2, pagesFailed: 1, error: null });
    expect(done.failures).toEqual([{ url: `${site.url}/about`, reason: `${site.url}/about answered HTTP 404` }]);

    const list = (await (await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`)).json()) as { data: CrawlBody[] };
    expect(list.data.map((c) => c.id)).toEqual([crawl.id]);

    const documents = (await (await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`)).json()) as {
      data: { sourceKind: string; sourceUri: string; status: string }[];
    };
    expect(documents.data.filter((d) => d.sourceKind === "url").map((d) => [d.sourceUri, d.status]).sort()).toEqual([
      [`${site.url}/`, "ready"],
      [`${site.url}/care`, "ready"],
    ]);
    const search = (await (await callA("POST", "/api/v1/knowledge/search", { query: "succulents fortnight", knowledgeBaseId: a.knowledgeBaseId })).json()) as {
      data: { content: string }[];
    };
    expect(search.data[0]?.content).toContain("Water succulents once a fortnight");
  }, 120_000);

  it("answers 422 naming the field for invalid input and 404 across organizations", async () => {
    const invalid = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: "ftp://example.com", maxPages: 0, mode: "spider" }),
      422,
    );
    expect(invalid.errors?.map((e) => e.field).sort()).toEqual(["maxPages", "mode", "url"]);
    await problem(await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: `${site.url}/`, extra: 1 }), 422);

    await problem(await callB("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: `${site.url}/` }), 404);
    await problem(await callB("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`), 404);
    const [own] = ((await (await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`)).json()) as { data: CrawlBody[] }).data;
    await problem(await callB("GET", `/api/v1/knowledge/crawls/${own!.id}`), 404);
  });

  it("documents the crawl endpoints in the OpenAPI document", async () => {
    const spec = (await (await t.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(spec.paths["/knowledge/bases/{id}/crawls"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(spec.paths["/knowledge/crawls/{crawlId}"] ?? {})).toEqual(["get"]);
    expect(Object.keys(spec.paths["/knowledge/crawls/{crawlId}/cancel"] ?? {})).toEqual(["post"]);
  });

  it("cancels a running crawl: no page is fetched after the cancel, the crawl ends cancelled; finished ones answer 409", async () => {
    const products = Array.from({ length: 20 }, (_, i) => `/product/${i}`);
    const slow = await startTestSite({
      "/": htmlPage("Catalogue", `<p>A long catalogue of products, one page each, served slowly by an old server.</p>${products.map((p) => `<a href="${p}">${p}</a>`).join(" ")}`),
      ...Object.fromEntries(
        products.map((p, i) => [p, { body: htmlPage(`Product ${i}`, `<p>Product number ${i}: a sturdy chair, hand made, sold in pairs.</p>`), delayMs: 200 }]),
      ),
    });
    // Distinct pages: ingestion fetches a crawled page again, but only the crawler asks for new ones.
    const productRequests = () => new Set(slow.requests.filter((r) => r.includes("/product/")).map((r) => r.split(" ")[1])).size;
    try {
      const crawl = (await (await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: `${slow.url}/`, maxPages: 50 })).json()) as CrawlBody;
      await expect.poll(productRequests, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(2);
      const response = await callA("POST", `/api/v1/knowledge/crawls/${crawl.id}/cancel`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: crawl.id, status: "cancelled" });
      const atCancel = productRequests();
      await t.deps.events.drain();

      // At most the two pages already in flight: nothing was fetched after the worker saw the cancel.
      expect(productRequests()).toBeLessThanOrEqual(atCancel + 2);
      expect(productRequests()).toBeLessThan(products.length);
      const after = (await (await callA("GET", `/api/v1/knowledge/crawls/${crawl.id}`)).json()) as CrawlBody;
      expect(after).toMatchObject({ status: "cancelled", pagesRemoved: 0, error: null });
      expect(after.finishedAt).not.toBeNull();
      // Cancelling again answers the same crawl; another organization does not see it.
      expect((await callA("POST", `/api/v1/knowledge/crawls/${crawl.id}/cancel`)).status).toBe(200);
      await problem(await callB("POST", `/api/v1/knowledge/crawls/${crawl.id}/cancel`), 404);

      const completed = ((await (await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`)).json()) as { data: CrawlBody[] }).data.find(
        (c) => c.status === "completed",
      )!;
      expect((await problem(await callA("POST", `/api/v1/knowledge/crawls/${completed.id}/cancel`), 409)).code).toBe("conflict");
    } finally {
      await slow.close();
    }
  }, 120_000);

  it("records a failed crawl with the reason when the start page cannot be read", async () => {
    const started = await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/crawls`, { url: `${site.url}/missing` });
    const crawl = (await started.json()) as CrawlBody;
    await t.deps.events.drain();
    const failed = (await (await callA("GET", `/api/v1/knowledge/crawls/${crawl.id}`)).json()) as CrawlBody;
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/start page could not be read: .*\/missing answered HTTP 404/);
  });
});

describe("tRPC knowledge.crawls", () => {
  let server: RunningServer;
  afterAll(() => server?.close());

  it("starts, lists and gets crawls for the signed-in organization", async () => {
    server = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: t.deps.config.adminUrl },
      body: JSON.stringify({ email: `crawler-${Date.now()}@example.com`, password: "password-123", name: "crawler" }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/api/trpc`, headers: () => ({ origin: t.deps.config.adminUrl, cookie }) })],
    });
    await trpc.organization.create.mutate({ name: "Crawl org" });
    const [kb] = await trpc.knowledge.bases.list.query();

    const crawl = await trpc.knowledge.crawls.start.mutate({ knowledgeBaseId: kb!.id, url: `${site.url}/`, maxDepth: 0 });
    expect(crawl).toMatchObject({ status: "queued", maxDepth: 0, mode: "url", include: [], exclude: [] });
    await t.deps.events.drain();
    expect(await trpc.knowledge.crawls.get.query({ crawlId: crawl.id })).toMatchObject({ status: "completed", pagesIngested: 1 });
    expect((await trpc.knowledge.crawls.list.query({ knowledgeBaseId: kb!.id })).map((c) => c.id)).toEqual([crawl.id]);
    await expect(trpc.knowledge.crawls.cancel.mutate({ crawlId: crawl.id })).rejects.toMatchObject({ data: { code: "CONFLICT" } });

    // A crawl waiting behind another of the same knowledge base (one at a time), cancelled while queued, never runs.
    site.pages.set("/slow", { body: htmlPage("Slow", "<p>A page that takes its time to arrive, half a second or so.</p>"), delayMs: 500 });
    const running = await trpc.knowledge.crawls.start.mutate({ knowledgeBaseId: kb!.id, url: `${site.url}/slow`, maxDepth: 0 });
    const queued = await trpc.knowledge.crawls.start.mutate({ knowledgeBaseId: kb!.id, url: `${site.url}/care`, maxDepth: 0 });
    expect(await trpc.knowledge.crawls.cancel.mutate({ crawlId: queued.id })).toMatchObject({ status: "cancelled" });
    await t.deps.events.drain();
    expect(await trpc.knowledge.crawls.get.query({ crawlId: running.id })).toMatchObject({ status: "completed", pagesIngested: 1 });
    expect(await trpc.knowledge.crawls.get.query({ crawlId: queued.id })).toMatchObject({ status: "cancelled", pagesDiscovered: 0, pagesIngested: 0 });
  }, 120_000);
});
