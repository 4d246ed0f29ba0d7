import twilio from "twilio";
import { startTwilioFake } from "../../../../packages/integrations/test/fakes/twilio-fake";
import { client, createTestApi, type Tenant } from "../support/test-api";

export const PUBLIC_URL = "https://frontdesk.example.com";
export const ACCOUNT_SID = `AC${"a1".repeat(16)}`;
export const AUTH_TOKEN = "f".repeat(32);
export const BOT_NUMBER = "+15005550006";
export const WHATSAPP_NUMBER = "+14155238886";

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;

/** The app with PUBLIC_URL set (Twilio signs it) and Twilio's REST API pointed at a fake that checks auth. */
export async function createTwilioTestApi(extra: { env?: Record<string, string>; fakes?: Record<string, string> } = {}) {
  const fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const baseUrls = Object.entries({ twilio: fake.url, ...extra.fakes }).map(([type, url]) => `${type}=${url}`).join(",");
  const t = await createTestApi({ env: { PUBLIC_URL, INTEGRATION_BASE_URLS: baseUrls, ...extra.env } });
  return {
    t,
    fake,
    async close() {
      await t.close();
      await fake.close();
    },
  };
}

/** The tenant's Twilio integration (SMS and WhatsApp senders), connected through the REST API. */
export async function connectTwilio(app: Parameters<typeof client>[0], tenant: Tenant): Promise<string> {
  const response = await client(app, tenant.apiKey)("POST", "/api/v1/integrations", {
    type: "twilio",
    name: "Front desk phone",
    config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, fromNumber: BOT_NUMBER, whatsappFromNumber: WHATSAPP_NUMBER },
  });
  if (response.status !== 201) throw new Error(`twilio integration: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

let sidCounter = 0;
export const newMessageSid = () => `SM${(++sidCounter).toString(16).padStart(32, "0")}`;

/** Posts a form-encoded webhook the way Twilio does, signed over PUBLIC_URL + path (or with the given signature). */
export function postTwilioWebhook(
  app: Parameters<typeof client>[0],
  path: string,
  params: Record<string, string>,
  options: { signature?: string | null; authToken?: string } = {},
) {
  const signature =
    options.signature === undefined ? twilio.getExpectedTwilioSignature(options.authToken ?? AUTH_TOKEN, `${PUBLIC_URL}${path}`, params) : options.signature;
  return app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(signature === null ? {} : { "x-twilio-signature": signature }) },
    body: new URLSearchParams(params).toString(),
  });
}

/** An inbound SMS as Twilio posts it. */
export function inboundSms(from: string, body: string, sid = newMessageSid()): Record<string, string> {
  return { MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: ACCOUNT_SID, From: from, To: BOT_NUMBER, Body: body, NumMedia: "0", NumSegments: "1", SmsStatus: "received", ApiVersion: "2010-04-01", FromCountry: "US", ToCountry: "US" };
}

/** An inbound WhatsApp message as Twilio posts it (whatsapp: addresses, ProfileName and WaId added). */
export function inboundWhatsapp(from: string, body: string, profileName: string, sid = newMessageSid()): Record<string, string> {
  return { ...inboundSms(`whatsapp:${from}`, body, sid), To: `whatsapp:${WHATSAPP_NUMBER}`, ProfileName: profileName, WaId: from.replace("+", "") };
}

/** The tenant's email integration, delivering to a local SMTP fake (user "desk", password "s3cret"). */
export async function connectEmail(app: Parameters<typeof client>[0], tenant: Tenant, smtpPort: number): Promise<void> {
  const response = await client(app, tenant.apiKey)("POST", "/api/v1/integrations", {
    type: "email",
    name: "Mail",
    config: { host: "127.0.0.1", port: smtpPort, requireTls: false, username: "desk", password: "s3cret", from: "Harbor Desk <desk@harbor.example>" },
  });
  if (response.status !== 201) throw new Error(`email integration: ${response.status} ${await response.text()}`);
}
