import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { mergeLeadMetadata } from "./merge-lead-metadata";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let botId: string;

beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "lead-merge@example.com", password: "password-l", organizationName: "L" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "system" } };
  botId = (await ctx.prisma.bot.findFirstOrThrow({ where: { organizationId: owner.organizationId } })).id;
});
afterAll(() => t?.close());

const newLead = async () => {
  const conversation = await ctx.prisma.conversation.create({ data: { organizationId: ctx.organizationId, botId, channel: "web" } });
  return ctx.prisma.lead.create({ data: { organizationId: ctx.organizationId, botId, conversationId: conversation.id, email: "a@example.com", metadata: { source: "identify" }, updatedAt: new Date(Date.now() - 3_600_000) } });
};

describe("mergeLeadMetadata", () => {
  it("keeps a booking written at the same moment as the contact details (no lost update) and moves updatedAt to now", async () => {
    const lead = await newLead();
    await Promise.all([
      mergeLeadMetadata(ctx, lead.id, { booking: { uid: "bk_1", start: "2026-12-08T09:00:00Z" } }),
      mergeLeadMetadata(ctx, lead.id, { source: "conversation", declared: { email: "a@example.com" } }),
      ...Array.from({ length: 8 }, (_, index) => mergeLeadMetadata(ctx, lead.id, { [`note${index}`]: index })),
    ]);
    const stored = await ctx.prisma.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.metadata).toMatchObject({ source: "conversation", declared: { email: "a@example.com" }, booking: { uid: "bk_1" }, note0: 0, note7: 7 });
    expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("changes nothing in another organization", async () => {
    const lead = await newLead();
    expect(await mergeLeadMetadata({ ...ctx, organizationId: "another-org" }, lead.id, { booking: { uid: "x" } })).toBe(false);
    expect((await ctx.prisma.lead.findUniqueOrThrow({ where: { id: lead.id } })).metadata).toEqual({ source: "identify" });
  });
});
