import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// Knowledge-base counters follow ingestion with no reload: a web page added in another tab is fetched from a local
// site that holds its answer until the test releases it, so "in progress" is on screen for as long as the test needs.

let site: Server;
let siteUrl: string;
let releasePage: () => void = () => undefined;
const pageReleased = new Promise<void>((resolve) => {
  releasePage = resolve;
});

const opening = "<h1>Opening hours</h1><p>Harbour Bikes opens at nine every weekday and at ten on Saturdays.</p><p>Late returns are fine until eight.</p>";

beforeAll(async () => {
  site = createServer((_req, res) => {
    void pageReleased.then(() =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head><title>Opening hours</title></head><body>${opening}</body></html>`),
    );
  });
  await new Promise<void>((done) => site.listen(0, "127.0.0.1", done));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  releasePage();
  site.closeAllConnections();
  await new Promise((done) => site?.close(done));
});

const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });

const stat = (page: Page, name: string) => page.getByTestId("kb-stats").locator(`[data-stat="${name}"] strong`);
const statValue = async (page: Page, name: string) => Number((await stat(page, name).textContent())?.replace(/\D/g, "") || Number.NaN);

describe("knowledge base counters", () => {
  it("update live while a document added in another tab is ingested, without a reload", async () => {
    await inBrowser(stack(), "knowledge-live", async (page, context) => {
      // Local embeddings on a shared 2-core machine can take a while; nothing here measures speed.
      context.setDefaultTimeout(90_000);
      await signUp(page, stack().admin.url, { name: "Lena Live", email: "lena@live.example", organization: "Live Bikes" });
      await page.getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("link", { name: "Default knowledge base" }).click();
      await page.waitForURL(/\/knowledge\/[^/]+$/);
      await stat(page, "documents").filter({ hasText: /^0$/ }).waitFor();
      // Survives only as long as this document does: a reload or navigation would clear it.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));

      const other = await context.newPage();
      await other.goto(page.url());
      await other.getByLabel("Page URL").fill(`${siteUrl}/opening-hours`);
      await other.getByRole("button", { name: "Add web page" }).click();
      await other.locator("[data-document-status]").first().waitFor();
      await other.close();

      // The first tab notices the document and shows it in progress while its page is still being fetched.
      await stat(page, "documents").filter({ hasText: /^1$/ }).waitFor();
      await stat(page, "in progress").filter({ hasText: /^1$/ }).waitFor();
      expect(await statValue(page, "ready")).toBe(0);
      expect(await statValue(page, "chunks")).toBe(0);
      const row = page.locator("[data-document-status]");
      expect(["queued", "processing"]).toContain(await row.getAttribute("data-document-status"));
      await shot(page, "knowledge-live-in-progress");

      releasePage();
      await stat(page, "ready").filter({ hasText: /^1$/ }).waitFor();
      await page.locator('[data-document-status="ready"]').waitFor();
      await stat(page, "in progress").filter({ hasText: /^0$/ }).waitFor();
      await expect.poll(() => statValue(page, "chunks")).toBeGreaterThan(0);
      expect(await statValue(page, "tokens")).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      await shot(page, "knowledge-live-ready");
    });
  }, 240_000);
});
