import { logStatements, testServerUrl } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { loadTurnBot, withKnowledgeBaseSettings } from "./turn-bot";

// A chat turn's bot: the same row and links as Prisma's include (withKnowledgeBaseSettings), read in one round trip.

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let other: ServiceContext;
let botId: string;

beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "turn-bot@example.com", password: "password-t", organizationName: "Turn" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "system" } };
  botId = owner.botId;
  // A second knowledge base, linked later, with its own settings: the links come back in id order either way.
  const second = await t.deps.prisma.knowledgeBase.create({
    data: { organizationId: owner.organizationId, name: "Second", embeddingModel: "test/other-384", embeddingDimensions: 384, retrievalSettings: { topK: 3 } },
  });
  await t.deps.prisma.botKnowledgeBase.create({ data: { botId, knowledgeBaseId: second.id, organizationId: owner.organizationId } });
  const stranger = await setupOwner(t.deps, { email: "other-bot@example.com", password: "password-o", organizationName: "Other" });
  other = { ...t.deps, organizationId: stranger.organizationId, actor: { type: "system" } };
}, 120_000);
afterAll(() => t?.close());

describe("loadTurnBot", () => {
  it("reads what Prisma's include reads, and nothing of another organization", async () => {
    const included = await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, include: withKnowledgeBaseSettings });
    const loaded = await loadTurnBot(ctx, botId);
    expect(loaded!.knowledgeBases).toHaveLength(2);
    expect(loaded).toEqual(included);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(included));
    expect(await loadTurnBot(other, botId)).toBeNull();
  });

  // node-postgres statements only: PGlite's are not seen.
  it.skipIf(!testServerUrl())("sends its statements at once: one round trip, not three in a row", async () => {
    const log = logStatements();
    try {
      await loadTurnBot(ctx, botId);
    } finally {
      log.stop();
    }
    const [first, ...rest] = log.statements;
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((statement) => statement.startedAt < first!.endedAt!)).toBe(true);
  });
});
