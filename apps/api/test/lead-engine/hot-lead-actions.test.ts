import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubspotFake } from "../../../../packages/integrations/test/fakes/hubspot-fake";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { BOT_NUMBER, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// "A hot message → lead hot, HubSpot upsert, owner SMS alert": the worker acts on the tier change, each action once.

const HUBSPOT_TOKEN = "pat-na1-lead-engine-0123456789";
const OWNER_PHONE = "+34600111222";
const OWNER_EMAIL = "owner@harbor.example";
const VISITOR = "+14155550150";

let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  hubspot = await startHubspotFake({ tokens: { [HUBSPOT_TOKEN]: "write" } });
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" }, fakes: { hubspot: hubspot.url } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  for (const integration of [
    { type: "hubspot", name: "CRM", config: { accessToken: HUBSPOT_TOKEN } },
    { type: "email", name: "Mail", config: { host: "127.0.0.1", port: smtp.port, requireTls: false, username: "desk", password: "s3cret", from: "Harbor Desk <desk@harbor.example>" } },
  ]) {
    const response = await call("POST", "/api/v1/integrations", integration);
    expect(response.status, await response.clone().text()).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await env?.close();
  await hubspot?.close();
  await smtp?.close();
});

const alerts = () => env.fake.messages.filter((m) => m.To === OWNER_PHONE);

describe("bot lead alerts", () => {
  it("are set with PATCH /bots/{id} and validated naming the field", async () => {
    const bad = await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: { sms: "600 111 222", email: "nope" } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(["leadAlerts.email", "leadAlerts.sms"]);
    const ok = await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: { sms: OWNER_PHONE, email: OWNER_EMAIL } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ leadAlerts: { sms: OWNER_PHONE, email: OWNER_EMAIL } });
  });
});

