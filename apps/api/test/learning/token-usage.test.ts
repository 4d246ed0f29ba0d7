import { rollUpTokenUsage } from "@frontdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// GET /api/v1/usage: the token-usage rollup (written by the real roll-up cron over seeded answers) per day and bot.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let otherBotId: string;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Usage");
  b = await createTenant(t.deps, "Other");
  call = client(t.app, a.apiKey);
  otherBotId = ((await (await call("POST", "/api/v1/bots", { name: "Phone" })).json()) as { id: string }).id;
  const db = t.deps.prisma;
  const answer = async (organizationId: string, botId: string, createdAt: string, promptTokens: number | null, completionTokens: number | null) => {
    const conversation = await db.conversation.create({ data: { organizationId, botId, channel: "web", createdAt: new Date(createdAt) } });
    await db.message.create({ data: { organizationId, conversationId: conversation.id, role: "user", content: "q", createdAt: new Date(createdAt) } });
    await db.message.create({ data: { organizationId, conversationId: conversation.id, role: "assistant", content: "a", promptTokens, completionTokens, createdAt: new Date(createdAt) } });
  };
  await answer(a.organizationId, a.botId, "2026-11-01T10:00:00Z", 100, 20);
  await answer(a.organizationId, a.botId, "2026-11-01T23:59:00Z", 50, 5);
  await answer(a.organizationId, otherBotId, "2026-11-01T12:00:00Z", 300, 60);
  // An extractive answer: a request without tokens.
  await answer(a.organizationId, a.botId, "2026-11-03T08:00:00Z", null, null);
  await answer(b.organizationId, b.botId, "2026-11-01T10:00:00Z", 999, 999);
  await rollUpTokenUsage(t.deps, { days: ["2026-11-01", "2026-11-02", "2026-11-03"] });
}, 120_000);
afterAll(() => t?.close());

async function usage(query: string) {
  const response = await call("GET", `/api/v1/usage${query}`);
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe("token usage", () => {
  it("lists every day and bot of the range, zeros where nothing was used", async () => {
    const zero = { promptTokens: 0, completionTokens: 0, requests: 0 };
    expect(await usage("?from=2026-11-01&to=2026-11-03")).toEqual({
      from: "2026-11-01",
      to: "2026-11-03",
      totals: { promptTokens: 450, completionTokens: 85, requests: 4 },
      bots: [
        { botId: otherBotId, name: "Phone", promptTokens: 300, completionTokens: 60, requests: 1 },
        { botId: a.botId, name: expect.any(String), promptTokens: 150, completionTokens: 25, requests: 3 },
      ],
      days: [
        {
          date: "2026-11-01",
          promptTokens: 450,
          completionTokens: 85,
          requests: 3,
          bots: [
            { botId: otherBotId, promptTokens: 300, completionTokens: 60, requests: 1 },
            { botId: a.botId, promptTokens: 150, completionTokens: 25, requests: 2 },
          ],
        },
        { date: "2026-11-02", ...zero, bots: [{ botId: otherBotId, ...zero }, { botId: a.botId, ...zero }] },
        { date: "2026-11-03", ...zero, requests: 1, bots: [{ botId: otherBotId, ...zero }, { botId: a.botId, ...zero, requests: 1 }] },
      ],
    });
  });

  it("narrows to one bot, and another organization's bot is not found", async () => {
    const phone = await usage(`?from=2026-11-01&to=2026-11-02&botId=${otherBotId}`);
    expect(phone).toMatchObject({ totals: { promptTokens: 300, completionTokens: 60, requests: 1 }, bots: [{ botId: otherBotId }] });
    expect((phone.days as unknown[]).length).toBe(2);
    expect((await call("GET", `/api/v1/usage?botId=${b.botId}`)).status).toBe(404);
    // Default range: the last 30 days, all zeros here.
    const recent = await usage("");
    expect(recent.days as unknown[]).toHaveLength(30);
    expect(recent.totals).toEqual({ promptTokens: 0, completionTokens: 0, requests: 0 });
  });

  it("names the field of a bad range", async () => {
    for (const [query, field] of [["?from=2026-11-01T10:00:00Z", "from"], ["?from=2026-11-05&to=2026-11-01", "from"], ["?from=2024-01-01&to=2026-11-01", "to"]] as const) {
      const response = await call("GET", `/api/v1/usage${query}`);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toContain(field);
    }
  });
});
