import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inBrowser, screenshots, signUp, useAdminStack } from "./stack";

// "Answer it" on the dashboard when the bot answers from several knowledge bases: the owner picks which one gets
// the FAQ; the bot's first (primary) knowledge base is preselected.

const stack = useAdminStack();
const ORGANIZATION = "Picker Garage";

describe("knowledge gaps", () => {
  it("answers a gap into the knowledge base the owner picks among the bot's", async () => {
    await inBrowser(stack(), "gap-picker", async (page, context) => {
      context.setDefaultTimeout(90_000);
      const { admin, api } = stack();
      await signUp(page, admin.url, { name: "Pia Picker", email: "pia@picker.example", organization: ORGANIZATION });

      await page.getByRole("link", { name: "Knowledge" }).click();
      await page.waitForURL(/\/knowledge$/);
      // The list has loaded (the page is hydrated), so the form keeps what is typed.
      await page.getByRole("link", { name: "Default knowledge base" }).waitFor();
      await page.getByLabel("Name").fill("Directions");
      await page.getByRole("button", { name: "Create knowledge base" }).click();
      // Creating opens the new knowledge base's page (its link in the list may show only for a moment before that).
      await page.waitForURL(/\/knowledge\/[^/]+$/);
      await page.getByRole("heading", { name: "Directions" }).waitFor();
      await page.getByRole("link", { name: "Bots" }).click();
      await page.getByRole("link", { name: `${ORGANIZATION} assistant` }).click();
      const directions = page.getByRole("checkbox", { name: "Directions" });
      await directions.check();
      await expect.poll(() => directions.isChecked()).toBe(true);

      const organization = await api.prisma.organization.findFirstOrThrow({ where: { name: ORGANIZATION } });
      const bot = await api.prisma.bot.findFirstOrThrow({ where: { organizationId: organization.id } });
      await expect.poll(() => api.prisma.botKnowledgeBase.count({ where: { botId: bot.id } })).toBe(2);
      const bases = await api.prisma.knowledgeBase.findMany({ where: { organizationId: organization.id } });
      const target = bases.find((base) => base.name === "Directions")!;
      await api.prisma.knowledgeGap.create({
        data: { organizationId: organization.id, botId: bot.id, question: "Where can I park?", count: 2, lastAskedAt: new Date(), examples: ["Where can I park?"] },
      });

      await page.goto(`${admin.url}/`);
      const gap = page.getByTestId("knowledge-gap").filter({ hasText: "Where can I park?" });
      await gap.getByRole("button", { name: "Answer it" }).click();
      const form = page.getByTestId("answer-gap-form");
      const picker = form.getByLabel("Knowledge base");
      // The primary (first linked) knowledge base is preselected.
      await expect.poll(async () => (await picker.locator("option:checked").textContent())?.trim()).toBe("Default knowledge base (primary)");
      await picker.selectOption({ label: "Directions" });
      await form.getByLabel("Answer").fill("Park in the courtyard behind the garage, entrance on Mill Lane.");
      await form.screenshot({ path: join(screenshots, "admin-gaps-answer-it-picker.png") });
      await form.getByRole("button", { name: "Save as FAQ" }).click();
      await page.getByTestId("knowledge-gaps").getByRole("status").getByText("Saved as an FAQ").waitFor();

      const faq = await api.prisma.document.findFirstOrThrow({ where: { organizationId: organization.id, sourceKind: "faq", title: "Where can I park?" } });
      expect(faq.knowledgeBaseId).toBe(target.id);
      expect(await api.prisma.knowledgeGap.findFirstOrThrow({ where: { organizationId: organization.id } })).toMatchObject({ status: "resolved", faqDocumentId: faq.id });
    });
  }, 240_000);
});
