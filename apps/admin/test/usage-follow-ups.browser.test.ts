import { describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// Owner settings: the organization's token usage (settings page, from the token-usage rollup).

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
});
