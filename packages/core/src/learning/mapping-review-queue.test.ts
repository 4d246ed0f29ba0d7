import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations/setup-owner";
import { createTestDeps } from "../testing";
import { listMappingReviewQueue } from "./mapping-review-queue";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let otherCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "queue@example.com", password: "password-q", organizationName: "Queue" });
  const other = await setupOwner(t.deps, { email: "other@example.com", password: "password-o", organizationName: "Other" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "user", userId: owner.userId, role: "owner" } };
  otherCtx = { ...t.deps, organizationId: other.organizationId, actor: { type: "user", userId: other.userId, role: "owner" } };
});
afterAll(() => t.close());

describe("listMappingReviewQueue", () => {
  it("lists pending mappings across knowledge bases (most confident first), then flagged approved ones, scoped by bot", async () => {
    const organizationId = ctx.organizationId;
    const bot = await t.deps.prisma.bot.findFirstOrThrow({ where: { organizationId } });
    const linked = await t.deps.prisma.knowledgeBase.findFirstOrThrow({ where: { organizationId } });
    const unlinked = await t.deps.prisma.knowledgeBase.create({ data: { organizationId, name: "Unlinked", embeddingModel: linked.embeddingModel, embeddingDimensions: linked.embeddingDimensions } });
    const mapping = (knowledgeBaseId: string, term: string, extra: object) =>
      t.deps.prisma.queryExpansion.create({ data: { organizationId, knowledgeBaseId, term, expansions: ["car"], source: "learned", ...extra } });
    await mapping(linked.id, "zafira", { status: "pending", confidence: 0.4 });
    await mapping(unlinked.id, "corsa", { status: "pending", confidence: 0.9 });
    await mapping(linked.id, "lot", { status: "approved", timesUsed: 4, timesSuccessful: 1 });
    await mapping(linked.id, "auto", { status: "approved", timesUsed: 4, timesSuccessful: 3 });
    await mapping(linked.id, "bus", { status: "rejected" });

    const queue = await listMappingReviewQueue(ctx);
    expect(queue.map((m) => [m.term, m.status, m.flagged, m.knowledgeBaseName])).toEqual([
      ["corsa", "pending", false, "Unlinked"],
      ["zafira", "pending", false, linked.name],
      ["lot", "approved", true, linked.name],
    ]);
    expect((await listMappingReviewQueue(ctx, { botId: bot.id })).map((m) => m.term)).toEqual(["zafira", "lot"]);
    expect(await listMappingReviewQueue(otherCtx)).toEqual([]);
  });
});
