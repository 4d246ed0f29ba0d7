import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { mergeMessageMetadata } from "./merge-message-metadata";

// Runs on PGlite, or on PostgreSQL with TEST_DATABASE_URL, where the writers below really overlap.
let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let conversationId: string;

beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "merge@example.com", password: "password-m", organizationName: "M" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "system" } };
  const bot = await ctx.prisma.bot.findFirstOrThrow({ where: { organizationId: owner.organizationId } });
  conversationId = (await ctx.prisma.conversation.create({ data: { organizationId: owner.organizationId, botId: bot.id, channel: "sms" } })).id;
});
afterAll(() => t?.close());

const newMessage = () =>
  ctx.prisma.message.create({ data: { organizationId: ctx.organizationId, conversationId, role: "assistant", content: "Hi", metadata: { type: "follow_up" } } });

describe("mergeMessageMetadata", () => {
  it("keeps every concurrent writer's keys and the ones already there", async () => {
    const message = await newMessage();
    await Promise.all(Array.from({ length: 12 }, (_, index) => mergeMessageMetadata(ctx, message.id, { [`key${index}`]: index })));
    const stored = (await ctx.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).metadata as Record<string, unknown>;
    expect(stored).toEqual({ type: "follow_up", ...Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`key${index}`, index])) });
  });

  it("sets the external id when given, and refuses a delivery update over a status it must not undo", async () => {
    const message = await newMessage();
    expect(await mergeMessageMetadata(ctx, message.id, { delivery: { status: "delivered" } }, { externalId: `SM${"a".repeat(32)}` })).toBe(true);
    expect(await mergeMessageMetadata(ctx, message.id, { delivery: { status: "sent" } }, { unlessDeliveryStatusIn: ["delivered", "read"] })).toBe(false);
    expect(await mergeMessageMetadata(ctx, message.id, { delivery: { status: "read" } }, { unlessDeliveryStatusIn: [] })).toBe(true);
    const stored = await ctx.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ externalId: `SM${"a".repeat(32)}`, metadata: { type: "follow_up", delivery: { status: "read" } } });
  });

  it("changes nothing in another organization", async () => {
    const message = await newMessage();
    expect(await mergeMessageMetadata({ ...ctx, organizationId: "another-org" }, message.id, { sentTo: "+1" })).toBe(false);
    expect((await ctx.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).metadata).toEqual({ type: "follow_up" });
  });
});
