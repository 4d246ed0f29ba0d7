import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectEmail, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// Escalation when the bot finds nothing twice in a row: handoff as when the visitor asks for a person, plus the
// owner's escalation email saying why. Web chat and SMS.

const OWNER_EMAIL = "owner@harbor.example";
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  await connectEmail(env.t.app, a, smtp.port);
  // Synthetic embeddings carry no meaning: only strong full-text matches count as sources here.
  await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: { email: OWNER_EMAIL }, answerSettings: { minScore: 0.99 } });
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "Harbor Dental is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon.",
  });
  await env.t.deps.events.drain();
}, 120_000);
afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

const escalations = () => smtp.received.filter((m) => m.to.includes(OWNER_EMAIL) && /Subject: Needs a human/.test(m.raw));

describe("two answers in a row that found nothing", () => {
  it("hand a web chat to a person, once, and email the owner why", async () => {
    const first = (await (await call("POST", "/api/v1/chat", { botId: a.botId, message: "Do you repair submarine engines?" })).json()) as { conversationId: string; status: string };
    expect(first.status).toBe("open");
    // An answer that found something in between resets the count.
    const found = (await (await call("POST", "/api/v1/chat", { botId: a.botId, conversationId: first.conversationId, message: "Is Harbor Dental open on Saturdays from 9am to noon?" })).json()) as { status: string; message: string };
    expect(found).toMatchObject({ status: "open", message: expect.stringContaining("9am to noon") });
    const second = (await (await call("POST", "/api/v1/chat", { botId: a.botId, conversationId: first.conversationId, message: "Do you sell volcano insurance?" })).json()) as { status: string };
    expect(second.status).toBe("open");
    await env.t.deps.events.drain();
    expect(escalations()).toHaveLength(0);

    const third = (await (await call("POST", "/api/v1/chat", { botId: a.botId, conversationId: first.conversationId, message: "Can you tune a harpsichord?" })).json()) as {
      status: string;
      followUps: { content: string }[];
    };
    expect(third.status).toBe("handoff");
    expect(third.followUps.map((m) => m.content)).toEqual([expect.stringContaining("asked a person from our team")]);
    await env.t.deps.events.drain();
    expect(escalations()).toHaveLength(1);
    expect(escalations()[0]!.raw).toMatch(/found nothing for 2 questions in a row \(api\)/);
    expect(escalations()[0]!.raw).toContain("harpsichord");
    const conversation = await env.t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(conversation.status).toBe("handoff");
  });

  it("hand an SMS conversation over too, texting the visitor the handoff notice after the answer", async () => {
    const visitor = "+14155550301";
    const hook = `/api/webhooks/twilio/${a.botPublicKey}`;
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Do you repair submarine engines?"));
    await env.t.deps.events.drain();
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Do you sell volcano insurance?"));
    await env.t.deps.events.drain();
    const texts = env.fake.messages.filter((m) => m.To === visitor).map((m) => m.Body);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain("asked a person from our team");
    expect(escalations()).toHaveLength(2);
    expect(escalations()[1]!.raw).toMatch(/found nothing for 2 questions in a row \(sms\)/);
    // While a person has it, the bot stays quiet.
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Hello?"));
    await env.t.deps.events.drain();
    expect(env.fake.messages.filter((m) => m.To === visitor)).toHaveLength(3);
  });
});
