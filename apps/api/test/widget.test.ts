import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

const scriptDir = mkdtempSync(join(tmpdir(), "frontdesk-widget-js-"));
const scriptPath = join(scriptDir, "widget.js");

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let restrictedKey: string;

beforeAll(async () => {
  t = await createTestApi({ widgetScriptPath: scriptPath });
  a = await createTenant(t.deps, "Alpha");
  b = await createTenant(t.deps, "Beta");
  const call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Returns", text: "Returns are accepted within 30 days with a receipt." });
  const restricted = await call("POST", "/api/v1/bots", { name: "Shop bot", greeting: "Welcome to the shop", allowedOrigins: ["https://shop.example.com"], knowledgeBaseIds: [a.knowledgeBaseId] });
  restrictedKey = ((await restricted.json()) as { publicKey: string }).publicKey;
  await t.deps.events.drain();
});
afterAll(() => t?.close());

const widget = (path: string, init: { method?: string; key?: string; origin?: string; body?: unknown; accept?: string; visitor?: string } = {}) =>
  t.app.request(path, {
    method: init.method ?? "GET",
    headers: {
      ...(init.key ? { "x-frontdesk-bot-key": init.key } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
      ...(init.accept ? { accept: init.accept } : {}),
      ...(init.visitor ? { "x-frontdesk-visitor": init.visitor } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

describe("widget routes", () => {
  it("serves the bot's config by header or ?key=, with CORS for the calling page", async () => {
    const byHeader = await widget("/api/widget/v1/config", { key: a.botPublicKey, origin: "https://anywhere.example" });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get("access-control-allow-origin")).toBe("https://anywhere.example");
    expect(await byHeader.json()).toEqual({ botName: "Alpha 1 assistant", greeting: "Hi! How can I help you today?", appearance: {}, strings: expect.objectContaining({ openChat: "Open chat" }) });

    const byQuery = await widget(`/api/widget/v1/config?key=${restrictedKey}`, { origin: "https://shop.example.com" });
    expect(await byQuery.json()).toEqual({ botName: "Shop bot", greeting: "Welcome to the shop", appearance: {}, strings: expect.objectContaining({ send: "Send" }) });
  });

  it("answers preflight requests", async () => {
    const response = await t.app.request("/api/widget/v1/chat", {
      method: "OPTIONS",
      headers: { origin: "https://shop.example.com", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-frontdesk-bot-key" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-frontdesk-bot-key");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("refuses origins a bot does not allow, and unknown or missing keys", async () => {
    const forbidden = await widget("/api/widget/v1/config", { key: restrictedKey, origin: "https://evil.example" });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    expect(await forbidden.json()).toMatchObject({ code: "forbidden", title: "origin https://evil.example is not allowed for this bot" });

    const unknown = await widget("/api/widget/v1/config", { key: "pk_doesnotexist000000000000", origin: "https://shop.example.com" });
    expect(unknown.status).toBe(404);
    const missing = await widget("/api/widget/v1/config", { origin: "https://shop.example.com" });
    expect(missing.status).toBe(401);
  });

  it("streams a chat answer and returns the visitor's history (only to that visitor)", async () => {
    const response = await widget("/api/widget/v1/chat", {
      method: "POST",
      key: a.botPublicKey,
      origin: "https://anywhere.example",
      accept: "text/event-stream",
      body: { message: "Are returns accepted without a receipt?", visitorId: "visitor-1" },
    });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toContain("token");
    const done = JSON.parse(events.at(-1)?.data ?? "{}") as { conversationId: string; citations: { title: string }[] };
    expect(events.at(-1)?.event).toBe("done");
    expect(done.citations[0]?.title).toBe("Returns");

    const history = await widget(`/api/widget/v1/conversations/${done.conversationId}`, { visitor: "visitor-1", key: a.botPublicKey });
    expect(history.status).toBe(200);
    const body = (await history.json()) as { id: string; status: string; messages: { role: string; content: string; citations: unknown[] }[] };
    expect(body.id).toBe(done.conversationId);
    expect(body.status).toBe("open");
    expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(Object.keys(body.messages[0] ?? {}).sort()).toEqual(["citations", "content", "createdAt", "id", "role"]);

    expect((await widget(`/api/widget/v1/conversations/${done.conversationId}`, { visitor: "visitor-2", key: a.botPublicKey })).status).toBe(404);
    expect((await widget(`/api/widget/v1/conversations/${done.conversationId}`, { key: a.botPublicKey })).status).toBe(404);
    // Another bot's key, even in the same organization, does not open it.
    expect((await widget(`/api/widget/v1/conversations/${done.conversationId}`, { visitor: "visitor-1", key: restrictedKey })).status).toBe(404);
    expect((await widget(`/api/widget/v1/conversations/${done.conversationId}`, { visitor: "visitor-1", key: b.botPublicKey })).status).toBe(404);

    // Continuing needs the same visitor.
    const other = await widget("/api/widget/v1/chat", {
      method: "POST",
      key: a.botPublicKey,
      body: { message: "hi", visitorId: "visitor-2", conversationId: done.conversationId },
    });
    expect(other.status).toBe(404);
    const stored = await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: done.conversationId } });
    expect(stored).toMatchObject({ channel: "web", visitorId: "visitor-1" });
  });

  it("validates the chat body", async () => {
    const response = await widget("/api/widget/v1/chat", { method: "POST", key: a.botPublicKey, body: { message: "hi" } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field: "visitorId" }] });
    const malformed = await t.app.request("/api/widget/v1/chat", {
      method: "POST",
      headers: { "x-frontdesk-bot-key": a.botPublicKey, "content-type": "application/json" },
      body: "{",
    });
    expect(malformed.status).toBe(400);
  });

  it("answers ids PostgreSQL cannot even compare (a NUL byte) with 404 or 422, never a 500", async () => {
    // Found by the property test on PostgreSQL: the id reached the query and the database refused the string.
    const key = a.botPublicKey;
    expect((await widget("/api/widget/v1/conversations/%00", { key, visitor: "visitor-1" })).status).toBe(404);
    expect((await widget("/api/widget/v1/conversations/%00/messages", { key, visitor: "visitor-1" })).status).toBe(404);
    const after = await widget("/api/widget/v1/conversations/abc/messages?after=%00", { key, visitor: "visitor-1" });
    expect(after.status).toBe(422);
    expect(await after.json()).toMatchObject({ errors: [{ field: "after" }] });
    const chat = await widget("/api/widget/v1/chat", { method: "POST", key, visitor: "visitor-1", body: { message: "hi", conversationId: "\u0000" } });
    expect(chat.status).toBe(422);
    expect(await chat.json()).toMatchObject({ errors: [{ field: "conversationId" }] });
    const lead = await widget("/api/widget/v1/conversations/%00/lead", { method: "POST", key, visitor: "visitor-1", body: { email: "a@example.com" } });
    expect(lead.status).toBe(404);
  });
});

describe("widget script and demo page", () => {
  it("serves widget.js as JavaScript with caching, or a 503 problem with a hint when it is not built", async () => {
    const missing = await t.app.request("/widget.js");
    expect(missing.status).toBe(503);
    expect(((await missing.json()) as { title: string }).title).toMatch(/npm run build -w @frontdesk\/widget/);

    writeFileSync(scriptPath, "console.log('frontdesk widget');");
    const served = await t.app.request("/widget.js");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(served.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(await served.text()).toBe("console.log('frontdesk widget');");
  });

  it("renders a demo page embedding the widget for a key", async () => {
    const page = await t.app.request(`/widget/demo?key=${a.botPublicKey}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<script src="/widget.js" data-bot-key="${a.botPublicKey}" async></script>`);
    // The snippet wraps on a phone instead of widening the page.
    expect(html).toMatch(/pre \{ white-space: pre-wrap; overflow-wrap: anywhere; \}/);
    expect((await t.app.request("/widget/demo?key=<script>")).status).toBe(422);
  });
});
