import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../widget/test/browser";
import { ensureWidgetBuilt } from "../../widget/test/build-widget";
import { hostPageHtml, startHostPage, type HostPage } from "../../widget/test/host-page";
import { startServer, type RunningServer } from "../src/start-server";
import { createTenant, createTestApi, type Tenant } from "./support/test-api";

// Appearance, lazy panel, rate limits, lead capture, human handoff, tabs and accessibility: the built widget on a
// customer page in Chromium against the real API (fresh database, synthetic embeddings, extractive answers).

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
let tenant: Tenant;
let browser: Browser;
const hosts: HostPage[] = [];
const contexts: BrowserContext[] = [];

async function api(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function botWith(settings: object): Promise<{ id: string; publicKey: string }> {
  const response = await api("POST", "/api/v1/bots", { name: "Harbor desk", knowledgeBaseIds: [tenant.knowledgeBaseId], ...settings });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; publicKey: string };
}

async function pageFor(botKey: string, attributes: Record<string, string> = {}): Promise<Page> {
  const host = await startHostPage(() => hostPageHtml({ widgetSrc: `${server.url}/widget.js`, botKey, attributes }));
  hosts.push(host);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(host.url);
  return page;
}

const ask = async (page: Page, text: string) => {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
};

beforeAll(async () => {
  const widgetJsPath = await ensureWidgetBuilt();
  t = await createTestApi({ widgetScriptPath: widgetJsPath, env: { WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "5", WIDGET_RATE_LIMIT_PER_MINUTE_IP: "1000" } });
  server = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
  tenant = await createTenant(t.deps, "Harbor");
  await api("POST", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, { title: "Hours", text: "We are open Monday to Friday from 9am to 5pm." });
  await t.deps.events.drain();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
  await server?.close();
  await t?.close();
});

