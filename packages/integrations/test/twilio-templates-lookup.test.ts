import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIntegrationTools, IntegrationError, runAction } from "../src";
import { lookupPhoneNumber, sendWhatsappTemplate } from "../src/twilio";
import { startServer } from "./fakes/http";
import { startTwilioFake } from "./fakes/twilio-fake";

const accountSid = `AC${"a1".repeat(16)}`;
const authToken = "f".repeat(32);
const config = { accountSid, authToken, fromNumber: "+15005550006", whatsappFromNumber: "+14155238886" };
const contentSid = `HX${"c3".repeat(16)}`;

describe("twilio WhatsApp templates and Lookup v2 through the official SDK against the fake", () => {
  let fake: Awaited<ReturnType<typeof startTwilioFake>>;
  const run = (action: string, input: unknown) => runAction({ integrationId: "twilio", action, config, input, ctx: { baseUrl: fake.url } });
  beforeEach(async () => {
    fake = await startTwilioFake({ accountSid, authToken });
  });
  afterEach(() => fake.close());

  it("sends a template as ContentSid + JSON ContentVariables from the WhatsApp sender", async () => {
    const sent = await run("send_whatsapp_template", { to: "+14155550123", contentSid, contentVariables: { "1": "Ada", "2": "Tue 24 Nov, 9:00 AM" } });
    expect(sent).toMatchObject({ status: "queued", to: "whatsapp:+14155550123" });
    expect(fake.messages).toEqual([
      { To: "whatsapp:+14155550123", From: "whatsapp:+14155238886", ContentSid: contentSid, ContentVariables: '{"1":"Ada","2":"Tue 24 Nov, 9:00 AM"}' },
    ]);
  });

  it("free-form WhatsApp still sends Body", async () => {
    await run("send_whatsapp", { to: "+14155550123", body: "Thanks!" });
    expect(fake.messages[0]).toEqual({ To: "whatsapp:+14155550123", From: "whatsapp:+14155238886", Body: "Thanks!" });
  });

  it("rejects malformed content SIDs before calling Twilio, and the fake's 21655/21656 are surfaced", async () => {
    await expect(run("send_whatsapp_template", { to: "+14155550123", contentSid: "HXnope" })).rejects.toThrow(/Content SIDs/);
    expect(fake.messages).toHaveLength(0);
    // Bypass our zod to prove the fake validates like Twilio does.
    const error = await sendWhatsappTemplate(config, { baseUrl: fake.url }, { to: "+14155550123", contentSid: "HX123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", message: expect.stringContaining("21655") });
  });

  it("looks up a mobile number with line type intelligence", async () => {
    const result = await run("lookup_phone", { phoneNumber: "+14155550123" });
    expect(result).toEqual({
      valid: true,
      phoneNumber: "+14155550123",
      nationalFormat: "(415) 555-0123",
      countryCode: "US",
      lineType: "mobile",
      carrierName: "T-Mobile USA, Inc.",
      validationErrors: [],
    });
    expect(fake.lookups).toEqual(["+14155550123||line_type_intelligence"]);
  });

  it("normalises a national number with its country and tells landlines apart", async () => {
    expect(await run("lookup_phone", { phoneNumber: "(415) 555-0100", countryCode: "US" })).toMatchObject({ valid: true, phoneNumber: "+14155550100", lineType: "landline" });
    expect(await run("lookup_phone", { phoneNumber: "07700 900123", countryCode: "GB" })).toMatchObject({ valid: true, phoneNumber: "+447700900123", countryCode: "GB", lineType: "mobile" });
  });

  it("an invalid number is an answer, not an error", async () => {
    expect(await run("lookup_phone", { phoneNumber: "+1415" })).toMatchObject({ valid: false, lineType: null, validationErrors: ["TOO_SHORT"] });
    expect(await run("lookup_phone", { phoneNumber: "4155550123" })).toMatchObject({ valid: false, validationErrors: ["INVALID_COUNTRY_CODE"] });
    const free = await lookupPhoneNumber(config, { baseUrl: fake.url }, { phoneNumber: "+14155550123", lineType: false });
    expect(free).toMatchObject({ valid: true, lineType: null });
    expect(fake.lookups.at(-1)).toBe("+14155550123||");
  });

  it("a bad token on lookup is 401 unauthorized", async () => {
    const bad = { ...config, authToken: "0".repeat(32) };
    await expect(lookupPhoneNumber(bad, { baseUrl: fake.url }, { phoneNumber: "+14155550123" })).rejects.toMatchObject({ status: 401, code: "unauthorized" });
  });

  it("a Twilio that never answers fails with code timeout", async () => {
    const silent = await startServer(() => undefined);
    try {
      const error = await lookupPhoneNumber(config, { baseUrl: silent.url, timeoutMs: 300 }, { phoneNumber: "+14155550123" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ provider: "twilio", code: "timeout" });
    } finally {
      await silent.close();
    }
  });

  it("lists the new tools for the model", async () => {
    const tools = await buildIntegrationTools([{ integrationId: "twilio", config }]);
    expect(tools.map((t) => t.name)).toEqual(["twilio_send_sms", "twilio_send_whatsapp", "twilio_send_whatsapp_template", "twilio_lookup_phone"]);
  });
});
