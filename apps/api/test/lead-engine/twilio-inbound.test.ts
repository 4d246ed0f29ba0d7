import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, type Tenant } from "../support/test-api";
import { ACCOUNT_SID, BOT_NUMBER, WHATSAPP_NUMBER, connectTwilio, createTwilioTestApi, inboundSms, inboundWhatsapp, newMessageSid, postTwilioWebhook } from "./twilio-support";

let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let hook: string;
const VISITOR = "+14155550123";

beforeAll(async () => {
  env = await createTwilioTestApi();
  a = await createTenant(env.t.deps, "Harbor Dental");
  await connectTwilio(env.t.app, a);
  await client(env.t.app, a.apiKey)("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "Harbor Dental is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon. We are closed on Sundays.",
  });
  await env.t.deps.events.drain();
  hook = `/api/webhooks/twilio/${a.botPublicKey}`;
}, 120_000);
afterAll(() => env?.close());

const prisma = () => env.t.deps.prisma;
const smsTo = (number: string) => env.fake.messages.filter((m) => m.To === number);

describe("inbound SMS", () => {
  it("answers a signed message at once with empty TwiML, then texts the answer from the knowledge back from the bot's number", async () => {
    const params = inboundSms(VISITOR, "What time do you open on Saturdays?");
    const response = await postTwilioWebhook(env.t.app, hook, params);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(await response.text()).toMatch(/<Response\/>$/);
    await env.t.deps.events.drain();

    const replies = smsTo(VISITOR);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ From: BOT_NUMBER, StatusCallback: `https://frontdesk.example.com${hook}/status` });
    expect(replies[0]!.Body).toContain("9am to noon");

    const conversation = await prisma().conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, visitorId: VISITOR }, include: { messages: { orderBy: { createdAt: "asc" } }, lead: true } });
    expect(conversation.channel).toBe("sms");
    expect(conversation.lead).toMatchObject({ phone: VISITOR });
    expect(conversation.messages.map((m) => [m.role, m.externalId])).toEqual([
      ["user", params.MessageSid],
      ["assistant", expect.stringMatching(/^SM[0-9a-f]{32}$/)],
    ]);
    expect(conversation.messages[1]!.citations).toEqual([expect.objectContaining({ title: "Opening hours" })]);
  });

  it("keeps one conversation per phone number and bot, answering each message in turn", async () => {
    await postTwilioWebhook(env.t.app, hook, inboundSms(VISITOR, "And are you open on Sundays?"));
    await env.t.deps.events.drain();
    expect(await prisma().conversation.count({ where: { organizationId: a.organizationId, visitorId: VISITOR } })).toBe(1);
    expect(smsTo(VISITOR)).toHaveLength(2);
    expect(smsTo(VISITOR)[1]!.Body).toMatch(/closed on Sundays/i);
  });

  it("stores and sends nothing for a replayed MessageSid", async () => {
    const params = inboundSms("+14155550177", "Do you open on Saturdays?");
    expect((await postTwilioWebhook(env.t.app, hook, params)).status).toBe(200);
    await env.t.deps.events.drain();
    const before = { sent: env.fake.messages.length, messages: await prisma().message.count({ where: { organizationId: a.organizationId } }) };
    expect((await postTwilioWebhook(env.t.app, hook, params)).status).toBe(200);
    await env.t.deps.events.drain();
    expect(env.fake.messages.length).toBe(before.sent);
    expect(await prisma().message.count({ where: { organizationId: a.organizationId } })).toBe(before.messages);
  });

  it("refuses an unsigned request (400) and a wrongly signed one (403), storing nothing", async () => {
    const counts = async () => ({
      conversations: await prisma().conversation.count({ where: { organizationId: a.organizationId } }),
      messages: await prisma().message.count({ where: { organizationId: a.organizationId } }),
      leads: await prisma().lead.count({ where: { organizationId: a.organizationId } }),
      sent: env.fake.messages.length,
    });
    const before = await counts();
    const unsigned = await postTwilioWebhook(env.t.app, hook, inboundSms("+14155550188", "Hi"), { signature: null });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ code: "bad_request", errors: [{ field: "X-Twilio-Signature" }] });
    const forged = await postTwilioWebhook(env.t.app, hook, inboundSms("+14155550188", "Hi"), { authToken: "0".repeat(32) });
    expect(forged.status).toBe(403);
    // Signed for another path (another bot's webhook) does not verify here either.
    const params = inboundSms("+14155550188", "Hi");
    const replayedElsewhere = await postTwilioWebhook(env.t.app, hook, params, {
      signature: (await import("twilio")).default.getExpectedTwilioSignature("f".repeat(32), "https://frontdesk.example.com/api/webhooks/twilio/pk_other", params),
    });
    expect(replayedElsewhere.status).toBe(403);
    await env.t.deps.events.drain();
    expect(await counts()).toEqual(before);
    expect((await postTwilioWebhook(env.t.app, "/api/webhooks/twilio/pk_unknown", inboundSms("+14155550188", "Hi"))).status).toBe(404);
  });

  it("records delivery status callbacks on the sent message, never moving backwards", async () => {
    const sent = await prisma().message.findFirstOrThrow({ where: { organizationId: a.organizationId, role: "assistant", externalId: { not: null } } });
    const status = (MessageStatus: string) => postTwilioWebhook(env.t.app, `${hook}/status`, { MessageSid: sent.externalId!, MessageStatus, AccountSid: ACCOUNT_SID, To: VISITOR, From: BOT_NUMBER });
    expect((await status("delivered")).status).toBe(204);
    expect((await status("sent")).status).toBe(204);
    const after = await prisma().message.findUniqueOrThrow({ where: { id: sent.id } });
    expect((after.metadata as { delivery: { status: string } }).delivery.status).toBe("delivered");
    const unsigned = await postTwilioWebhook(env.t.app, `${hook}/status`, { MessageSid: sent.externalId!, MessageStatus: "failed" }, { signature: "bad" });
    expect(unsigned.status).toBe(403);
  });

  it("sends an operator's reply from the inbox as an SMS", async () => {
    const conversation = await prisma().conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, visitorId: VISITOR } });
    const before = smsTo(VISITOR).length;
    const reply = await client(env.t.app, a.apiKey)("POST", `/api/v1/conversations/${conversation.id}/replies`, { text: "Hi, this is Dr. Lee: we can fit you in at 10am." });
    expect(reply.status).toBe(201);
    await env.t.deps.events.drain();
    expect(smsTo(VISITOR)).toHaveLength(before + 1);
    expect(smsTo(VISITOR).at(-1)).toMatchObject({ From: BOT_NUMBER, Body: "Hi, this is Dr. Lee: we can fit you in at 10am." });
    // Taken over: the bot stays quiet on the visitor's next text.
    await postTwilioWebhook(env.t.app, hook, inboundSms(VISITOR, "Great, thanks"));
    await env.t.deps.events.drain();
    expect(smsTo(VISITOR)).toHaveLength(before + 1);
  });
});

describe("inbound WhatsApp", () => {
  it("answers on WhatsApp from the WhatsApp sender, naming the contact from the profile", async () => {
    const from = "+447700900123";
    await postTwilioWebhook(env.t.app, hook, inboundWhatsapp(from, "Are you open on Saturdays?", "Ada Lovelace", newMessageSid()));
    await env.t.deps.events.drain();
    const replies = env.fake.messages.filter((m) => m.To === `whatsapp:${from}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ From: `whatsapp:${WHATSAPP_NUMBER}` });
    expect(replies[0]!.Body).toContain("9am to noon");
    const conversation = await prisma().conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, visitorId: from }, include: { lead: true } });
    expect(conversation.channel).toBe("whatsapp");
    expect(conversation.lead).toMatchObject({ name: "Ada Lovelace", phone: from });
  });
});
