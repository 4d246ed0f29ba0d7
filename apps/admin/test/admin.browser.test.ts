import { describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

const hoursMarkdown = `# Opening hours

The Crumb & Co bakery is open Monday to Friday from 7am to 6pm.
On Saturdays we open at 8am and close at 2pm. We are closed on Sundays and public holidays.

# Delivery

We deliver wedding cakes within 20 km of the shop for a flat fee of 15 euros.
`;

const stack = useAdminStack();

describe("admin in a browser against the real API", () => {
  it("sends signed-out visitors to /sign-in", async () => {
    await inBrowser(stack(), "signed-out", async (page) => {
      await page.goto(`${stack().admin.url}/bots`);
      await page.waitForURL(/\/sign-in$/);
      await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    });
  });

  it("signs up, uploads Markdown until ready, and gets a cited answer in the chat preview", async () => {
    await inBrowser(stack(), "chat", async (page) => {
      // Sign up: the account gets an organization with a default bot and knowledge base.
      await signUp(page, stack().admin.url, { name: "Dana Baker", email: "dana@crumb.example", organization: "Crumb & Co" });

      const botLink = page.getByRole("link", { name: "Crumb & Co assistant" });
      await botLink.waitFor();
      await shot(page, "bots");

      // The default bot: its embed snippet and its linked knowledge base.
      await botLink.click();
      await page.waitForURL(/\/bots\/[^/]+$/);
      const botUrl = page.url();
      const snippet = await page.getByTestId("embed-snippet").textContent();
      expect(snippet).toMatch(new RegExp(`^<script src="${stack().api.url}/widget\\.js" data-bot-key="pk_[^"]+" async></script>$`));
      const linked = page.getByRole("checkbox", { name: "Default knowledge base" });
      await expect(linked.isChecked()).resolves.toBe(true);

      await page.getByRole("link", { name: /^View documents/ }).click();
      await page.waitForURL(/\/knowledge\/[^/]+$/);

      // Upload and watch the status poll from queued/processing to ready.
      await page.locator('input[name="files"]').setInputFiles({
        name: "crumb-hours.md",
        mimeType: "text/markdown",
        buffer: Buffer.from(hoursMarkdown),
      });
      const row = page.locator("tr[data-document-status]").filter({ hasText: "crumb-hours" });
      await row.waitFor();
      await page.locator('tr[data-document-status="ready"], tr[data-document-status="failed"]').waitFor({ timeout: 60_000 });
      await expect(row.getAttribute("data-document-status")).resolves.toBe("ready");
      await page.locator('[data-stat="ready"] strong').filter({ hasText: /^1$/ }).waitFor();
      await shot(page, "knowledge");

      // Ask the bot in the preview; the extractive answer cites the uploaded file.
      await page.goto(botUrl);
      await page.getByLabel("Message").fill("When do you open on Saturdays?");
      await page.getByRole("button", { name: "Send" }).click();
      const citations = page.getByTestId("citations");
      await citations.waitFor({ timeout: 30_000 });
      const answer = await page.locator('.bubble[data-role="assistant"]').last().textContent();
      expect(answer).toMatch(/Saturdays we open at 8am/);
      await expect(citations.textContent()).resolves.toMatch(/crumb-hours|Opening hours/i);
      await shot(page, "chat");

      // Sign out, then back in: a wrong password is refused with better-auth's message, the right one lands on the dashboard.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/sign-in$/);
      await page.getByLabel("Email").fill("dana@crumb.example");
      await page.getByLabel("Password").fill("wrong-password-123");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator("p.error").filter({ hasText: /invalid email or password/i }).waitFor();
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByTestId("org-name").filter({ hasText: /^Crumb & Co$/ }).waitFor();
    });
  });
});
