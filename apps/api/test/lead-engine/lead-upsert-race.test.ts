import { upsertConversationLead } from "@frontdesk/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTenant, createTestApi, type Tenant } from "../support/test-api";

// Steps of one chat turn (a booking and the contact details read from the same message) may upsert the
// conversation's lead at once; each must end with the one lead, none with a unique-constraint 500.
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Harbor Dental");
}, 120_000);

afterAll(async () => {
  await t?.close();
});

it("concurrent upserts of one conversation's lead all succeed and leave one lead with every field", async () => {
  const conversation = await t.deps.prisma.conversation.create({ data: { organizationId: a.organizationId, botId: a.botId, channel: "api" } });
  const upsert = (contact: { name?: string; email?: string; phone?: string }) =>
    upsertConversationLead(a.ctx, { botId: a.botId, conversationId: conversation.id, contact, source: "conversation" });
  const results = await Promise.allSettled([
    upsert({ email: "ana.lopez@example.com" }),
    upsert({ name: "Ana" }),
    upsert({ phone: "+34600000001" }),
    upsert({ email: "ana.lopez@example.com", name: "Ana" }),
  ]);
  expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  const leads = await t.deps.prisma.lead.findMany({ where: { conversationId: conversation.id } });
  expect(leads).toHaveLength(1);
  expect(leads[0]).toMatchObject({ name: "Ana", email: "ana.lopez@example.com", phone: "+34600000001" });
});
