import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamMultipartUpload } from "../../api/test/support/stream-multipart-upload";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

/** A tiny local website for the crawl: a home page linking two help pages. */
let site: Server;
let siteUrl: string;

const sitePages: Record<string, string> = {
  "/": `<h1>Harbour Bikes</h1><p>Bike rentals by the harbour.</p><a href="/rentals">Rentals</a> <a href="/repairs">Repairs</a>`,
  "/rentals": `<h1>Rentals</h1><p>City bikes rent for 15 euros a day; electric bikes for 35 euros a day, helmet included.</p>`,
  "/repairs": `<h1>Repairs</h1><p>Puncture repairs are done while you wait, usually within twenty minutes.</p>`,
};

beforeAll(async () => {
  site = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://site").pathname;
    if (path === "/robots.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
    // A start page that takes seconds to arrive: a crawl of it is still running when Cancel is clicked.
    if (path === "/slow") {
      setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("<title>Slow</title><p>Finally here.</p>"), 3_000);
      return;
    }
    const body = sitePages[path];
    if (!body) return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head><title>${path}</title></head><body>${body}</body></html>`);
  });
  await new Promise<void>((done) => site.listen(0, "127.0.0.1", done));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => site?.close(done));
});

// A 1 MB upload limit, so an oversized file is quick to make.
const UPLOAD_LIMIT = 1024 * 1024;
const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true", UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) } });

async function openDefaultKnowledgeBase(page: Page, account: { name: string; email: string; organization: string }) {
  await signUp(page, stack().admin.url, account);
  await page.getByRole("link", { name: "Knowledge" }).click();
  await page.getByRole("link", { name: "Default knowledge base" }).click();
  await page.waitForURL(/\/knowledge\/[^/]+$/);
}

const faqMarkdown = `# Returns

Unopened items can be returned within 30 days for a full refund. Bring the receipt.
`;
const parkingText = `Parking

Customers park for free in the courtyard behind the shop, entrance on Mill Lane.
`;

describe("knowledge pages in a browser", () => {
  it("uploads two files with per-file progress until both documents are ready", async () => {
    await inBrowser(stack(), "knowledge-upload", async (page) => {
      await openDefaultKnowledgeBase(page, { name: "Kim Owner", email: "kim@shop.example", organization: "Mill Lane Shop" });

      await page.locator('input[name="files"]').setInputFiles([
        { name: "returns.md", mimeType: "text/markdown", buffer: Buffer.from(faqMarkdown) },
        { name: "parking.txt", mimeType: "text/plain", buffer: Buffer.from(parkingText) },
      ]);
      // Each file gets its own progress row, which ends at 100 % uploaded.
      const uploads = page.getByTestId("upload-list").locator("li");
      await expect.poll(() => uploads.count()).toBe(2);
      for (const name of ["returns.md", "parking.txt"]) {
        const row = uploads.filter({ hasText: name });
        await row.and(page.locator('[data-upload-state="done"]')).waitFor({ timeout: 30_000 });
        await expect(row.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100");
      }

      for (const title of ["returns", "parking"]) {
        const row = page.locator("tr[data-document-status]").filter({ hasText: title });
        await row.waitFor();
        await expect.poll(() => row.getAttribute("data-document-status"), { timeout: 60_000 }).toBe("ready");
      }
      await page.locator('[data-stat="ready"] strong').filter({ hasText: /^2$/ }).waitFor();
      await shot(page, "knowledge-uploaded");

      // The knowledge base list shows each base's document count and total size.
      const detailUrl = page.url();
      await page.goto(new URL("/knowledge", detailUrl).toString());
      const listRow = page.locator("tr").filter({ hasText: "Default knowledge base" });
      await expect(listRow.getByTestId("knowledge-base-size").textContent()).resolves.toBe(
        `${Buffer.byteLength(faqMarkdown) + Buffer.byteLength(parkingText)} bytes`,
      );
      await page.goto(detailUrl);

      // A file the API cannot read is refused at upload, with its reason next to the file.
      await page.locator('input[name="files"]').setInputFiles({ name: "broken.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a pdf") });
      await page.getByTestId("upload-list").locator('[data-upload-state="failed"]').filter({ hasText: "broken.pdf" }).getByRole("alert").waitFor();

      // A page that cannot be fetched fails during ingestion with its reason; Retry runs another attempt.
      await page.getByLabel("Page URL").fill(`${siteUrl}/gone`);
      await page.getByRole("button", { name: "Add web page" }).click();
      const broken = page.locator("tr[data-document-status]").filter({ hasText: "/gone" });
      await expect.poll(() => broken.getAttribute("data-document-status"), { timeout: 60_000 }).toBe("failed");
      await expect(broken.locator(".error").textContent()).resolves.toMatch(/404|not found/i);
      const before = await broken.getAttribute("data-updated-at");
      await broken.getByRole("button", { name: "Retry" }).click();
      await expect.poll(() => broken.getAttribute("data-updated-at"), { timeout: 60_000 }).not.toBe(before);
      await expect.poll(() => broken.getAttribute("data-document-status"), { timeout: 60_000 }).toBe("failed");

      // A new version of parking.txt without any text fails, but the document stays ready with the old text.
      await page.locator('input[name="files"]').setInputFiles({ name: "parking.txt", mimeType: "text/plain", buffer: Buffer.from(" \n\n \n") });
      const parking = page.locator("tr[data-document-status]").filter({ hasText: "parking" });
      const newVersionFailed = parking.getByTestId("new-version-failed");
      await newVersionFailed.waitFor({ timeout: 60_000 });
      await expect(newVersionFailed.textContent()).resolves.toMatch(/New version failed: No text found.*Still answering from the previous version/);
      await expect(parking.getAttribute("data-document-status")).resolves.toBe("ready");
      await shot(page, "knowledge-new-version-failed");

      // Test search ranks the uploaded passages (the previous parking.txt included) and shows their scores.
      await page.getByRole("link", { name: "Test search" }).click();
      await page.getByLabel("Search query").fill("where can I park");
      await page.getByRole("button", { name: "Search" }).click();
      const results = page.getByTestId("search-results");
      await results.waitFor();
      await expect(results.locator("li").first().textContent()).resolves.toMatch(/courtyard/);
      await expect(results.textContent()).resolves.toMatch(/score \d\.\d{3}/);
    });
  }, 240_000);

  it("refuses an oversized file while it is still being sent, through the admin's own upload route", async () => {
    await inBrowser(stack(), "knowledge-upload-limit", async (page, context) => {
      await openDefaultKnowledgeBase(page, { name: "Lee Owner", email: "lee@print.example", organization: "Print Shop" });
      const knowledgeBaseId = new URL(page.url()).pathname.split("/").pop()!;

      // In the page: the file's row says why, next to a small file that still goes through.
      await page.locator('input[name="files"]').setInputFiles([
        { name: "catalogue.txt", mimeType: "text/plain", buffer: Buffer.alloc(UPLOAD_LIMIT + 256 * 1024, "catalogue ") },
        { name: "prices.txt", mimeType: "text/plain", buffer: Buffer.from("Business cards cost 30 euros per 500.") },
      ]);
      const uploads = page.getByTestId("upload-list").locator("li");
      await uploads.filter({ hasText: "catalogue.txt" }).and(page.locator('[data-upload-state="failed"]')).getByRole("alert").filter({ hasText: "file: must be at most 1 MB" }).waitFor();
      await uploads.filter({ hasText: "prices.txt" }).and(page.locator('[data-upload-state="done"]')).waitFor();
      await expect(page.locator("tr[data-document-status]").filter({ hasText: "catalogue" }).count()).resolves.toBe(0);
      await shot(page, "knowledge-upload-limit");

      // On the wire, through the admin (Next) server: a 64 MB body streamed with the session cookie is answered
      // 413 naming `file` while it is still being sent. The client waits for the answer after 2 MB (UploadPause),
      // so what was sent by then stays small on a loaded machine; a server that read the whole body first would
      // answer only after the rest, so both checks below would fail.
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      const adminUrl = stack().admin.url;
      const total = 64 * UPLOAD_LIMIT;
      const send = () =>
        streamMultipartUpload(`${adminUrl}/api/admin/knowledge/bases/${knowledgeBaseId}/documents`, total, { cookie, origin: adminUrl }, { bytes: 2 * UPLOAD_LIMIT, ms: 60_000 });
      // The API keeps the connection open after its 413 until the rest of the body is dropped (refused-body.ts), so
      // Next's fetch reads the answer even when its loaded event loop takes it late: no retry.
      const answer = await send();
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large", errors: [{ field: "file", message: "must be at most 1 MB" }] });
      expect(answer.stillSending).toBe(true);
      // The limit plus what socket buffers on the way (browser → Next → API) hold, not the whole body.
      expect(answer.sentWhenAnswered).toBeLessThan(total / 2);
    });
  }, 240_000);

  it("adds, edits and imports FAQs (bad CSV rows named), and crawls a local website", async () => {
    await inBrowser(stack(), "knowledge-faq", async (page) => {
      await openDefaultKnowledgeBase(page, { name: "Sam Owner", email: "sam@bikes.example", organization: "Harbour Bikes" });
      await page.getByRole("link", { name: "FAQ", exact: true }).click();
      await page.waitForURL(/\/faq$/);

      const add = page.getByTestId("faq-add");
      await add.getByLabel("Question").fill("Do you rent child seats?");
      await add.getByLabel("Answer").fill("Yes, child seats are free with any rental.");
      await add.getByRole("button", { name: "Add question" }).click();
      const item = page.locator('[data-faq="Do you rent child seats?"]');
      await item.waitFor();
      await item.getByRole("button", { name: "Edit" }).click();
      await item.getByLabel("Answer").fill("Yes, child seats cost 2 euros a day.");
      await item.getByRole("button", { name: "Save" }).click();
      await item.getByText("child seats cost 2 euros").waitFor();
      await expect.poll(() => item.getAttribute("data-document-status"), { timeout: 60_000 }).toBe("ready");

      // A CSV with an empty answer on line 3: nothing is imported and the row is named.
      const csv = (rows: string) => ({ name: "faq.csv", mimeType: "text/csv", buffer: Buffer.from(`question,answer\n${rows}`) });
      await page.locator('input[name="faq-csv"]').setInputFiles(csv(`"Opening hours?","9 to 6, every day"\n"Do you sell bikes?",\n`));
      await page.getByTestId("faq-import-errors").getByText(/Line 3: answer/).waitFor();
      await page.locator('input[name="faq-csv"]').setInputFiles(csv(`"Opening hours?","9 to 6, every day"\n"Do you sell bikes?","No, rentals only."\n`));
      await page.getByRole("status").filter({ hasText: "Imported 2: 2 new" }).waitFor();
      await page.locator('[data-faq="Opening hours?"]').getByText("9 to 6, every day").waitFor();
      await shot(page, "knowledge-faq");

      // Crawl the local site: three pages found and ingested, each a document.
      await page.getByRole("link", { name: "Website" }).click();
      await page.getByLabel("Start URL").fill(`${siteUrl}/`);
      await page.getByLabel("Depth").fill("1");
      await page.getByLabel("Max pages").fill("10");
      await page.getByRole("button", { name: "Start crawl" }).click();
      const crawl = page.locator("tr[data-crawl-status]").first();
      await crawl.waitFor();
      await expect.poll(() => crawl.getAttribute("data-crawl-status"), { timeout: 90_000 }).toBe("completed");
      await expect(crawl.locator("td").nth(3).textContent()).resolves.toBe("3");
      await shot(page, "knowledge-crawl");
      await page.getByLabel("Start URL").fill(`${siteUrl}/slow`);
      await page.getByRole("button", { name: "Start crawl" }).click();
      const slow = page.locator("tr[data-crawl-status]").filter({ hasText: `${siteUrl}/slow` });
      await slow.getByRole("button", { name: "Cancel" }).click();
      await expect.poll(() => slow.getAttribute("data-crawl-status"), { timeout: 30_000 }).toBe("cancelled");
      await expect(slow.getByRole("button", { name: "Cancel" }).count()).resolves.toBe(0);
      await page.getByRole("link", { name: "Documents" }).click();
      await page.locator("tr[data-document-status]").filter({ hasText: /rentals/i }).waitFor();

      // Retrieval settings and query expansions are saved on the knowledge base.
      await page.getByRole("main").getByRole("link", { name: "Settings" }).click();
      await page.getByLabel("Results per search (top K)").fill("5");
      await page.getByLabel(/pseudo-relevance feedback/).uncheck();
      await page.getByRole("button", { name: "Save retrieval settings" }).click();
      await page.getByTestId("retrieval-settings").getByText("Saved", { exact: true }).waitFor();
      const expansions = page.getByTestId("query-expansions");
      await expansions.getByLabel("Term").fill("bike");
      await expansions.getByLabel(/Also matches/).fill("bicycle, cycle");
      await expansions.getByRole("button", { name: "Save" }).click();
      await expansions.getByText("bicycle, cycle").waitFor();
      await page.reload();
      await expect(page.getByLabel("Results per search (top K)").inputValue()).resolves.toBe("5");
      await expect(page.getByLabel(/pseudo-relevance feedback/).isChecked()).resolves.toBe(false);
    });
  }, 240_000);
});
