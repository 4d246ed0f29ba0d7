import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// GET /api/v1/analytics/overview against a seeded history whose numbers are known.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let otherBotId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Analytics");
  b = await createTenant(t.deps, "Empty");
  call = client(t.app, a.apiKey);
  otherBotId = ((await (await call("POST", "/api/v1/bots", { name: "Phone" })).json()) as { id: string }).id;
  const db = t.deps.prisma;
  const organizationId = a.organizationId;
  const conversation = (botId: string, channel: "web" | "sms" | "voice", createdAt: string, handoffRequestedAt?: string) =>
    db.conversation.create({ data: { organizationId, botId, channel, createdAt: at(createdAt), ...(handoffRequestedAt ? { handoffRequestedAt: at(handoffRequestedAt), status: "handoff" } : {}) } });
  const turn = async (conversationId: string, createdAt: string, outcome: "answered" | "declined", rating?: "up" | "down") => {
    await db.message.create({ data: { organizationId, conversationId, role: "user", content: "question", createdAt: at(createdAt) } });
    await db.message.create({
      data: { organizationId, conversationId, role: "assistant", content: "answer", createdAt: at(createdAt), metadata: { outcome, ...(rating ? { rating } : {}) } },
    });
  };
  const c1 = await conversation(a.botId, "web", "2026-11-01T10:00:00Z");
  await turn(c1.id, "2026-11-01T10:00:01Z", "answered", "up");
  const c2 = await conversation(a.botId, "sms", "2026-11-01T12:00:00Z");
  await turn(c2.id, "2026-11-01T12:00:01Z", "declined");
  const c3 = await conversation(a.botId, "web", "2026-11-03T09:00:00Z", "2026-11-03T09:05:00Z");
  await turn(c3.id, "2026-11-03T09:00:01Z", "answered");
  const c4 = await conversation(otherBotId, "voice", "2026-11-02T08:00:00Z");
  await turn(c4.id, "2026-11-02T08:00:01Z", "answered", "down");
  const c5 = await conversation(a.botId, "web", "2026-10-31T23:59:00Z");
  await turn(c5.id, "2026-10-31T23:59:01Z", "answered");
  const c6 = await conversation(otherBotId, "voice", "2026-11-02T15:00:00Z");
  // Admin previews (a member trying the bot): answers, a rating, a handoff, a lead and a tool call none of the
  // numbers below may count.
  const p1 = await db.conversation.create({ data: { organizationId, botId: a.botId, channel: "api", preview: true, createdAt: at("2026-11-02T09:00:00Z") } });
  await turn(p1.id, "2026-11-02T09:00:01Z", "answered", "up");
  await turn(p1.id, "2026-11-02T09:00:02Z", "declined", "down");
  const p2 = await db.conversation.create({
    data: { organizationId, botId: otherBotId, channel: "web", preview: true, createdAt: at("2026-11-03T09:00:00Z"), handoffRequestedAt: at("2026-11-03T09:01:00Z"), status: "handoff" },
  });
  await turn(p2.id, "2026-11-03T09:00:01Z", "answered");

  const lead = (botId: string, conversationId: string | null, tier: "hot" | "warm" | "cold", createdAt: string) =>
    db.lead.create({ data: { organizationId, botId, conversationId, tier, createdAt: at(createdAt) } });
  await lead(a.botId, c1.id, "hot", "2026-11-01T10:01:00Z");
  await lead(a.botId, c2.id, "warm", "2026-11-02T10:00:00Z");
  await lead(otherBotId, c4.id, "cold", "2026-11-02T08:01:00Z");
  await lead(a.botId, c5.id, "hot", "2026-10-31T23:59:30Z");
  await lead(a.botId, p1.id, "hot", "2026-11-02T09:01:00Z");

  await db.call.create({ data: { organizationId, botId: otherBotId, conversationId: c4.id, vapiCallId: "v1", durationSeconds: 60, successEvaluation: "true", createdAt: at("2026-11-02T08:00:00Z") } });
  await db.call.create({ data: { organizationId, botId: otherBotId, conversationId: c6.id, vapiCallId: "v2", durationSeconds: 120, successEvaluation: "false", createdAt: at("2026-11-02T15:00:00Z") } });

  for (const [durationMs, ok] of [[100, true], [200, true], [300, false]] as const) {
    await db.toolCall.create({ data: { organizationId, botId: a.botId, toolName: "lookup_order", ok, durationMs, createdAt: at("2026-11-02T12:00:00Z") } });
  }
  await db.toolCall.create({ data: { organizationId, botId: a.botId, conversationId: p1.id, toolName: "lookup_order", ok: false, durationMs: 5000, createdAt: at("2026-11-02T09:00:01Z") } });

  const expansion = (term: string, status: string, createdAt: string, reviewedAt?: string, source = "learned") =>
    db.queryExpansion.create({
      data: { organizationId, knowledgeBaseId: a.knowledgeBaseId, term, expansions: ["car"], source, status, createdAt: at(createdAt), ...(reviewedAt ? { reviewedAt: at(reviewedAt) } : {}) },
    });
  await expansion("zafira", "pending", "2026-11-02T00:00:00Z");
  await expansion("corsa", "approved", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
  await expansion("transit", "rejected", "2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z");
  await expansion("wifi", "approved", "2026-11-01T00:00:00Z", undefined, "manual");
  for (const status of ["open", "open", "dismissed"]) {
    await db.knowledgeGap.create({ data: { organizationId, botId: a.botId, question: `question ${status}`, status } });
  }
}, 120_000);
afterAll(() => t?.close());

