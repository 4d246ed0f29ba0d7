import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction, testIntegrationConnection } from "../src";
import { createHash, createHmac } from "node:crypto";
import { parseInboundMessage, sendMessage, twimlMessageReply, verifyTwilioJsonSignature, verifyTwilioSignature } from "../src/twilio";
import { startTwilioFake } from "./fakes/twilio-fake";

const accountSid = `AC${"a1".repeat(16)}`;
const authToken = "f".repeat(32);
const config = { accountSid, authToken, fromNumber: "+15005550006", whatsappFromNumber: "+14155238886" };

describe("twilio inbound signature (SDK validateRequest)", () => {
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };

  it("accepts the documented test vector", () => {
    expect(verifyTwilioSignature({ authToken: "12345", signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, params })).toBe(true);
  });

  it("rejects a wrong signature, token, URL, tampered params or a missing header", () => {
    const signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    expect(verifyTwilioSignature({ authToken: "12345", signature: "1/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, params })).toBe(false);
    expect(verifyTwilioSignature({ authToken: "54321", signature, url, params })).toBe(false);
    expect(verifyTwilioSignature({ authToken: "12345", signature, url: url.replace("foo=1", "foo=2"), params })).toBe(false);
    expect(verifyTwilioSignature({ authToken: "12345", signature, url, params: { ...params, Digits: "9999" } })).toBe(false);
    expect(verifyTwilioSignature({ authToken: "12345", signature: undefined, url, params })).toBe(false);
  });

  it("verifies JSON bodies through bodySHA256 in the signed URL", () => {
    const rawBody = '{"event":"delivered"}';
    const url = `https://hooks.example.com/twilio/events?bodySHA256=${createHash("sha256").update(rawBody).digest("hex")}`;
    const signature = createHmac("sha1", "12345").update(url).digest("base64");
    expect(verifyTwilioJsonSignature({ authToken: "12345", signature, url, rawBody })).toBe(true);
    expect(verifyTwilioJsonSignature({ authToken: "12345", signature, url, rawBody: '{"event":"failed"}' })).toBe(false);
    expect(verifyTwilioJsonSignature({ authToken: "54321", signature, url, rawBody })).toBe(false);
    expect(verifyTwilioJsonSignature({ authToken: "12345", signature, url: "https://hooks.example.com/twilio/events", rawBody })).toBe(false);
  });

  it("renders a TwiML reply, escaping text", () => {
    expect(twimlMessageReply("Hi <there> & welcome")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hi &lt;there&gt; &amp; welcome</Message></Response>',
    );
    expect(twimlMessageReply(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it("parses WhatsApp inbound messages", () => {
    const parsed = parseInboundMessage({
      MessageSid: "SM1", AccountSid: accountSid, From: "whatsapp:+15551234567", To: "whatsapp:+14155238886",
      Body: "hi", NumMedia: "0", ProfileName: "Ada", WaId: "15551234567", SomethingNew: "x",
    });
    expect(parsed).toEqual({ messageSid: "SM1", accountSid, channel: "whatsapp", from: "+15551234567", to: "+14155238886", body: "hi", numMedia: 0, profileName: "Ada" });
    expect(() => parseInboundMessage({ Body: "no sid" })).toThrow();
  });
});

describe("twilio REST through the official SDK against a fake", () => {
  let fake: Awaited<ReturnType<typeof startTwilioFake>>;
  beforeEach(async () => {
    fake = await startTwilioFake({ accountSid, authToken });
  });
  afterEach(() => fake.close());

  it("sends an SMS with Basic auth and the configured sender", async () => {
    const sent = await runAction({ integrationId: "twilio", action: "send_sms", config, input: { to: "+14155550123", body: "See you at 10" }, ctx: { baseUrl: fake.url } });
    expect(sent).toMatchObject({ status: "queued", to: "+14155550123" });
    expect(fake.messages).toEqual([{ To: "+14155550123", From: "+15005550006", Body: "See you at 10" }]);
  });

  it("sends WhatsApp with whatsapp: addresses on both sides", async () => {
    await runAction({ integrationId: "twilio", action: "send_whatsapp", config, input: { to: "+14155550123", body: "hi" }, ctx: { baseUrl: fake.url } });
    expect(fake.messages[0]).toMatchObject({ To: "whatsapp:+14155550123", From: "whatsapp:+14155238886" });
  });

  it("uses the Messaging Service when no number is configured", async () => {
    const mg = { accountSid, authToken, messagingServiceSid: `MG${"b2".repeat(16)}` };
    const sent = await sendMessage(mg, { baseUrl: fake.url }, { to: "+14155550123", body: "x", channel: "sms" });
    expect(sent.status).toBe("accepted");
    expect(fake.messages[0]).toEqual({ To: "+14155550123", MessagingServiceSid: mg.messagingServiceSid, Body: "x" });
  });

  it("maps a bad token to 401 and a failed connection test", async () => {
    const bad = { ...config, authToken: "0".repeat(32) };
    expect(await testIntegrationConnection({ integrationId: "twilio", config, ctx: { baseUrl: fake.url } })).toEqual({ ok: true, detail: "Fake account" });
    expect(await testIntegrationConnection({ integrationId: "twilio", config: bad, ctx: { baseUrl: fake.url } })).toMatchObject({ ok: false, status: 401 });
    await expect(sendMessage(bad, { baseUrl: fake.url }, { to: "+14155550123", body: "x", channel: "sms" })).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(fake.messages).toHaveLength(0);
  });

  it("surfaces the fake's 400 when the sender is missing for WhatsApp", async () => {
    const smsOnly = { accountSid, authToken, fromNumber: "+15005550006" };
    const error = await sendMessage(smsOnly, { baseUrl: fake.url }, { to: "+14155550123", body: "x", channel: "whatsapp" }).catch((e: unknown) => e);
    // No WhatsApp sender and no Messaging Service: the SDK sends neither, the fake answers 21603.
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("21603") });
  });

  it("reports 429 with Retry-After", async () => {
    fake.state.rateLimitNext = 1;
    const error = await sendMessage(config, { baseUrl: fake.url }, { to: "+14155550123", body: "x", channel: "sms" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 3 });
  });

  it("rejects invalid config and input before calling Twilio", async () => {
    await expect(runAction({ integrationId: "twilio", action: "send_sms", config: { accountSid, authToken }, input: { to: "+14155550123", body: "x" }, ctx: { baseUrl: fake.url } })).rejects.toThrow(/fromNumber/);
    await expect(runAction({ integrationId: "twilio", action: "send_sms", config, input: { to: "0155", body: "x" }, ctx: { baseUrl: fake.url } })).rejects.toThrow(/E.164/);
  });
});
