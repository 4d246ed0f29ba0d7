import { createEventBus } from "@frontdesk/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubspotFake } from "../../../../packages/integrations/test/fakes/hubspot-fake";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectEmail, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// The scheduled functions, run by the in-process executor's scheduler (runScheduled = the minute ticking by):
// pending CRM syncs retried every 5 minutes, retention, token usage per day, and the daily summary sent once
// even when two replicas run its schedule.

const HUBSPOT_TOKEN = "pat-na1-scheduled-0123456789";
const OWNER_EMAIL = "owner@harbor.example";
const DAY_MS = 24 * 60 * 60 * 1000;
let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

const today = new Date().toISOString().slice(0, 10);
/** A UTC time of tomorrow, e.g. at("07:00"). */
const at = (time: string) => new Date(new Date(`${today}T${time}:00.000Z`).getTime() + DAY_MS);

beforeAll(async () => {
  hubspot = await startHubspotFake({ tokens: { [HUBSPOT_TOKEN]: "write" } });
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" }, fakes: { hubspot: hubspot.url } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  await connectEmail(env.t.app, a, smtp.port);
  await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: { email: OWNER_EMAIL }, answerSettings: { minScore: 0.99 } });
}, 120_000);
afterAll(async () => {
  await env?.close();
  await hubspot?.close();
  await smtp?.close();
});

describe("pending CRM syncs", () => {
  it("are tried again by the 5-minute schedule, repeating nothing that succeeded", async () => {
    const visitor = "+14155550401";
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms(visitor, "Emergency! I need a crown fixed today. Email ana.retry@example.com"));
    await env.t.deps.events.drain();
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: visitor }, include: { changes: true } });
    expect(lead.tier).toBe("hot");
    const change = lead.changes.find((c) => c.tier === "hot")!;
    // The CRM was down until the run gave up: its sync is left pending (as runLeadAction leaves a retriable failure).
    await call("POST", "/api/v1/integrations", { type: "hubspot", name: "CRM", config: { accessToken: HUBSPOT_TOKEN } });
    await env.t.deps.prisma.leadAction.create({
      data: { organizationId: a.organizationId, leadId: lead.id, trigger: change.id, kind: "hubspot_contact", status: "pending", attempts: 6, lastError: "HubSpot 503" },
    });
    const mailsBefore = smtp.received.length;

    env.t.deps.events.runScheduled(at("10:12")); // not a 5-minute mark
    await env.t.deps.events.drain();
    expect(hubspot.contacts.size).toBe(0);
    env.t.deps.events.runScheduled(at("10:15"));
    await env.t.deps.events.drain();

    const contact = [...hubspot.contacts.values()].find((c) => c.properties.email === "ana.retry@example.com");
    expect(contact?.properties.phone).toBe(visitor);
    expect(hubspot.deals.size).toBe(1);
    const actions = await env.t.deps.prisma.leadAction.findMany({ where: { leadId: lead.id } });
    expect(Object.fromEntries(actions.map((x) => [x.kind, [x.status, x.attempts]]))).toMatchObject({
      email_alert: ["succeeded", 1],
      hubspot_contact: ["succeeded", 7],
      hubspot_deal: ["succeeded", 1],
      hubspot_note: ["succeeded", 1],
    });
    expect(smtp.received.length).toBe(mailsBefore); // the hot-lead email was not sent again
  });
});

describe("retention", () => {
  it("deletes granular records older than RETENTION_DAYS (30) at night and keeps newer ones", async () => {
    const row = (daysAgo: number) => ({
      organizationId: a.organizationId,
      toolName: "find_slots",
      ok: true,
      durationMs: 5,
      createdAt: new Date(at("03:30").getTime() - daysAgo * DAY_MS),
    });
    const old = await env.t.deps.prisma.toolCall.create({ data: row(31) });
    const recent = await env.t.deps.prisma.toolCall.create({ data: row(29) });
    env.t.deps.events.runScheduled(at("03:30"));
    await env.t.deps.events.drain();
    expect(await env.t.deps.prisma.toolCall.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await env.t.deps.prisma.toolCall.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});

describe("token usage", () => {
  it("is totalled per organization, bot and day by the hourly roll-up, and corrected by the next run", async () => {
    const conversation = await env.t.deps.prisma.conversation.create({ data: { organizationId: a.organizationId, botId: a.botId, channel: "web" } });
    const answer = (promptTokens: number | null, completionTokens: number | null) =>
      env.t.deps.prisma.message.create({ data: { organizationId: a.organizationId, conversationId: conversation.id, role: "assistant", content: "…", promptTokens, completionTokens } });
    await answer(120, 30);
    await answer(80, 20);
    await answer(null, null); // an extractive answer
    const totals = () => env.t.deps.prisma.tokenUsageDaily.findUnique({ where: { organizationId_botId_day: { organizationId: a.organizationId, botId: a.botId, day: today } } });

    env.t.deps.events.runScheduled(at("00:05"));
    await env.t.deps.events.drain();
    const first = await totals();
    expect(first).toMatchObject({ promptTokens: 200, completionTokens: 50 });
    await answer(10, 5);
    env.t.deps.events.runScheduled(at("01:05"));
    await env.t.deps.events.drain();
    expect(await totals()).toMatchObject({ promptTokens: 210, completionTokens: 55, messages: first!.messages + 1 });
  });
});

describe("daily summary", () => {
  it("lists the questions nobody answered and goes out once although two replicas run the schedule", async () => {
    const asked = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Do you repair submarine engines?" });
    expect(((await asked.json()) as { citations: unknown[] }).citations).toEqual([]);
    // The declined question becomes a knowledge gap in a queued learning job: let it run before the next morning.
    await env.t.deps.events.drain();
    // A second API replica on the same database: its own in-process executor and scheduler.
    const replica = createEventBus({ config: env.t.deps.config, prisma: env.t.deps.prisma, logger: env.t.deps.logger, rag: env.t.deps.rag, keyring: env.t.deps.keyring, live: env.t.deps.live });
    try {
      const summaries = () => smtp.received.filter((m) => m.to.includes(OWNER_EMAIL) && /daily summary for/.test(m.raw));
      env.t.deps.events.runScheduled(at("07:00"));
      replica.runScheduled(at("07:00"));
      await Promise.all([env.t.deps.events.drain(), replica.drain()]);
      expect(summaries()).toHaveLength(1);
      const text = summaries()[0]!.raw.replace(/=\r?\n/g, "");
      expect(text).toContain("Unanswered questions");
      expect(text).toContain("Do you repair submarine engines?");
      // The next tick of either replica sends nothing more for that day.
      replica.runScheduled(at("07:00"));
      await replica.drain();
      expect(summaries()).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });
});
