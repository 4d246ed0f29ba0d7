import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, type Tenant } from "../support/test-api";
import { ACCOUNT_SID, AUTH_TOKEN, BOT_NUMBER, WHATSAPP_NUMBER, createTwilioTestApi, inboundWhatsapp, postTwilioWebhook } from "./twilio-support";

// WhatsApp only delivers free text within 24 hours of the visitor's last message; after that the reply goes out as
// the integration's approved template (ContentSid + ContentVariables), checked by the Twilio fake.

const TEMPLATE_SID = `HX${"ab".repeat(16)}`;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  env = await createTwilioTestApi();
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  const twilio = await call("POST", "/api/v1/integrations", {
    type: "twilio",
    name: "Front desk phone",
    config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, fromNumber: BOT_NUMBER, whatsappFromNumber: WHATSAPP_NUMBER, whatsappTemplateSid: TEMPLATE_SID },
  });
  expect(twilio.status, await twilio.clone().text()).toBe(201);
}, 120_000);
afterAll(() => env?.close());

describe("WhatsApp outside the 24-hour window", () => {
  it("sends an owner's reply as the approved template with the text as {{1}}, and as free text inside the window", async () => {
    const visitor = "+34600555111";
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundWhatsapp(visitor, "Hola, do you open on Saturdays?", "Lucía"));
    await env.t.deps.events.drain();
    const sent = () => env.fake.messages.filter((m) => m.To === `whatsapp:${visitor}`);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.Body).toBeTruthy(); // the answer, inside the window: free text
    expect(sent()[0]!.ContentSid).toBeUndefined();

    const conversation = await env.t.deps.prisma.conversation.findFirstOrThrow({ where: { organizationId: a.organizationId, channel: "whatsapp" } });
    // The visitor wrote 25 hours ago.
    await env.t.deps.prisma.message.updateMany({ where: { conversationId: conversation.id, role: "user" }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    const reply = await call("POST", `/api/v1/conversations/${conversation.id}/replies`, { text: "Sorry for the wait: yes, Saturdays 9 to 12." });
    expect(reply.status, await reply.clone().text()).toBe(201);
    await env.t.deps.events.drain();

    expect(sent()).toHaveLength(2);
    const template = sent()[1]!;
    expect(template).toMatchObject({ From: `whatsapp:${WHATSAPP_NUMBER}`, ContentSid: TEMPLATE_SID });
    expect(template.Body).toBeUndefined();
    expect(JSON.parse(template.ContentVariables!)).toEqual({ "1": "Sorry for the wait: yes, Saturdays 9 to 12." });
    const stored = await env.t.deps.prisma.message.findFirstOrThrow({ where: { conversationId: conversation.id, role: "operator" } });
    expect(stored.metadata).toMatchObject({ whatsappTemplate: true, delivery: { status: expect.any(String) } });
    expect(stored.externalId).toMatch(/^(SM|MM)[0-9a-f]{32}$/);
  });
});
