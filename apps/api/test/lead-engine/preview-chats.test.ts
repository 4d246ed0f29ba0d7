import { analyticsOverview, buildDailySummary, chat } from "@frontdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubspotFake } from "../../../../packages/integrations/test/fakes/hubspot-fake";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectEmail, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// An owner trying the bot in the admin (a signed-in member's chat: an admin preview) is not traffic: no lead, no
// alert, no CRM sync, no follow-up, nothing learned, and no number on the dashboard or in the daily summary. The
// same hot message over SMS does all of it, so the setup below would alert if a preview were let through.

const HUBSPOT_TOKEN = "pat-na1-preview-0123456789ab";
const OWNER_PHONE = "+34600111333";
const OWNER_EMAIL = "owner@preview.example";
const HOT = "Emergency! I need a crown fixed today. Email ana.ruiz@example.com or call +14155550177, budget $400";

let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;

beforeAll(async () => {
  hubspot = await startHubspotFake({ tokens: { [HUBSPOT_TOKEN]: "write" } });
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" }, fakes: { hubspot: hubspot.url } });
  a = await createTenant(env.t.deps, "Preview Dental");
  const call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  await connectEmail(env.t.app, a, smtp.port);
  expect((await call("POST", "/api/v1/integrations", { type: "hubspot", name: "CRM", config: { accessToken: HUBSPOT_TOKEN } })).status).toBe(201);
  const followUps = [{ after: "200ms", channel: "email", message: "Still there, {name}?" }];
  const patch = await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: { sms: OWNER_PHONE, email: OWNER_EMAIL }, followUps });
  expect(patch.status, await patch.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await env?.close();
  await hubspot?.close();
  await smtp?.close();
});

const sideEffects = () => ({
  sms: env.fake.messages.filter((m) => m.To === OWNER_PHONE).length,
  mail: smtp.received.length,
  crmWrites: hubspot.state.requests.filter((r) => !r.startsWith("GET")).length,
});

describe("admin preview chats", () => {
  it("a hot message in a preview: no lead, no alert, no CRM, no follow-up, no knowledge gap", async () => {
    const before = sideEffects();
    // a.ctx is the owner signed in: what the admin's chat preview (tRPC chat.send) calls.
    const first = await chat(a.ctx, { botId: a.botId, message: HOT, channel: "api" });
    await chat(a.ctx, { botId: a.botId, conversationId: first.conversationId, message: "Do you have parking for my zafira?", channel: "api" });
    await env.t.deps.events.drain();
    const db = env.t.deps.prisma;
    expect(await db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).toMatchObject({ preview: true });
    expect(await db.lead.count({ where: { organizationId: a.organizationId } })).toBe(0);
    expect(await db.failedRetrieval.count({ where: { organizationId: a.organizationId } })).toBe(0);
    expect(await db.knowledgeGap.count({ where: { organizationId: a.organizationId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: first.conversationId, metadata: { path: ["type"], equals: "follow_up" } } })).toBe(0);
    expect(sideEffects()).toEqual(before);
  });

  it("the same message over SMS is a hot lead that alerts and syncs (the control)", async () => {
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms("+14155550177", HOT));
    await env.t.deps.events.drain();
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId } });
    expect(lead).toMatchObject({ tier: "hot", phone: "+14155550177" });
    expect(sideEffects().sms).toBe(1);
    expect(sideEffects().crmWrites).toBeGreaterThan(0);
  });

  it("the dashboard and the daily summary count only the visitor's conversation", async () => {
    const today = new Date().toISOString().slice(0, 10);
    // A booking tool the owner tried in the preview is no booking either.
    const preview = await env.t.deps.prisma.conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, preview: true } });
    await env.t.deps.prisma.toolCall.create({ data: { organizationId: a.organizationId, botId: a.botId, conversationId: preview.id, toolName: "calcom_book_meeting", ok: true, durationMs: 40 } });
    const summary = await buildDailySummary(a.ctx, today);
    expect(summary).toMatchObject({ conversations: 1, leads: 1, hotLeads: 1, bookings: 0, escalations: 0 });
    const overview = await analyticsOverview(a.ctx, { from: today, to: today });
    expect(overview.conversations.total).toBe(1);
    expect(overview.conversations.byChannel).toMatchObject({ sms: 1, api: 0 });
    expect(overview.leads).toEqual({ hot: 1, warm: 0, cold: 0 });
    // The SMS turn's answer only: the two preview answers are not in the rollup or the partial day.
    expect(overview.answers.answered + overview.answers.declined).toBe(1);
  });
});