describe("a lead turning hot", () => {
  it("texts the owner, emails the owner and upserts the HubSpot contact with ai_* properties, a deal and a note", async () => {
    hubspot.state.serverErrorNext = 2; // HubSpot has a bad moment (a read and its one quick retry): the contact step alone is retried
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms(VISITOR, "Emergency! I need a crown fixed today. Email ana.ruiz@example.com, budget $400"));
    await env.t.deps.events.drain();

    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: VISITOR }, include: { actions: true } });
    expect(lead).toMatchObject({ tier: "hot", email: "ana.ruiz@example.com" });

    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ From: BOT_NUMBER });
    expect(alerts()[0]!.Body).toMatch(/^Hot lead \(\d+\/100\)/);
    expect(alerts()[0]!.Body).toContain("wants crown fixed (emergency) budget $400");
    expect(alerts()[0]!.Body).toContain(`Reach them: ${VISITOR} / ana.ruiz@example.com`);

    const mail = smtp.received.filter((m) => m.to.includes(OWNER_EMAIL));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.raw).toMatch(/Subject: Hot lead: ana\.ruiz@example\.com \(score \d+\/100\)/);

    const contact = [...hubspot.contacts.values()].find((c) => c.properties.email === "ana.ruiz@example.com");
    expect(contact?.properties).toMatchObject({ phone: VISITOR, ai_lead_score: String(lead.score), ai_urgency: "high", ai_budget_range: "$400", ai_service_interest: "crown fixed" });
    const deals = [...hubspot.deals.values()];
    expect(deals).toHaveLength(1);
    expect(deals[0]!.associations).toEqual([{ toId: contact!.id, typeId: 3 }]);
    const notes = [...hubspot.notes.values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain("crown fixed");
    expect(notes[0]!.associations.map((x) => x.toId).sort()).toEqual([contact!.id, deals[0]!.id].sort());

    expect(Object.fromEntries(lead.actions.map((x) => [x.kind, [x.status, x.attempts]]))).toEqual({
      sms_alert: ["succeeded", 1],
      email_alert: ["succeeded", 1],
      hubspot_contact: ["succeeded", 2],
      hubspot_deal: ["succeeded", 1],
      hubspot_note: ["succeeded", 1],
    });
    const detail = (await (await call("GET", `/api/v1/leads/${lead.id}`)).json()) as { actions: { kind: string; status: string }[] };
    expect(detail.actions.map((x) => x.kind).sort()).toEqual(["email_alert", "hubspot_contact", "hubspot_deal", "hubspot_note", "sms_alert"]);
  });

  it("does nothing twice: a replayed event and a lead that stays hot send and write nothing more", async () => {
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: VISITOR }, include: { changes: true } });
    const change = lead.changes.find((c) => c.tier === "hot")!;
    const before = { sms: alerts().length, mail: smtp.received.length, deals: hubspot.deals.size, notes: hubspot.notes.size, writes: hubspot.state.requests.filter((r) => !r.startsWith("GET")).length };
    await env.t.deps.events.send({
      name: "leads/lead.qualified",
      id: `lead-qualified-${change.id}`,
      data: { organizationId: a.organizationId, leadId: lead.id, changeId: change.id, tier: "hot", previousTier: change.previousTier },
    });
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms(VISITOR, "Can I come at 3pm today?"));
    await env.t.deps.events.drain();
    expect(await env.t.deps.prisma.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ tier: "hot" });
    expect({ sms: alerts().length, mail: smtp.received.length, deals: hubspot.deals.size, notes: hubspot.notes.size, writes: hubspot.state.requests.filter((r) => !r.startsWith("GET")).length }).toEqual(before);
  });

  it("still alerts when HubSpot refuses for good, recording the CRM failure", async () => {
    const tenant = await createTenant(env.t.deps, "No CRM Dental");
    const other = client(env.t.app, tenant.apiKey);
    await connectTwilio(env.t.app, tenant);
    await other("POST", "/api/v1/integrations", { type: "hubspot", name: "Revoked", config: { accessToken: "pat-na1-revoked-000000000000" }, skipTest: true });
    await other("PATCH", `/api/v1/bots/${tenant.botId}`, { leadAlerts: { sms: "+34600999888" } });
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${tenant.botPublicKey}`, inboundSms("+14155550160", "Urgent: can I book a cleaning today?"));
    await env.t.deps.events.drain();
    expect(env.fake.messages.filter((m) => m.To === "+34600999888")).toHaveLength(1);
    const actions = await env.t.deps.prisma.leadAction.findMany({ where: { organizationId: tenant.organizationId } });
    expect(Object.fromEntries(actions.map((x) => [x.kind, x.status]))).toEqual({ sms_alert: "succeeded", hubspot_contact: "failed" });
    expect(actions.find((x) => x.kind === "hubspot_contact")?.lastError).toContain("Authentication credentials not valid");
  });
});

describe("escalation", () => {
  it("emails the owner once when a visitor asks for a person", async () => {
    const from = "+14155550170";
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms(from, "Can I talk to a human please? It's about my bill"));
    await env.t.deps.events.drain();
    const escalations = () => smtp.received.filter((m) => m.to.includes(OWNER_EMAIL) && /Subject: Needs a human/.test(m.raw));
    expect(escalations()).toHaveLength(1);
    expect(escalations()[0]!.raw).toContain("It's about my bill");
    const conversation = await env.t.deps.prisma.conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, visitorId: from } });
    expect(conversation.status).toBe("handoff");
    // The visitor got the handoff notice by SMS.
    expect(env.fake.messages.filter((m) => m.To === from).at(-1)?.Body).toContain("asked a person from our team");
    await env.t.deps.events.send({
      name: "leads/escalation.requested",
      data: { organizationId: a.organizationId, conversationId: conversation.id, requestedAt: conversation.handoffRequestedAt!.toISOString() },
    });
    await env.t.deps.events.drain();
    expect(escalations()).toHaveLength(1);
  });
});

describe("daily summary", () => {
  it("emails each organization's owners yesterday's numbers when the scheduled function runs in-process", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrowMorning = new Date(new Date(`${today}T07:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
    const summaries = () => smtp.received.filter((m) => /Subject: .*daily summary for/.test(m.raw));
    env.t.deps.events.runScheduled(new Date(tomorrowMorning.getTime() + 60 * 60 * 1000)); // 08:00: not due
    await env.t.deps.events.drain();
    expect(summaries()).toHaveLength(0);
    env.t.deps.events.runScheduled(tomorrowMorning);
    await env.t.deps.events.drain();
    expect(summaries()).toHaveLength(1);
    const mail = summaries()[0]!;
    expect(mail.to).toEqual([OWNER_EMAIL]);
    const leads = await env.t.deps.prisma.lead.count({ where: { organizationId: a.organizationId } });
    expect(mail.raw).toContain(`daily summary for ${today}: ${leads} leads`);
    expect(mail.raw).toContain("ana.ruiz@example.com");
  });
});
