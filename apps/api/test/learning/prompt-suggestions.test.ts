import { createApiKey, generateSuggestions, isoWeek, type SuggestionView } from "@frontdesk/core";
import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// Weekly prompt suggestions: a seeded week of gaps, frustrated conversations, a failing mapping, a failing tool and
// declined questions becomes the expected suggestions with their evidence; the weekly schedule makes them once per
// bot and week; dismiss and done over REST; the organization's model words them when configured.

const MODEL_KEY = "sk-suggestions-0123456789";
const DAY_MS = 86_400_000;
let t: Awaited<ReturnType<typeof createTestApi>>;
let llm: FakeOpenAIServer;
let a: Tenant;
let other: Tenant;
let modelled: Tenant;
let broken: Tenant;
let seeded: Awaited<ReturnType<typeof seedWeek>>;

const isSuggestions = (request: FakeChatRequest) => JSON.stringify(request.tools ?? []).includes("prompt_suggestions");

// The schedule is set to Monday 00:00 UTC, when the next ISO week starts: the seeded records (now) are then always in
// the 7 days before it, and "now" is always another week. With the default (06:00) a run on a Monday before 06:00
// put the seeded records outside the next run's 7 days.
const SUGGESTIONS_CRON = "TZ=UTC 0 0 * * 1";

/** The next Monday 00:00 UTC: when SUGGESTIONS_CRON fires next, with the seeded records in the 7 days before. */
function nextMondayMidnight(): Date {
  const at = new Date();
  at.setUTCHours(0, 0, 0, 0);
  do at.setTime(at.getTime() + DAY_MS);
  while (at.getUTCDay() !== 1);
  return at;
}

async function seedWeek(tenant: Tenant) {
  const { prisma } = t.deps;
  const organizationId = tenant.organizationId;
  const botId = tenant.botId;
  const conversation = async (messages: Array<{ content: string; sentiment?: string }>) => {
    const row = await prisma.conversation.create({ data: { organizationId, botId, channel: "web" } });
    for (const [index, message] of messages.entries()) {
      await prisma.message.create({
        data: {
          organizationId,
          conversationId: row.id,
          role: "user",
          content: message.content,
          metadata: message.sentiment ? { sentiment: message.sentiment } : {},
          createdAt: new Date(Date.now() - 60_000 + index * 1000),
        },
      });
    }
    return row.id;
  };
  const parking = [await conversation([{ content: "Where can I park?" }]), await conversation([{ content: "Is there parking nearby?" }])];
  const gap = await prisma.knowledgeGap.create({
    data: { organizationId, botId, question: "Where can I park?", count: 12, examples: ["Where can I park?", "Is there parking nearby?", "parking for a van?"] },
  });
  await prisma.failedRetrieval.createMany({
    data: parking.map((conversationId, index) => ({ organizationId, botId, conversationId, query: index ? "Is there parking nearby?" : "Where can I park?", reason: "no_results", gapId: gap.id })),
  });
  // Asked once: not worth a suggestion yet.
  await prisma.knowledgeGap.create({ data: { organizationId, botId, question: "Do you sell gift cards?", count: 1, examples: ["Do you sell gift cards?"] } });

  const frustrated = [
    await conversation([{ content: "How much does a crown cost?", sentiment: "neutral" }, { content: "This is useless", sentiment: "frustrated" }]),
    await conversation([{ content: "Price of a dental crown please", sentiment: "neutral" }, { content: "I ALREADY ASKED THAT", sentiment: "frustrated" }]),
  ];

  await prisma.toolCall.createMany({
    data: [
      ...Array.from({ length: 4 }, (_, i) => ({ organizationId, botId, conversationId: frustrated[0], toolName: "calcom_book_meeting", ok: i === 0, error: i === 0 ? null : "Cal.com answered 401 Unauthorized", durationMs: 300 })),
      ...Array.from({ length: 3 }, () => ({ organizationId, botId, toolName: "hubspot_find_contact", ok: true, durationMs: 200 })),
    ],
  });
  const mapping = await prisma.queryExpansion.create({
    data: { organizationId, knowledgeBaseId: tenant.knowledgeBaseId, term: "lot", expansions: ["parking"], source: "learned", status: "approved", timesUsed: 4, timesSuccessful: 1 },
  });
  const declined = [await conversation([{ content: "Do you take NHS patients?" }]), await conversation([{ content: "Can I pay in instalments?" }])];
  await prisma.failedRetrieval.createMany({
    data: [
      { organizationId, botId, conversationId: declined[0], query: "Do you take NHS patients?", reason: "declined" },
      { organizationId, botId, conversationId: declined[1], query: "Can I pay in instalments?", reason: "declined" },
    ],
  });
  return { gap, parking, frustrated, mapping, declined };
}

