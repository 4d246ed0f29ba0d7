import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSalesforceFake } from "../../../packages/integrations/test/fakes/salesforce-fake";
import { inBrowser, shot, signUp, useAdminStack, type AdminStack } from "./stack";

// The Leads page, the inbox's lead names / preview filter / waiting count / resolve, and the bot's lead settings,
// in a real browser over the real API. Leads come from real widget chats scored by the qualification rules.

const SALESFORCE_TOKEN = "00D000000000001!browser-token";
let salesforce: Awaited<ReturnType<typeof startSalesforceFake>>;
beforeAll(async () => {
  salesforce = await startSalesforceFake({ tokens: [SALESFORCE_TOKEN], customFields: { Lead: ["AI_Tier__c"] } });
});
afterAll(() => salesforce?.close());

// The Salesforce fake listens on loopback, which the instance-URL guard refuses otherwise.
const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });

/** A visitor chatting through the public widget API, as the embedded widget does. */
async function widgetChat(s: AdminStack, publicKey: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${s.api.url}/api/widget/v1/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "x-frontdesk-bot-key": publicKey, origin: "https://clinic.example" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

async function botOf(s: AdminStack, organization: string) {
  return s.api.prisma.bot.findFirstOrThrow({ where: { organization: { name: organization } } });
}

/** Three visitors: hot (emergency, budget, contact details), warm (prices, email), cold (just looking). */
async function seedLeads(s: AdminStack, organization: string) {
  const bot = await botOf(s, organization);
  const ana = await widgetChat(s, bot.publicKey, {
    visitorId: "visitor-ana",
    visitor: { name: "Ana Ruiz", email: "ana.ruiz@example.com", phone: "+34600111222" },
    message: "Emergency! I need a crown fixed today, budget $400",
  });
  await widgetChat(s, bot.publicKey, { visitorId: "visitor-ben", visitor: { name: "Ben Cole", email: "ben@example.com" }, message: "How much is a cleaning?" });
  await widgetChat(s, bot.publicKey, { visitorId: "visitor-cy", visitor: { name: "Cy Dunn" }, message: "Just looking, thanks" });
  await expect
    .poll(async () => (await s.api.prisma.lead.findMany({ where: { botId: bot.id }, orderBy: { name: "asc" } })).map((lead) => `${lead.name}:${lead.tier}`), { timeout: 30_000 })
    .toEqual(["Ana Ruiz:hot", "Ben Cole:warm", "Cy Dunn:cold"]);
  return { bot, ana };
}

describe("leads and the inbox in a browser", () => {
  it("lists leads with tier badges, filters and searches them, exports the CSV and shows a lead's detail", async () => {
    await inBrowser(stack(), "leads", async (page) => {
      await signUp(page, stack().admin.url, { name: "Dee Dentist", email: "dee@harbor.example", organization: "Harbor Dental" });
      await seedLeads(stack(), "Harbor Dental");

      await page.locator("nav.nav").getByRole("link", { name: "Leads" }).click();
      await page.waitForURL(/\/leads$/);
      const rows = page.getByTestId("leads").locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(3);
      expect(await page.getByTestId("leads").locator('tr[data-lead-tier="hot"]').textContent()).toContain("Ana Ruiz");
      expect(await page.getByTestId("leads").locator('tr[data-lead-tier="cold"]').textContent()).toContain("Cy Dunn");
      await shot(page, "leads-list");
      // On a 390 px phone the page does not scroll sideways: the table scrolls inside its box, the filters wrap.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, "leads-list-390");
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel("Tier").selectOption("warm");
      await expect.poll(async () => (await rows.allTextContents()).map((text) => text.includes("Ben Cole"))).toEqual([true]);
      await page.getByLabel("Tier").selectOption("");
      await page.getByLabel("Channel").selectOption("sms");
      await page.getByText("No leads match these filters.").waitFor();
      await page.getByLabel("Channel").selectOption("web");
      await page.getByLabel("Search leads").fill("ana.ruiz@");
      await expect.poll(async () => (await rows.allTextContents()).map((text) => text.includes("Ana Ruiz"))).toEqual([true]);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
      const csv = readFileSync((await download.path())!, "utf8");
      expect(csv).toContain("ana.ruiz@example.com");
      expect(csv).not.toContain("ben@example.com");

      await page.getByTestId("leads").getByRole("link", { name: "Ana Ruiz" }).click();
      await page.waitForURL(/\/leads\/[^/]+$/);
      await page.getByRole("heading", { name: /Ana Ruiz/ }).waitFor();
      await page.getByTestId("lead-contact").getByText("+34600111222").waitFor();
      expect(await page.getByTestId("lead-qualification").textContent()).toContain("crown");
      expect(await page.getByTestId("lead-reasons").locator("li").count()).toBeGreaterThan(1);
      await page.getByTestId("lead-history").locator('[data-tier="hot"]').first().waitFor();
      await page.getByTestId("message-log").getByText("Emergency! I need a crown fixed today").waitFor();
      await shot(page, "lead-detail");
    });
  });

  it("names visitors by their lead, hides preview chats, counts those waiting for a person and resolves one", async () => {
    await inBrowser(stack(), "inbox", async (page) => {
      await signUp(page, stack().admin.url, { name: "Ivo Inbox", email: "ivo@smile.example", organization: "Smile Clinic" });
      const { bot, ana } = await seedLeads(stack(), "Smile Clinic");

      // The owner tries the bot on its page: a preview chat, not a visitor.
      await page.getByRole("link", { name: "Smile Clinic assistant" }).click();
      await page.getByLabel("Message").fill("Testing: do you open on Saturdays?");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByTestId("chat-preview").locator('.bubble[data-role="assistant"]').waitFor({ timeout: 30_000 });

      await page.locator("nav.nav").getByRole("link", { name: "Conversations" }).click();
      const table = page.getByTestId("conversations");
      await table.getByRole("link", { name: "Ana Ruiz" }).waitFor();
      expect(await table.locator("tbody tr").filter({ hasText: "Ana Ruiz" }).textContent()).toContain("Web chat");
      expect(await table.locator('tr[data-preview="true"]').count()).toBe(0);
      await page.getByLabel("Show preview chats").check();
      await table.locator('tr[data-preview="true"]').getByRole("link", { name: "Preview chat" }).waitFor();
      await page.getByLabel("Show preview chats").uncheck();

      // Ana asks for a person: the navigation counts her conversation as waiting.
      await widgetChat(stack(), bot.publicKey, { visitorId: "visitor-ana", conversationId: ana, message: "Can I talk to a human please?" });
      await page.getByTestId("waiting-count").filter({ hasText: "1" }).waitFor({ timeout: 30_000 });
      await page.getByLabel("Status").selectOption("waiting");
      await expect.poll(async () => (await table.locator("tbody tr").allTextContents()).map((text) => text.includes("Ana Ruiz"))).toEqual([true]);
      await shot(page, "inbox-waiting");

      await table.getByRole("link", { name: "Ana Ruiz" }).click();
      await page.waitForURL(/\/conversations\/[^/]+$/);
      await page.getByRole("heading", { name: /Ana Ruiz/ }).waitFor();
      await page.getByRole("button", { name: "Resolve" }).click();
      await page.locator('[data-testid="conversation-status"][data-status="closed"]').waitFor();
      await page.getByTestId("waiting-count").waitFor({ state: "detached" });
      expect(await stack().api.prisma.conversation.findUniqueOrThrow({ where: { id: ana } })).toMatchObject({ status: "closed", handoffRequestedAt: null });
    });
  });

  it("sets the bot's lead alerts, booking and follow-ups and shows the Twilio webhook URL", async () => {
    await inBrowser(stack(), "lead-settings", async (page) => {
      await signUp(page, stack().admin.url, { name: "Lou Lead", email: "lou@garage.example", organization: "Lou Garage" });
      await page.getByRole("link", { name: "Lou Garage assistant" }).click();
      const bot = await botOf(stack(), "Lou Garage");
      const settings = page.getByTestId("lead-settings");
      expect(await settings.getByTestId("twilio-webhook-url").textContent()).toMatch(new RegExp(`/api/webhooks/twilio/${bot.publicKey}$`));

      await settings.getByLabel("Text me at").fill("600 111 222");
      await settings.getByRole("button", { name: "Save lead settings" }).click();
      await settings.getByRole("alert").filter({ hasText: "E.164" }).waitFor();

      await settings.getByLabel("Text me at").fill("+34600111222");
      await settings.getByLabel("Email me at").fill("lou@garage.example");
      await settings.getByLabel("Offer free slots and book the one the visitor picks").check();
      await settings.getByRole("button", { name: "Add follow-up" }).click();
      await settings.getByLabel("Step 1 wait", { exact: true }).fill("1");
      await settings.getByLabel("Step 1 wait unit").selectOption("h");
      await settings.getByLabel("Step 1 message").fill("Still need that MOT? Reply here.");
      await settings.getByRole("button", { name: "Save lead settings" }).click();
      await settings.getByText("Saved").waitFor();
      await expect
        .poll(async () => {
          const saved = await stack().api.prisma.bot.findUniqueOrThrow({ where: { id: bot.id } });
          return { leadAlerts: saved.leadAlerts, booking: saved.booking, followUps: saved.followUps };
        })
        .toEqual({
          leadAlerts: { sms: "+34600111222", email: "lou@garage.example" },
          booking: { enabled: true, slotsOffered: 3 },
          followUps: [{ after: "1h", channel: "sms", message: "Still need that MOT? Reply here." }],
        });
      await shot(page, "bot-lead-settings");
    });
  });

  it("connects Salesforce with a token and instance URL, and a hot lead shows its Salesforce sync", async () => {
    await inBrowser(stack(), "salesforce", async (page) => {
      await signUp(page, stack().admin.url, { name: "Sal Sales", email: "sal@dental.example", organization: "Sal Dental" });
      await page.locator("nav.nav").getByRole("link", { name: "Integrations" }).click();
      await page.getByRole("button", { name: "Connect Salesforce" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Instance URL").fill(salesforce.url);
      await dialog.getByLabel("Login URL").fill(salesforce.url);
      const token = dialog.getByLabel("Access token");
      expect(await token.getAttribute("type")).toBe("password");
      await token.fill("00D000000000001!revoked-token");
      await dialog.getByRole("button", { name: "Test and save" }).click();
      await dialog.getByTestId("integration-error").filter({ hasText: "INVALID_SESSION_ID" }).waitFor();
      await token.fill(SALESFORCE_TOKEN);
      await dialog.getByRole("button", { name: "Test and save" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.locator('[data-integration="salesforce"][data-status="connected"]').waitFor();

      await seedLeads(stack(), "Sal Dental");
      await expect.poll(() => salesforce.byType("Lead").map((lead) => lead.fields.AI_Tier__c), { timeout: 30_000 }).toEqual(["hot"]);
      await page.locator("nav.nav").getByRole("link", { name: "Leads" }).click();
      await page.getByTestId("leads").getByRole("link", { name: "Ana Ruiz" }).click();
      const actions = page.getByTestId("lead-actions");
      await actions.locator("tr").filter({ hasText: "Salesforce lead/contact" }).getByText("succeeded").waitFor({ timeout: 30_000 });
      await actions.locator("tr").filter({ hasText: "Salesforce task" }).getByText("succeeded").waitFor({ timeout: 30_000 });
      await shot(page, "lead-salesforce-sync");
    });
  });
});
