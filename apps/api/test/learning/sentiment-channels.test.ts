import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTwilio, createTwilioTestApi, inboundSms, inboundWhatsapp, postTwilioWebhook } from "../lead-engine/twilio-support";
import { client, createTenant, type Tenant } from "../support/test-api";

// One sentiment classifier for every channel: SMS and WhatsApp turns get the same rules (and the same offer of a
// person) as web chat; with a model configured, the model reads each turn in the background and the rules'
// sentiment stays when it fails.

const GOOD_KEY = "sk-sentiment-good-0123456789";
const BAD_KEY = "sk-sentiment-bad-0123456789";
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let goodModel: FakeOpenAIServer;
let badModel: FakeOpenAIServer;
let sms: Tenant;
let modelled: Tenant;
let broken: Tenant;

const isSentiment = (request: FakeChatRequest) => JSON.stringify(request.tools ?? []).includes("turn_sentiment");
const lastUserText = (request: FakeChatRequest) => JSON.stringify(request.messages.at(-1));

beforeAll(async () => {
  goodModel = await startFakeOpenAIServer({
    apiKey: GOOD_KEY,
    reply: (request) => {
      if (!isSentiment(request)) return "We are open 9 to 5.";
      // The model hears sarcasm the rules cannot: "great, just great" after a failure is frustration.
      return lastUserText(request).includes("just great")
        ? { toolCalls: [{ name: "turn_sentiment", arguments: { sentiment: "frustrated", reasons: ["sarcasm"] } }] }
        : { toolCalls: [{ name: "turn_sentiment", arguments: { sentiment: "neutral", reasons: [] } }] };
    },
  });
  badModel = await startFakeOpenAIServer({
    apiKey: BAD_KEY,
    reply: (request) => (isSentiment(request) ? { toolCalls: [{ name: "turn_sentiment", arguments: { sentiment: "livid" } }] } : "We are open 9 to 5."),
  });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  sms = await createTenant(env.t.deps, "Texting Dental");
  await connectTwilio(env.t.app, sms);
  modelled = await createTenant(env.t.deps, "Model Mood");
  broken = await createTenant(env.t.deps, "Broken Mood");
  for (const [tenant, key, server] of [[modelled, GOOD_KEY, goodModel], [broken, BAD_KEY, badModel]] as const) {
    const response = await client(env.t.app, tenant.apiKey)("PUT", "/api/v1/organization/model", { provider: "openai", model: "gpt-mood", apiKey: key, baseUrl: server.baseUrl });
    expect(response.status, await response.clone().text()).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await env?.close();
  await goodModel?.close();
  await badModel?.close();
});

const prisma = () => env.t.deps.prisma;
const userTurns = async (conversationId: string) =>
  (await prisma().message.findMany({ where: { conversationId, role: "user" }, orderBy: { createdAt: "asc" } })).map(
    (message) => message.metadata as { sentiment?: string; sentimentMethod?: string; sentimentReasons?: string[] },
  );

describe("SMS and WhatsApp turns", () => {
  it("get a sentiment per text; the second frustrated text flags the conversation and texts an offer of a person", async () => {
    const visitor = "+14155550999";
    const hook = `/api/webhooks/twilio/${sms.botPublicKey}`;
    for (const body of ["Do you do root canals?", "This is useless", "Do you do root canals?"]) {
      expect((await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, body))).status).toBe(200);
      await env.t.deps.events.drain();
    }
    const conversation = await prisma().conversation.findFirstOrThrow({ where: { organizationId: sms.organizationId, visitorId: visitor } });
    expect((await userTurns(conversation.id)).map((turn) => turn.sentiment)).toEqual(["neutral", "frustrated", "frustrated"]);
    expect(conversation.metadata).toMatchObject({ flagged: true, flagReason: "frustrated" });
    const texts = env.fake.messages.filter((message) => message.To === visitor).map((message) => message.Body);
    expect(texts.filter((text) => text?.includes("talk to a person"))).toHaveLength(1);
  });

  it("classify a Spanish WhatsApp message and offer a person in Spanish", async () => {
    const visitor = "+5215550001111";
    const hook = `/api/webhooks/twilio/${sms.botPublicKey}`;
    for (const body of ["Esto es inútil", "Ya te lo dije, no funciona"]) {
      expect((await postTwilioWebhook(env.t.app, hook, inboundWhatsapp(visitor, body, "Lucía"))).status).toBe(200);
      await env.t.deps.events.drain();
    }
    const conversation = await prisma().conversation.findFirstOrThrow({ where: { organizationId: sms.organizationId, channel: "whatsapp" } });
    expect((await userTurns(conversation.id)).map((turn) => [turn.sentiment, turn.sentimentMethod])).toEqual([
      ["frustrated", "rules"],
      ["frustrated", "rules"],
    ]);
    const texts = env.fake.messages.filter((message) => message.To === `whatsapp:${visitor}`).map((message) => message.Body);
    expect(texts).toContainEqual(expect.stringContaining("hablar con una persona"));
  });
});

describe("with a model configured", () => {
  const chat = async (tenant: Tenant, message: string, conversationId?: string) => {
    const response = await client(env.t.app, tenant.apiKey)("POST", "/api/v1/chat", { botId: tenant.botId, message, ...(conversationId ? { conversationId } : {}) });
    expect(response.status).toBe(200);
    await env.t.deps.events.drain();
    return ((await response.json()) as { conversationId: string }).conversationId;
  };

  it("the model's reading replaces the rules' in the background (structured output)", async () => {
    const conversationId = await chat(modelled, "Do you have parking?");
    await chat(modelled, "Oh great, just great", conversationId);
    expect(await userTurns(conversationId)).toEqual([
      expect.objectContaining({ sentiment: "neutral", sentimentMethod: "model" }),
      expect.objectContaining({ sentiment: "frustrated", sentimentMethod: "model", sentimentReasons: ["sarcasm"] }),
    ]);
    const asked = goodModel.requests.filter(isSentiment).at(-1);
    expect(JSON.stringify(asked?.messages)).toContain("Do you have parking?");
  });

  it("keeps the rules' sentiment when the model's answer does not fit", async () => {
    const conversationId = await chat(broken, "This bot is useless");
    expect(badModel.requests.filter(isSentiment)).toHaveLength(1);
    expect(await userTurns(conversationId)).toEqual([expect.objectContaining({ sentiment: "frustrated", sentimentMethod: "rules", sentimentReasons: ["abuse"] })]);
  });
});