beforeAll(async () => {
  llm = await startFakeOpenAIServer({
    apiKey: MODEL_KEY,
    reply: (request) => {
      if (!isSuggestions(request)) return "OK";
      const findings = /Findings \(JSON\):\n(.*)$/s.exec(String(request.messages.at(-1)?.content))?.[1] ?? "[]";
      const keys = (JSON.parse(findings) as Array<{ key: string }>).map((finding) => finding.key);
      return { toolCalls: [{ name: "prompt_suggestions", arguments: { suggestions: keys.map((key) => ({ key, title: `Model title for ${key}`, detail: "Model detail" })) } }] };
    },
  });
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true", PROMPT_SUGGESTIONS_CRON: SUGGESTIONS_CRON } });
  a = await createTenant(t.deps, "Suggest Dental");
  other = await createTenant(t.deps, "Other Dental");
  modelled = await createTenant(t.deps, "Model Dental");
  broken = await createTenant(t.deps, "Broken Dental");
  for (const [tenant, key] of [[modelled, MODEL_KEY], [broken, "sk-wrong-key-0000000000"]] as const) {
    const response = await client(t.app, tenant.apiKey)("PUT", "/api/v1/organization/model", { provider: "openai", model: "gpt-suggest", apiKey: key, baseUrl: llm.baseUrl });
    expect(response.status, await response.clone().text()).toBe(200);
  }
  seeded = await seedWeek(a);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

const list = async (tenant: Tenant, query = "") => {
  const response = await client(t.app, tenant.apiKey)("GET", `/api/v1/suggestions?botId=${tenant.botId}${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: SuggestionView[] }).data;
};

describe("weekly prompt suggestions", () => {
  it("the weekly schedule turns a seeded week into the expected suggestions, each with its evidence", async () => {
    const monday = nextMondayMidnight();
    t.deps.events.runScheduled(monday);
    await t.deps.events.drain();
    const suggestions = await list(a);
    const byKind = Object.fromEntries(suggestions.map((suggestion) => [suggestion.kind, suggestion]));
    expect(suggestions.map((suggestion) => suggestion.kind).sort()).toEqual(["declined", "failing_mapping", "failing_tool", "frustration", "knowledge_gap"]);
    expect(suggestions.every((suggestion) => suggestion.week === isoWeek(monday) && suggestion.status === "open" && suggestion.method === "rules")).toBe(true);

    expect(byKind.knowledge_gap).toMatchObject({
      title: '12 visitors asked "Where can I park?" and no document answers it',
      detail: expect.stringContaining('"Is there parking nearby?"'),
      evidence: { count: 12, examples: ["Where can I park?", "Is there parking nearby?", "parking for a van?"], conversationIds: expect.arrayContaining(seeded.parking) },
    });
    expect(byKind.frustration).toMatchObject({
      title: '2 conversations had a frustrated visitor, mostly about "crown"',
      evidence: { count: 2, examples: ["How much does a crown cost?", "Price of a dental crown please"], conversationIds: expect.arrayContaining(seeded.frustrated) },
    });
    expect(byKind.frustration?.detail).toContain('"This is useless"');
    expect(byKind.failing_tool).toMatchObject({
      title: "The calcom_book_meeting tool failed 3 of 4 calls",
      evidence: { count: 3, total: 4, examples: ["Cal.com answered 401 Unauthorized"], conversationIds: [seeded.frustrated[0]] },
    });
    expect(byKind.failing_mapping).toMatchObject({ title: 'The mapping "lot" → parking answered 1 of 4 questions', evidence: { count: 3, total: 4 } });
    expect(byKind.declined).toMatchObject({
      title: "2 questions were declined although documents matched",
      evidence: { count: 2, examples: expect.arrayContaining(["Do you take NHS patients?", "Can I pay in instalments?"]), conversationIds: expect.arrayContaining(seeded.declined) },
    });
    // Most evidence first.
    expect(suggestions[0]?.kind).toBe("knowledge_gap");
    // Another organization sees none of it.
    expect(await list(other)).toEqual([]);
  });

  it("runs once per bot and week: the schedule again, or the generator again, adds no duplicates", async () => {
    const monday = nextMondayMidnight();
    const before = await t.deps.prisma.promptSuggestion.count({ where: { botId: a.botId } });
    expect(before).toBe(5);
    t.deps.events.runScheduled(monday);
    await t.deps.events.drain();
    // The same week's run again, at the same instant: later in the week would leave records seeded early in the
    // previous week outside its 7 days.
    const again = await generateSuggestions(a.ctx, { botId: a.botId, now: monday });
    expect(again).toMatchObject({ status: "generated", created: 0, updated: 5 });
    expect(await t.deps.prisma.promptSuggestion.count({ where: { botId: a.botId } })).toBe(5);
    const marker = await t.deps.prisma.jobMarker.findUnique({ where: { key: `prompt-suggestions:${a.botId}:${isoWeek(monday)}` } });
    expect(marker?.status).toBe("done");
  });

  it("dismiss and done over REST; a dismissed one is not suggested again the next week, an open one is carried over", async () => {
    const call = client(t.app, a.apiKey);
    const [gap, frustration] = [(await list(a)).find((s) => s.kind === "knowledge_gap")!, (await list(a)).find((s) => s.kind === "frustration")!];
    const dismissed = await call("POST", `/api/v1/suggestions/${gap.id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(await dismissed.json()).toMatchObject({ id: gap.id, status: "dismissed", resolvedAt: expect.any(String), evidence: { count: 12 } });
    const done = await call("POST", `/api/v1/suggestions/${frustration.id}/done`);
    expect(await done.json()).toMatchObject({ id: frustration.id, status: "done" });
    expect((await list(a)).map((s) => s.kind).sort()).toEqual(["declined", "failing_mapping", "failing_tool"]);
    expect((await list(a, "&status=dismissed")).map((s) => s.id)).toEqual([gap.id]);
    expect((await list(a, "&status=done")).map((s) => s.id)).toEqual([frustration.id]);

    // Another organization's suggestion is not found; a bad status names the field.
    expect((await client(t.app, other.apiKey)("POST", `/api/v1/suggestions/${gap.id}/dismiss`)).status).toBe(404);
    const bad = await call("GET", "/api/v1/suggestions?status=later");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("status");

    // Another week (the current one: the seeded records are in its 7 days too): open findings are carried over,
    // the dismissed gap is not suggested again, the frustration marked done comes back with its evidence.
    const outcome = await generateSuggestions(a.ctx, { botId: a.botId, now: new Date() });
    expect(outcome).toMatchObject({ status: "generated", week: isoWeek(new Date()), created: 1, updated: 3, skipped: 1 });
    const open = await list(a);
    expect(open.find((s) => s.kind === "knowledge_gap")).toBeUndefined();
    expect(open.map((s) => s.kind).sort()).toEqual(["declined", "failing_mapping", "failing_tool", "frustration"]);
    expect(await t.deps.prisma.promptSuggestion.count({ where: { botId: a.botId } })).toBe(6);
  });
});

describe("worded by the organization's model", () => {
  it("uses structured output for the wording and keeps the counted evidence", async () => {
    await seedWeek(modelled);
    expect(await generateSuggestions(modelled.ctx, { botId: modelled.botId })).toMatchObject({ status: "generated", method: "model", created: 5 });
    const suggestions = await list(modelled);
    const gap = suggestions.find((s) => s.kind === "knowledge_gap")!;
    expect(gap).toMatchObject({ method: "model", title: expect.stringMatching(/^Model title for gap:/), detail: "Model detail", evidence: { count: 12 } });
    expect(JSON.stringify(llm.requests.filter(isSuggestions).at(-1)?.messages)).toContain("Where can I park?");
  });

  it("falls back to the counted wording when the model fails", async () => {
    await seedWeek(broken);
    expect(await generateSuggestions(broken.ctx, { botId: broken.botId })).toMatchObject({ status: "generated", method: "rules", created: 5 });
    expect((await list(broken)).find((s) => s.kind === "failing_tool")?.title).toBe("The calcom_book_meeting tool failed 3 of 4 calls");
  });
});

describe("made now, on demand", () => {
  it("POST /suggestions/generate runs the week for one bot, again without duplicates; admins only; bad input named", async () => {
    const fresh = await createTenant(t.deps, "Now Dental");
    await seedWeek(fresh);
    const call = client(t.app, fresh.apiKey);
    const first = await call("POST", "/api/v1/suggestions/generate", { botId: fresh.botId });
    expect(first.status, await first.clone().text()).toBe(200);
    const made = (await first.json()) as { week: string; method: string; created: number; updated: number; data: SuggestionView[] };
    expect(made).toMatchObject({ week: isoWeek(new Date()), method: "rules", created: 5, updated: 0, skipped: 0 });
    expect(made.data.map((s) => s.kind).sort()).toEqual(["declined", "failing_mapping", "failing_tool", "frustration", "knowledge_gap"]);

    const again = await call("POST", "/api/v1/suggestions/generate", { botId: fresh.botId });
    expect(await again.json()).toMatchObject({ created: 0, updated: 5 });
    expect(await t.deps.prisma.promptSuggestion.count({ where: { botId: fresh.botId } })).toBe(5);

    // Another organization's bot is not found there; a missing bot id names the field; members may not run it.
    expect((await client(t.app, other.apiKey)("POST", "/api/v1/suggestions/generate", { botId: fresh.botId })).status).toBe(404);
    expect(await t.deps.prisma.promptSuggestion.count({ where: { organizationId: other.organizationId } })).toBe(0);
    const missing = await call("POST", "/api/v1/suggestions/generate", {});
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toContain("botId");
    const memberKey = (await createApiKey(fresh.ctx, { name: "staff", role: "member" })).key;
    expect((await client(t.app, memberKey)("POST", "/api/v1/suggestions/generate", { botId: fresh.botId })).status).toBe(403);
  });
});
