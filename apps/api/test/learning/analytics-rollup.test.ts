import { analyticsOverview, type ServiceContext } from "@frontdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";
import { analyticsOverviewFromMessages } from "./overview-reference";

// The rolled-up overview (daily answers kept by triggers, resolution from conversation columns) against the same
// numbers counted over every message, on a seeded history that is then changed: bulk and single inserts, ratings
// given and taken back, an outcome edited, a message and a conversation deleted, a bot and the organization deleted.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let ctx: ServiceContext;
let otherBotId: string;

const DAY = 86_400_000;
const start = Date.parse("2026-10-01T00:00:00Z");

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Rollup");
  ctx = { ...t.deps, organizationId: a.organizationId, actor: { type: "system" } };
  otherBotId = ((await (await client(t.app, a.apiKey)("POST", "/api/v1/bots", { name: "Phone" })).json()) as { id: string }).id;
  const db = t.deps.prisma;
  const organizationId = a.organizationId;
  // 60 conversations over 20 days, 6 messages each (3 answers), written in one statement per table.
  const conversations = Array.from({ length: 60 }, (_, i) => ({
    id: `rollup-c${i}`,
    organizationId,
    botId: i % 3 === 0 ? otherBotId : a.botId,
    channel: (["web", "sms", "voice"] as const)[i % 3],
    createdAt: new Date(start + (i % 20) * DAY + (i % 7) * 3_600_000),
    // Every 13th is an admin preview: counted nowhere, whatever happens to its messages.
    preview: i % 13 === 5,
    ...(i % 11 === 0 ? { handoffRequestedAt: new Date(start + (i % 20) * DAY + 4 * 3_600_000), status: "handoff" as const } : {}),
  }));
  await db.conversation.createMany({ data: conversations });
  const messages = conversations.flatMap((conversation, i) =>
    Array.from({ length: 6 }, (_, j) => {
      const assistant = j % 2 === 1;
      const outcome = (i + j) % 5 === 0 ? "declined" : "answered";
      const rating = assistant && (i + j) % 7 === 0 ? "up" : assistant && (i + j) % 9 === 0 ? "down" : undefined;
      return {
        id: `rollup-m${i}-${j}`,
        organizationId,
        conversationId: conversation.id,
        role: assistant ? ("assistant" as const) : ("user" as const),
        content: "text",
        // Conversations run past midnight: some answers land on the next day.
        createdAt: new Date(conversation.createdAt.getTime() + j * 5 * 3_600_000),
        metadata: assistant ? { outcome, ...(rating ? { rating } : {}) } : {},
      };
    }),
  );
  await db.message.createMany({ data: messages });
}, 120_000);
afterAll(() => t?.close());

const ranges = () => [
  { from: "2026-10-01", to: "2026-10-25" },
  { from: "2026-10-03", to: "2026-10-10" },
  { from: "2026-10-02T13:30:00Z", to: "2026-10-12T07:15:00Z" },
  { from: "2026-10-05T10:00:00Z", to: "2026-10-05T20:00:00Z" },
  { from: "2026-10-01", to: "2026-10-25", botId: otherBotId },
  { from: "2026-10-04T06:00:00Z", to: "2026-10-19", botId: a.botId },
];

async function expectSameAsCountingMessages(botGone = false): Promise<void> {
  for (const range of ranges().filter((candidate) => !botGone || candidate.botId !== otherBotId)) {
    const rolledUp = await analyticsOverview(ctx, range);
    expect(rolledUp, JSON.stringify(range)).toEqual(await analyticsOverviewFromMessages(ctx, range));
  }
}

describe("analytics rollup", () => {
  it("gives the numbers counted over every message, for whole days, partial days and one bot", async () => {
    const overview = await analyticsOverview(ctx, ranges()[0]!);
    // The seed is not empty on any side the rollup keeps.
    expect(overview.answers.answered).toBeGreaterThan(50);
    expect(overview.answers.declined).toBeGreaterThan(10);
    expect(overview.answers.thumbsUp).toBeGreaterThan(5);
    expect(overview.answers.thumbsDown).toBeGreaterThan(5);
    expect(overview.answers.resolutionRate).toBeGreaterThan(0);
    expect(overview.answers.resolutionRate).toBeLessThan(1);
    await expectSameAsCountingMessages();
  });

  it("stays the same after ratings, edits, single inserts and deletions", async () => {
    const db = t.deps.prisma;
    await db.message.create({
      data: { organizationId: a.organizationId, conversationId: "rollup-c4", role: "assistant", content: "late", createdAt: new Date(start + 9 * DAY), metadata: { outcome: "declined" } },
    });
    await db.$executeRaw`UPDATE message SET metadata = metadata || '{"rating":"down"}'::jsonb WHERE id IN ('rollup-m1-1', 'rollup-m2-3', 'rollup-m5-5')`;
    await db.$executeRaw`UPDATE message SET metadata = metadata - 'rating' WHERE metadata->>'rating' = 'up' AND "conversationId" IN ('rollup-c7', 'rollup-c14')`;
    await db.$executeRaw`UPDATE message SET metadata = jsonb_set(metadata, '{outcome}', '"answered"') WHERE id = 'rollup-m10-1'`;
    await db.message.delete({ where: { id: "rollup-m12-5" } });
    await db.conversation.delete({ where: { id: "rollup-c13" } });
    await db.conversation.delete({ where: { id: "rollup-c18" } });
    await expectSameAsCountingMessages();

    await client(t.app, a.apiKey)("DELETE", `/api/v1/bots/${otherBotId}`);
    expect(await db.conversation.count({ where: { botId: otherBotId } })).toBe(0);
    await expectSameAsCountingMessages(true);

    // Deleting the organization takes its counts out of the rollup (rows may stay, at zero).
    await db.organization.delete({ where: { id: a.organizationId } });
    const left = await db.analyticsDailyAnswers.aggregate({ where: { organizationId: a.organizationId }, _sum: { answered: true, declined: true, thumbsUp: true, thumbsDown: true } });
    expect(Object.values(left._sum).map((value) => value ?? 0)).toEqual([0, 0, 0, 0]);
  });
});
