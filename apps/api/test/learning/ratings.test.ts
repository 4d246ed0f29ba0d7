import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "../support/sse";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// Thumbs up/down from the widget, "that didn't help" as a thumbs down, and both in the analytics overview.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let publicKey: string;

beforeAll(async () => {
  t = await createTestApi({ env: { WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "1000", WIDGET_RATE_LIMIT_PER_MINUTE_IP: "1000" } });
  a = await createTenant(t.deps, "Ratings");
  call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Hours", text: "We are open Monday to Friday from 9am to 5pm." });
  await t.deps.events.drain();
  const bot = await call("POST", "/api/v1/bots", { name: "Desk", knowledgeBaseIds: [a.knowledgeBaseId] });
  publicKey = ((await bot.json()) as { publicKey: string }).publicKey;
}, 120_000);
afterAll(() => t?.close());

const widget = (path: string, visitor: string, body?: unknown) =>
  t.app.request(`/api/widget/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-frontdesk-bot-key": publicKey, "x-frontdesk-visitor": visitor, "content-type": "application/json", accept: "text/event-stream" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function ask(visitor: string, message: string, conversationId?: string): Promise<{ conversationId: string; messageId: string }> {
  const response = await widget("/chat", visitor, { message, conversationId });
  expect(response.status, await response.clone().text()).toBe(200);
  return JSON.parse(parseSse(await response.text()).at(-1)!.data) as { conversationId: string; messageId: string };
}

const rate = (visitor: string, conversationId: string, messageId: string, rating: unknown) =>
  widget(`/conversations/${conversationId}/messages/${messageId}/rating`, visitor, { rating });

async function answers(): Promise<Record<string, number>> {
  const response = await call("GET", "/api/v1/analytics/overview");
  return ((await response.json()) as { answers: Record<string, number> }).answers;
}

describe("answer ratings", () => {
  it("counts a visitor's thumbs in the overview and shows it in their conversation; the rating can change or be taken back", async () => {
    const first = await ask("visitor-1", "When are you open?");
    const up = await rate("visitor-1", first.conversationId, first.messageId, "up");
    expect(up.status, await up.clone().text()).toBe(200);
    expect(await up.json()).toEqual({ messageId: first.messageId, rating: "up" });
    expect(await answers()).toMatchObject({ answered: 1, thumbsUp: 1, thumbsDown: 0, resolutionRate: 1 });
    const history = (await (await widget(`/conversations/${first.conversationId}`, "visitor-1")).json()) as { messages: Array<{ id: string; rating?: string }> };
    expect(history.messages.find((m) => m.id === first.messageId)?.rating).toBe("up");

    await rate("visitor-1", first.conversationId, first.messageId, "down");
    expect(await answers()).toMatchObject({ thumbsUp: 0, thumbsDown: 1, resolutionRate: 0 });
    await rate("visitor-1", first.conversationId, first.messageId, null);
    expect(await answers()).toMatchObject({ thumbsUp: 0, thumbsDown: 0, resolutionRate: 1 });
  });

  it("refuses another visitor's answer, a visitor's own message and a bad rating", async () => {
    const mine = await ask("visitor-2", "What are your hours?");
    expect((await rate("someone-else", mine.conversationId, mine.messageId, "up")).status).toBe(404);
    const history = (await (await widget(`/conversations/${mine.conversationId}`, "visitor-2")).json()) as { messages: Array<{ id: string; role: string }> };
    const question = history.messages.find((m) => m.role === "user")!;
    expect((await rate("visitor-2", mine.conversationId, question.id, "up")).status).toBe(404);
    const bad = await rate("visitor-2", mine.conversationId, mine.messageId, "meh");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["rating"]);
    expect((await rate("visitor-2", mine.conversationId, "no%00id", "up")).status).toBe(404);
  });

  it("takes \"that didn't help\" as a thumbs down on the answer before it", async () => {
    const before = await answers();
    const first = await ask("visitor-3", "When are you open?");
    await ask("visitor-3", "That didn't help", first.conversationId);
    await t.deps.events.drain();
    const after = await answers();
    expect(after.thumbsDown).toBe(before.thumbsDown! + 1);
    const history = (await (await widget(`/conversations/${first.conversationId}`, "visitor-3")).json()) as { messages: Array<{ id: string; rating?: string }> };
    expect(history.messages.find((m) => m.id === first.messageId)?.rating).toBe("down");
  });
});
