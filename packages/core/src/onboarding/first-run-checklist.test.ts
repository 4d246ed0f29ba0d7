import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations/setup-owner";
import { createTestDeps } from "../testing";
import { firstRunChecklist } from "./first-run-checklist";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "new@example.com", password: "password-n", organizationName: "New" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "user", userId: owner.userId, role: "owner" } };
});
afterAll(() => t.close());

const done = async () => Object.fromEntries((await firstRunChecklist(ctx)).steps.map((s) => [s.step, s.done]));

describe("firstRunChecklist", () => {
  it("ticks each step from the data that shows it was done", async () => {
    expect(await done()).toEqual({ knowledge: false, test: false, widget: false, embed: false, channel: false });
    const organizationId = ctx.organizationId;
    const bot = await t.deps.prisma.bot.findFirstOrThrow({ where: { organizationId } });
    const kb = await t.deps.prisma.knowledgeBase.findFirstOrThrow({ where: { organizationId } });
    const doc = { organizationId, knowledgeBaseId: kb.id, sourceKind: "text" as const, title: "Hours", mimeType: "text/plain", sizeBytes: 5 };
    await t.deps.prisma.document.create({ data: { ...doc, contentHash: "a", status: "processing" } });
    expect((await done()).knowledge).toBe(false);
    await t.deps.prisma.document.create({ data: { ...doc, contentHash: "b", status: "ready" } });
    await t.deps.prisma.conversation.create({ data: { organizationId, botId: bot.id, channel: "api" } });
    expect(await done()).toEqual({ knowledge: true, test: true, widget: false, embed: false, channel: false });
    await t.deps.prisma.bot.update({ where: { id: bot.id }, data: { appearance: { primaryColor: "#ff0000" } } });
    await t.deps.prisma.conversation.create({ data: { organizationId, botId: bot.id, channel: "web" } });
    await t.deps.prisma.conversation.create({ data: { organizationId, botId: bot.id, channel: "whatsapp" } });
    const checklist = await firstRunChecklist(ctx);
    expect(checklist.complete).toBe(true);
  });
});