async function overview(query: string, apiKey = a.apiKey) {
  const response = await client(t.app, apiKey)("GET", `/api/v1/analytics/overview${query}`);
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe("analytics overview", () => {
  it("matches the seeded history for the organization", async () => {
    expect(await overview("?from=2026-11-01&to=2026-11-03")).toEqual({
      conversations: {
        total: 5,
        byDay: [
          { date: "2026-11-01", count: 2 },
          { date: "2026-11-02", count: 2 },
          { date: "2026-11-03", count: 1 },
        ],
        byChannel: { web: 2, sms: 1, whatsapp: 0, voice: 2, api: 0 },
      },
      answers: { answered: 3, declined: 1, handoffs: 1, thumbsUp: 1, thumbsDown: 1, resolutionRate: 0.2 },
      leads: { hot: 1, warm: 1, cold: 1 },
      calls: { total: 2, avgDurationSeconds: 90, successRate: 0.5 },
      tools: [{ name: "lookup_order", calls: 3, successRate: 0.6667, p50Ms: 200, p95Ms: 290 }],
      learning: { proposed: 3, approved: 1, rejected: 1, gapsOpen: 2 },
    });
  });

  it("leaves admin preview chats out, also when a partial day is counted over messages", async () => {
    expect(await overview("?from=2026-11-02T00:00:00Z&to=2026-11-03T12:00:00Z")).toMatchObject({
      conversations: { total: 3, byChannel: { web: 1, sms: 0, whatsapp: 0, voice: 2, api: 0 } },
      answers: { answered: 2, declined: 0, handoffs: 1, thumbsUp: 0, thumbsDown: 1 },
      leads: { hot: 0, warm: 1, cold: 1 },
      tools: [{ name: "lookup_order", calls: 3 }],
    });
  });

  it("narrows to one bot", async () => {
    const phone = await overview(`?from=2026-11-01&to=2026-11-03&botId=${otherBotId}`);
    expect(phone).toMatchObject({
      conversations: { total: 2, byChannel: { web: 0, sms: 0, whatsapp: 0, voice: 2, api: 0 } },
      answers: { answered: 1, declined: 0, handoffs: 0, thumbsUp: 0, thumbsDown: 1, resolutionRate: 0 },
      leads: { hot: 0, warm: 0, cold: 1 },
      calls: { total: 2, avgDurationSeconds: 90, successRate: 0.5 },
      tools: [],
      learning: { proposed: 0, approved: 0, rejected: 0, gapsOpen: 0 },
    });
  });

  it("answers zeros, not missing sections, where there is no data", async () => {
    expect(await overview("?from=2026-11-01&to=2026-11-02", b.apiKey)).toEqual({
      conversations: { total: 0, byDay: [{ date: "2026-11-01", count: 0 }, { date: "2026-11-02", count: 0 }], byChannel: { web: 0, sms: 0, whatsapp: 0, voice: 0, api: 0 } },
      answers: { answered: 0, declined: 0, handoffs: 0, thumbsUp: 0, thumbsDown: 0, resolutionRate: 0 },
      leads: { hot: 0, warm: 0, cold: 0 },
      calls: { total: 0, avgDurationSeconds: 0, successRate: 0 },
      tools: [],
      learning: { proposed: 0, approved: 0, rejected: 0, gapsOpen: 0 },
    });
    const foreignBot = await client(t.app, b.apiKey)("GET", `/api/v1/analytics/overview?botId=${a.botId}`);
    expect(foreignBot.status).toBe(404);
    // Default range: the last 30 days.
    expect(((await overview("")).conversations as { byDay: unknown[] }).byDay).toHaveLength(30);
  });

  it("names the field of a bad range", async () => {
    for (const [query, field] of [["?from=yesterday", "from"], ["?from=2026-11-05&to=2026-11-01", "from"], ["?from=2024-01-01&to=2026-11-01", "to"]] as const) {
      const response = await call("GET", `/api/v1/analytics/overview${query}`);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toContain(field);
    }
  });
});