describe("widget features against the real API", () => {
  it("loads the panel lazily from the API and shows the bot's appearance, with data-* overriding it", async () => {
    const bot = await botWith({
      appearance: { name: "Ada at Harbor", primaryColor: "#0f766e", launcherLabel: "Ask Ada", locale: "fr", suggestedQuestions: ["When are you open?"] },
    });
    const panelResponse = (page: Page) => page.waitForResponse((r) => r.url().includes("/widget-panel.js?v="));
    const page = await pageFor(bot.publicKey, { "data-primary-color": "#7c2d12" });
    const panel = await panelResponse(page).catch(() => null); // may already have loaded on idle
    if (panel) expect(panel.headers()["cache-control"]).toContain("immutable");
    const launcher = page.getByRole("button", { name: "Ask Ada" });
    await launcher.click();
    await expect.poll(() => page.getByRole("dialog", { name: "Ada at Harbor" }).isVisible()).toBe(true);
    // Read in the page (this file is type-checked without the DOM lib, hence the structural types).
    const rootStyle = await page.locator("[data-frontdesk-widget] >> .fd-root").evaluate((el) => {
      const { getComputedStyle } = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(p: string): string } };
      return [(el as unknown as { lang: string }).lang, getComputedStyle(el).getPropertyValue("--a").trim()];
    });
    expect(rootStyle).toEqual(["fr", "#7c2d12"]);
    expect(await page.getByRole("button", { name: "Réduire le chat" }).isVisible()).toBe(true);

    await page.getByRole("group", { name: "Questions suggérées" }).getByRole("button", { name: "When are you open?" }).click();
    const answer = page.locator('[data-role="assistant"]:not([aria-busy])').last();
    await expect.poll(() => answer.textContent(), { timeout: 30_000 }).toContain("Monday");
    expect(await page.getByTestId("suggestions").count()).toBe(0);
  });

  it("shows the wait time when rate limited and keeps the message for Retry", async () => {
    const bot = await botWith({});
    const page = await pageFor(bot.publicKey);
    await page.getByRole("button", { name: "Open chat" }).click();
    for (let i = 0; i < 5; i++) {
      await ask(page, `hours ${i}?`);
      await expect.poll(() => page.locator('[data-role="assistant"]:not([aria-busy])').count(), { timeout: 30_000 }).toBe(i + 1);
    }
    await ask(page, "one more?");
    const error = page.getByTestId("chat-error");
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toMatch(/Too many messages\. Try again in \d+ s\./);
    expect(await page.locator('[data-role="user"]').last().textContent()).toBe("one more?");
    expect(await page.getByTestId("retry").isEnabled()).toBe(true);
  });

  it("renders the lead form inline, validates it in the browser and on the server, and stores the lead", async () => {
    const bot = await botWith({ leadCapture: { mode: "always", fields: ["name", "email"], requiredFields: ["email"] } });
    const page = await pageFor(bot.publicKey);
    await page.getByRole("button", { name: "Open chat" }).click();
    await ask(page, "When are you open?");
    const form = page.getByTestId("lead-form");
    await form.waitFor({ timeout: 30_000 });
    // The Send button is as tall as the fields (it had no vertical padding), and the fields use 16 px text (iOS zoom).
    const sendBox = await form.getByRole("button", { name: "Send" }).boundingBox();
    const emailBox = await form.getByRole("textbox", { name: "Email *" }).boundingBox();
    expect(sendBox?.height).toBeGreaterThanOrEqual((emailBox?.height ?? 0) - 3);
    expect(await form.getByRole("textbox", { name: "Email *" }).evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize)).toBe("16px");
    await form.getByRole("textbox", { name: "Email *" }).fill("not-an-email");
    await form.getByRole("button", { name: "Send" }).click();
    // The browser refuses the invalid email before anything is sent.
    expect(await form.getByRole("textbox", { name: "Email *" }).evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid)).toBe(false);
    await form.getByRole("textbox", { name: "Name" }).fill("Grace");
    await form.getByRole("textbox", { name: "Email *" }).fill("grace@example.com");
    await form.getByRole("button", { name: "Send" }).click();
    await page.getByTestId("lead-thanks").waitFor();
    const lead = await t.deps.prisma.lead.findFirst({ where: { botId: bot.id } });
    expect(lead).toMatchObject({ name: "Grace", email: "grace@example.com" });
  });

  it("hands off to a person: waiting notice, the bot stays quiet, operator replies are pushed over the event stream", async () => {
    const bot = await botWith({});
    const page = await pageFor(bot.publicKey);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.getByRole("button", { name: "Open chat" }).click();
    await ask(page, "When are you open?");
    await page.locator('[data-role="assistant"]:not([aria-busy])').last().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Talk to a person" }).click();
    await page.getByTestId("handoff-status").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("handoff-status").textContent()).toBe("Waiting for a person…");
    expect(await page.getByRole("button", { name: "Talk to a person" }).count()).toBe(0);

    const conversations = (await (await api("GET", `/api/v1/conversations?botId=${bot.id}`)).json()) as { data: { id: string; status: string }[] };
    const conversation = conversations.data[0]!;
    expect(conversation.status).toBe("handoff");
    const assistantCount = await page.locator('[data-role="assistant"]').count();
    await ask(page, "Anyone there?");
    await expect.poll(() => page.locator('[data-role="user"]').last().textContent()).toBe("Anyone there?");
    await expect.poll(() => page.getByRole("button", { name: "Send" }).isEnabled()).toBe(true);
    expect(await page.locator('[data-role="assistant"]').count()).toBe(assistantCount); // the bot stays quiet

    expect((await api("POST", `/api/v1/conversations/${conversation.id}/replies`, { text: "Hi, Sam here. How can I help?" })).status).toBe(201);
    const operator = page.locator('[data-role="operator"]');
    await expect.poll(() => operator.count(), { timeout: 30_000 }).toBe(1);
    expect(await operator.textContent()).toContain("Hi, Sam here. How can I help?");
    expect(await page.getByTestId("handoff-status").count()).toBe(0);
    // Pushed, not polled: the widget never asks for the message list, it holds the conversation's event stream.
    expect(requested.filter((path) => path.endsWith("/messages"))).toEqual([]);
    expect(requested).toContain(`/api/widget/v1/conversations/${conversation.id}/events`);
  });

  it("follows the conversation across tabs and starts a new one with the New conversation button", async () => {
    const bot = await botWith({});
    const first = await pageFor(bot.publicKey);
    // Same page origin, same browser profile: the same localStorage, like two tabs of one site.
    const second = await first.context().newPage();
    await second.goto(first.url());
    for (const page of [first, second]) await page.getByRole("button", { name: "Open chat" }).click();
    await ask(first, "When are you open?");
    await first.locator('[data-role="assistant"]:not([aria-busy])').last().waitFor({ timeout: 30_000 });
    // The other tab hears about it through the storage event and shows the same conversation.
    await expect.poll(() => second.locator('[data-role="user"]').allTextContents(), { timeout: 30_000 }).toEqual(["When are you open?"]);
    await second.reload();
    await second.getByRole("button", { name: "Open chat" }).click();
    await expect.poll(() => second.locator('[data-role="user"]').count(), { timeout: 30_000 }).toBe(1);

    await first.getByRole("button", { name: "New conversation" }).click();
    expect(await first.locator('[data-testid="message"]').count()).toBe(0);
    await expect.poll(() => second.locator('[data-testid="message"]').count(), { timeout: 30_000 }).toBe(0);
  });

  it("keeps the message with Retry while the network is down, and sends it once it is back", async () => {
    const bot = await botWith({});
    const page = await pageFor(bot.publicKey);
    await page.getByRole("button", { name: "Open chat" }).click();
    await page.getByRole("textbox", { name: "Message" }).waitFor();
    await page.context().setOffline(true); // every fetch now fails, like a dropped connection or a stopped server
    await ask(page, "When are you open?");
    const error = page.getByTestId("chat-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("Couldn't reach the assistant");
    expect(await page.locator('[data-role="user"]').allTextContents()).toEqual(["When are you open?"]);

    await page.context().setOffline(false);
    await page.getByTestId("retry").click();
    const answer = page.locator('[data-role="assistant"]:not([aria-busy])').last();
    await expect.poll(() => answer.textContent(), { timeout: 30_000 }).toContain("Monday");
    expect(await page.locator('[data-role="user"]').allTextContents()).toEqual(["When are you open?"]);
    expect(await page.getByTestId("chat-error").count()).toBe(0);
  });

  it("has no serious or critical axe-core violations (WCAG 2 AA, including contrast) with the panel open", async () => {
    const bot = await botWith({ appearance: { suggestedQuestions: ["When are you open?"] }, leadCapture: { mode: "always", fields: ["name", "email", "phone"], requiredFields: ["email"] } });
    const page = await pageFor(bot.publicKey);
    await page.getByRole("button", { name: "Open chat" }).click();
    await ask(page, "When are you open?");
    await page.getByTestId("lead-form").waitFor({ timeout: 30_000 });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [["frontdesk-widget"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });
});
