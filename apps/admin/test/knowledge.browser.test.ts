import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, startAdminStack, type AdminStack } from "./stack";

let stack: AdminStack;

beforeAll(async () => {
  stack = await startAdminStack();
}, 600_000);

afterAll(async () => {
  await stack?.close();
});

const faqMarkdown = `# Returns

Unopened items can be returned within 30 days for a full refund. Bring the receipt.
`;
const parkingText = `Parking

Customers park for free in the courtyard behind the shop, entrance on Mill Lane.
`;

describe("knowledge pages in a browser", () => {
  it("uploads two files with per-file progress until both documents are ready", async () => {
    await inBrowser(stack, "knowledge-upload", async (page) => {
      await signUp(page, stack.admin.url, { name: "Kim Owner", email: "kim@shop.example", organization: "Mill Lane Shop" });
      await page.getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("link", { name: "Default knowledge base" }).click();
      await page.waitForURL(/\/knowledge\/[^/]+$/);

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
    });
  });
});
