import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { inBrowser, screenshots, shot, signUp, useAdminStack } from "./stack";

// Two owner settings: the organization's token usage (settings page, from the token-usage rollup), and a bot's
// follow-up sequence edited as rows (wait, channel, message) — added, reordered, removed, checked field by field.

const stack = useAdminStack();
const DAY_MS = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describe("owner settings", () => {
  it("shows the token usage per bot and day for a range", async () => {
    await inBrowser(stack(), "token-usage", async (page) => {
      const { admin, api } = stack();
      await signUp(page, admin.url, { name: "Uma Usage", email: "uma@usage.example", organization: "Usage Bakery" });
      const bot = await api.prisma.bot.findFirstOrThrow({ where: { organization: { name: "Usage Bakery" } } });
      const organizationId = bot.organizationId;
      await api.prisma.tokenUsageDaily.createMany({
        data: [
          { organizationId, botId: bot.id, day: day(1), promptTokens: 1200, completionTokens: 300, messages: 4 },
          { organizationId, botId: bot.id, day: day(3), promptTokens: 800, completionTokens: 200, messages: 2 },
          // Older than the last 7 days: only in the 30-day range.
          { organizationId, botId: bot.id, day: day(20), promptTokens: 5000, completionTokens: 1000, messages: 10 },
        ],
      });

      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      const usage = page.getByTestId("token-usage");
      await usage.getByTestId("token-usage-totals").filter({ hasText: "8,500 tokens (7,000 prompt, 1,500 completion) over 16 answers" }).waitFor();
      await usage.getByTestId("token-usage-bots").getByRole("row", { name: /Usage Bakery assistant\s+7,000\s+1,500\s+16/ }).waitFor();
      await usage.getByTestId("token-usage-days").getByRole("row", { name: new RegExp(`${day(1)}\\s+1,200\\s+300\\s+4`) }).waitFor();
      await shot(page, "token-usage");

      await usage.getByRole("button", { name: "7 days" }).click();
      await usage.getByTestId("token-usage-totals").filter({ hasText: "2,500 tokens (2,000 prompt, 500 completion) over 6 answers" }).waitFor();
      expect(await usage.getByTestId("token-usage-days").getByRole("row").count()).toBe(3); // header + 2 days
    });
  }, 180_000);

  it("edits the follow-up sequence as rows: add, reorder, remove, and field-by-field problems", async () => {
    await inBrowser(stack(), "follow-up-editor", async (page) => {
      const { admin, api } = stack();
      await signUp(page, admin.url, { name: "Fay Follow", email: "fay@follow.example", organization: "Follow Florist" });
      await page.getByRole("link", { name: "Follow Florist assistant" }).click();
      const settings = page.getByTestId("lead-settings");
      const editor = settings.getByTestId("follow-up-editor");
      await editor.getByText("No follow-ups").waitFor();
      const save = () => settings.getByRole("button", { name: "Save lead settings" }).click();

      // Two steps; the second left without a message and with a zero wait: named, nothing saved.
      await editor.getByRole("button", { name: "Add follow-up" }).click();
      await editor.getByLabel("Step 1 wait", { exact: true }).fill("2");
      await editor.getByLabel("Step 1 wait unit").selectOption("h");
      await editor.getByLabel("Step 1 channel").selectOption("sms");
      await editor.getByLabel("Step 1 message").fill("Hi {name}, still want those roses?");
      await editor.getByRole("button", { name: "Add follow-up" }).click();
      await editor.getByLabel("Step 2 wait", { exact: true }).fill("0");
      await editor.getByLabel("Step 2 channel").selectOption("email");
      await save();
      await editor.getByRole("alert").filter({ hasText: "Step 2 wait: wait a whole number of at least 1" }).waitFor();
      await editor.getByRole("alert").filter({ hasText: "Step 2 message: write the text to send" }).waitFor();
      expect((await api.prisma.bot.findFirstOrThrow({ where: { organization: { name: "Follow Florist" } } })).followUps).toEqual([]);

      // Fixed, a third step added, moved to the top, then the middle one removed.
      await editor.getByLabel("Step 2 wait", { exact: true }).fill("1");
      await editor.getByLabel("Step 2 wait unit").selectOption("d");
      await editor.getByLabel("Step 2 email subject").fill("Your roses");
      await editor.getByLabel("Step 2 message").fill("A last note: roses are 20% off this week.");
      await editor.getByRole("button", { name: "Add follow-up" }).click();
      await editor.getByLabel("Step 3 wait", { exact: true }).fill("30");
      await editor.getByLabel("Step 3 wait unit").selectOption("m");
      await editor.getByLabel("Step 3 channel").selectOption("same");
      await editor.getByLabel("Step 3 message").fill("Quick check: any questions?");
      await editor.getByRole("button", { name: "Move step 3 up" }).click();
      await editor.getByRole("button", { name: "Move step 2 up" }).click();
      await editor.getByRole("button", { name: "Remove step 2" }).click();
      await save();
      await settings.getByText("Saved").waitFor();
      const expected = [
        { after: "30m", channel: "same", message: "Quick check: any questions?" },
        { after: "1d", channel: "email", message: "A last note: roses are 20% off this week.", subject: "Your roses" },
      ];
      await expect.poll(async () => (await api.prisma.bot.findFirstOrThrow({ where: { organization: { name: "Follow Florist" } } })).followUps).toEqual(expected);

      // A reload shows the saved rows.
      await page.reload();
      await expect.poll(() => editor.getByLabel("Step 1 wait", { exact: true }).inputValue()).toBe("30");
      expect(await editor.getByLabel("Step 1 wait unit").inputValue()).toBe("m");
      expect(await editor.getByLabel("Step 2 channel").inputValue()).toBe("email");
      expect(await editor.getByLabel("Step 2 email subject").inputValue()).toBe("Your roses");
      expect(await editor.getByTestId("follow-up-step").count()).toBe(2);
      await settings.screenshot({ path: join(screenshots, "admin-follow-up-editor.png") });
    });
  }, 180_000);
});
