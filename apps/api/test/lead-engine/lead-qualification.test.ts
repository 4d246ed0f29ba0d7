import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../integrations/receiver";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// Leads are re-scored after every visitor message (web chat, lead form, SMS): by the rules without a model, by
// the organization's model (structured output) with one. Every change is kept; lead.qualified fires on tier changes.

const ORG_KEY = "sk-lead-model-0123456789";
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let receiver: Receiver;
let llm: FakeOpenAIServer;
let a: Tenant;
let m: Tenant;

const isQualification = (request: FakeChatRequest) => JSON.stringify(request.tools ?? []).includes("lead_qualification");

beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200 }));
  llm = await startFakeOpenAIServer({
    apiKey: ORG_KEY,
    reply: (request) =>
      isQualification(request)
        ? { toolCalls: [{ name: "lead_qualification", arguments: { score: 82, reasons: ["wants a crown fitted this week", "gave an email address"], serviceInterest: "dental crown", urgency: "medium", budget: null, timeline: "this week", name: "Grace Hopper" } }] }
        : "We can fit crowns on weekdays [1].",
  });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(env.t.deps, "Rules Dental");
  m = await createTenant(env.t.deps, "Model Dental");
  const hook = await client(env.t.app, a.apiKey)("POST", "/api/v1/webhooks", { url: `${receiver.url}/hooks`, events: ["lead.qualified"] });
  expect(hook.status).toBe(201);
  const model = await client(env.t.app, m.apiKey)("PUT", "/api/v1/organization/model", { provider: "openai", model: "gpt-lead", apiKey: ORG_KEY, baseUrl: llm.baseUrl });
  expect(model.status, await model.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await env?.close();
  await receiver?.close();
  await llm?.close();
});

const chat = async (tenant: Tenant, body: Record<string, unknown>) => {
  const response = await client(env.t.app, tenant.apiKey)("POST", "/api/v1/chat", { botId: tenant.botId, ...body });
  expect(response.status).toBe(200);
  const json = (await response.json()) as { conversationId: string };
  await env.t.deps.events.drain();
  return json.conversationId;
};
const leadOf = (conversationId: string) =>
  env.t.deps.prisma.lead.findFirstOrThrow({ where: { conversationId }, include: { changes: { orderBy: { createdAt: "asc" } } } });
const qualifiedHooks = () => receiver.requests.map((request) => JSON.parse(request.body) as { event: string; data: { leadId: string; tier: string; previousTier: string | null } });

describe("qualification by the rules (no model)", () => {
  it("scores a web lead on each turn, keeps every change and emits lead.qualified on each tier change", async () => {
    const conversationId = await chat(a, { message: "Hi, what are your opening hours?", visitor: { name: "Ada", email: "ada@example.com" } });
    let lead = await leadOf(conversationId);
    expect(lead).toMatchObject({ tier: "cold", score: 20, reasons: ["gave an email address", "gave their name"] });

    await chat(a, { conversationId, message: "How much is teeth whitening?" });
    expect(await leadOf(conversationId)).toMatchObject({ tier: "warm", score: 35 });

    await chat(a, { conversationId, message: "Can I book a cleaning for tomorrow? My number is 415-555-0100" });
    lead = await leadOf(conversationId);
    expect(lead.tier).toBe("hot");
    expect(lead.phone).toBe("415-555-0100");
    expect(lead.reasons).toEqual(expect.arrayContaining(["wants to book an appointment", 'wants it soon ("tomorrow")', "gave a phone number", "kept the conversation going"]));
    expect(lead.qualification).toMatchObject({ serviceInterest: "cleaning", urgency: "medium", timeline: "tomorrow" });
    expect(lead.changes.map((change) => [change.previousTier, change.tier, change.method])).toEqual([
      [null, "cold", "rules"],
      ["cold", "warm", "rules"],
      ["warm", "hot", "rules"],
    ]);
    const hooks = qualifiedHooks().filter((hook) => hook.data.leadId === lead.id);
    expect(hooks.map((hook) => [hook.event, hook.data.previousTier, hook.data.tier])).toEqual([
      ["lead.qualified", null, "cold"],
      ["lead.qualified", "cold", "warm"],
      ["lead.qualified", "warm", "hot"],
    ]);
  });

  it("does not record a change when a turn changes nothing", async () => {
    const conversationId = await chat(a, { message: "Do you take insurance?", visitor: { email: "bo@example.com" } });
    await chat(a, { conversationId, message: "Do you take insurance?" });
    expect((await leadOf(conversationId)).changes).toHaveLength(1);
  });

  it("makes a lead of a conversation whose visitor writes contact details, and none of one that never does", async () => {
    const anonymous = await chat(a, { message: "What are your opening hours?" });
    expect(await env.t.deps.prisma.lead.count({ where: { conversationId: anonymous } })).toBe(0);
    await chat(a, { conversationId: anonymous, message: "Please email me at carol@example.com about a whitening quote" });
    expect(await leadOf(anonymous)).toMatchObject({ email: "carol@example.com", tier: "warm" });
  });

  it("scores an SMS lead from the number it texts from", async () => {
    await connectTwilio(env.t.app, a);
    const from = "+14155550142";
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms(from, "Es urgente, me duele una muela. ¿Puedo ir hoy?"));
    await env.t.deps.events.drain();
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: from } });
    expect(lead).toMatchObject({ tier: "hot", qualification: expect.objectContaining({ urgency: "high" }) });
    expect(lead.reasons).toEqual(expect.arrayContaining(["wants to book an appointment", "gave a phone number"]));
  });
});

describe("qualification by the organization's model", () => {
  it("uses structured output and records the model as the method", async () => {
    const conversationId = await chat(m, { message: "I need a crown fitted this week", visitor: { email: "grace@example.com" } });
    const lead = await leadOf(conversationId);
    expect(lead).toMatchObject({
      tier: "hot",
      score: 82,
      name: "Grace Hopper",
      reasons: ["wants a crown fitted this week", "gave an email address"],
      qualification: { serviceInterest: "dental crown", urgency: "medium", budget: null, timeline: "this week" },
    });
    expect(lead.changes.map((change) => change.method)).toEqual(["model"]);
    const asked = llm.requests.filter(isQualification).at(-1);
    expect(JSON.stringify(asked?.messages)).toContain("I need a crown fitted this week");
  });
});
