import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedDashboardHistory } from "./seed-dashboard-history";
import { inBrowser, screenshots, shot, useAdminStack } from "./stack";

// The landing page: a new owner sees the first-run checklist and zeros; with a few days of history the numbers,
// the chart, the tool table, the gaps ("Answer it" → FAQ) and the learned-mapping review queue (approve).

const stack = useAdminStack();
const ORGANIZATION = "Dash Garage";
const shotPath = (name: string) => join(screenshots, `admin-${name}.png`);

describe("dashboard", () => {
  it("shows a new owner what to do, then a seeded history: numbers, chart, gaps answered as FAQs, mappings approved", async () => {
    await inBrowser(stack(), "dashboard", async (page) => {
      const { admin, api } = stack();
      await page.goto(`${admin.url}/sign-up`);
      await page.getByLabel("Your name").fill("Dani Dash");
      await page.getByLabel("Email").fill("dani@dash.example");
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByLabel("Organization name").fill(ORGANIZATION);
      await page.getByRole("button", { name: "Create account" }).click();

      // A new owner lands on the dashboard: nothing done yet, zeros and empty states that say what to do.
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      const checklist = page.getByTestId("first-run-checklist");
      await checklist.getByText("0 of 5 done").waitFor();
      await page.getByTestId("stat-conversations").getByText("0", { exact: true }).waitFor();
      await page.getByTestId("knowledge-gaps").getByText("Nothing unanswered").waitFor();
      await page.getByTestId("review-queue").getByText("Nothing to review").waitFor();
      await page.getByTestId("tool-success").getByText("No tool calls in this range").waitFor();
      await shot(page, "dashboard-empty");

      const seeded = await seedDashboardHistory(api.prisma, ORGANIZATION);
      await page.reload();

      // Numbers from the seeded history; the checklist ticks what the data shows (test, embed, channel).
      await page.getByTestId("stat-conversations").getByText("12", { exact: true }).waitFor();
      await page.getByTestId("stat-conversations").getByText(/web 8/).waitFor();
      await page.getByTestId("stat-answered").getByText("10", { exact: true }).waitFor();
      await page.getByTestId("stat-handoffs").getByText("1", { exact: true }).waitFor();
      await checklist.getByText("3 of 5 done").waitFor();
      expect(await checklist.getByTestId("step-knowledge").getAttribute("data-done")).toBe("false");
      expect(await checklist.getByTestId("step-embed").getAttribute("data-done")).toBe("true");
      expect(await checklist.getByTestId("step-channel").getAttribute("data-done")).toBe("true");

      // The chart is drawn: uPlot's canvas, sized to the card, with the days of the range on its axis.
      const chart = page.getByTestId("conversations-chart");
      await chart.locator("canvas").waitFor();
      const box = await chart.locator("canvas").boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      const paintedPixels = await chart.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return painted;
      });
      expect(paintedPixels).toBeGreaterThan(500);

      // Tool table: 4 of 5 bookings succeeded.
      const tools = page.getByTestId("tool-success");
      await tools.getByRole("row", { name: /book_appointment\s+5\s+80%/ }).waitFor();
      await tools.getByRole("row", { name: /hubspot_create_contact\s+3\s+100%/ }).waitFor();
      await shot(page, "dashboard");

      // Review queue: the pending mapping with its confidence and where it was learned; the flagged one too.
      const queue = page.getByTestId("review-queue");
      const pending = queue.getByTestId("mapping").filter({ hasText: "zafira" });
      await pending.getByText("confidence 62%").waitFor();
      await pending.getByText(/“Where can I park my zafira\?” failed, then a rephrase worked/).waitFor();
      await queue.getByTestId("mapping").filter({ hasText: "lot" }).getByText("flagged: 1/4 successful").waitFor();
      await queue.screenshot({ path: shotPath("review-queue") });
      await pending.getByRole("button", { name: "Approve" }).click();
      await queue.locator('[data-testid="mapping"][data-status="approved"]').filter({ hasText: "zafira" }).waitFor();
      await expect.poll(async () => (await api.prisma.queryExpansion.findUniqueOrThrow({ where: { id: seeded.pendingMappingId } })).status).toBe("approved");

      // Gaps: "Answer it" turns the question into an FAQ in the bot's knowledge and resolves the gap.
      const gaps = page.getByTestId("knowledge-gaps");
      const gap = gaps.getByTestId("knowledge-gap").filter({ hasText: "Where can I park my zafira?" });
      await gap.getByText("asked 3×").waitFor();
      await gap.getByRole("button", { name: "Answer it" }).click();
      const form = page.getByTestId("answer-gap-form");
      await form.getByLabel("Answer").fill("Park for free in the courtyard behind the garage, entrance on Mill Lane.");
      await shot(page, "gaps-answer-it");
      await form.getByRole("button", { name: "Save as FAQ" }).click();
      await gaps.getByRole("status").getByText("Saved as an FAQ").waitFor();
      await gaps.getByText("Nothing unanswered").waitFor();
      const faq = await api.prisma.document.findFirst({ where: { organizationId: seeded.organizationId, sourceKind: "faq", title: "Where can I park my zafira?" } });
      expect(faq?.knowledgeBaseId).toBe(seeded.knowledgeBase.id);
      const resolved = await api.prisma.knowledgeGap.findFirstOrThrow({ where: { organizationId: seeded.organizationId } });
      expect(resolved).toMatchObject({ status: "resolved", faqDocumentId: faq?.id });
      await gaps.screenshot({ path: shotPath("gaps") });

      // Per bot and range: another range without history shows zeros.
      await page.getByLabel("From date").fill("2025-01-01");
      await page.getByLabel("To date").fill("2025-01-31");
      await page.getByTestId("stat-conversations").getByText("0", { exact: true }).waitFor();
    });
  });

  it("fits a 390 px phone: no sideways scrolling on the dashboard and the main pages", async () => {
    const { admin, browser } = stack();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${admin.url}/sign-in`);
      await page.getByLabel("Email").fill("dani@dash.example");
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByTestId("stat-conversations").waitFor();
      await page.getByTestId("conversations-chart").locator("canvas").waitFor();
      await shot(page, "dashboard-390");
      for (const path of ["/", "/bots", "/knowledge", "/conversations", "/integrations", "/settings", "/settings/api-keys"]) {
        await page.goto(`${admin.url}${path}`);
        await page.locator("main.page").waitFor();
        await page.waitForLoadState("networkidle");
        const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
        expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(390);
      }
    } finally {
      await context.close();
    }
  });
});
