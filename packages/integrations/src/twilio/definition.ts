import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { e164, type TwilioConfig, twilioConfigSchema } from "./config";
import { lookupPhoneNumber } from "./lookup-phone";
import { sendMessage, sendWhatsappTemplate } from "./send-message";
import { createTwilioClient } from "./twilio-client";

const messageInput = z.object({
  to: e164.describe("Recipient phone number in E.164"),
  body: z.string().min(1).max(1600).describe("Message text"),
});

const sendSms = defineAction({
  name: "send_sms",
  description: "Send an SMS to a phone number (E.164), e.g. a booking confirmation the visitor asked for.",
  input: messageInput,
  execute: (input, ctx: ActionContext<TwilioConfig>) => sendMessage(ctx.config, ctx, { ...input, channel: "sms" }),
});

const sendWhatsapp = defineAction({
  name: "send_whatsapp",
  description: "Send a WhatsApp message to a phone number (E.164) from the configured WhatsApp sender.",
  input: messageInput,
  execute: (input, ctx: ActionContext<TwilioConfig>) => sendMessage(ctx.config, ctx, { ...input, channel: "whatsapp" }),
});

const sendWhatsappTemplateAction = defineAction({
  name: "send_whatsapp_template",
  description:
    "Send an approved WhatsApp template (Content SID HX…) with its variables. Required to start a WhatsApp conversation or to write more than 24 hours after the customer's last message.",
  input: z.object({
    to: e164.describe("Recipient phone number in E.164"),
    contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, "Content SIDs look like HX followed by 32 hex digits").describe("Approved template's Content SID"),
    contentVariables: z
      .record(z.string().regex(/^\w{1,40}$/), z.string().max(1024))
      .optional()
      .describe('Template placeholders, e.g. {"1": "Ada", "2": "Tue 24 Nov, 9:00 AM"}'),
  }),
  execute: (input, ctx: ActionContext<TwilioConfig>) => sendWhatsappTemplate(ctx.config, ctx, input),
});

const lookupPhone = defineAction({
  name: "lookup_phone",
  description:
    "Check a phone number before texting it: returns whether it is valid, its E.164 form, country and line type (mobile, landline, voip). Give a national number together with its two-letter country code.",
  input: z.object({
    phoneNumber: z.string().min(3).max(40).describe("Number as the visitor typed it, E.164 preferred"),
    countryCode: z.string().regex(/^[A-Z]{2}$/).optional().describe("ISO 3166 country, e.g. US, when the number is national"),
  }),
  execute: (input, ctx: ActionContext<TwilioConfig>) => lookupPhoneNumber(ctx.config, ctx, input),
});

export const twilioIntegration = defineIntegration<TwilioConfig>({
  id: "twilio",
  name: "Twilio",
  description: "Send SMS and WhatsApp messages (free-form and approved templates), look up phone numbers; receive messages through a signed inbound webhook.",
  configSchema: twilioConfigSchema,
  async testConnection(config, ctx) {
    const { client, toError } = createTwilioClient(config, ctx);
    const account = await client.api.v2010.accounts(config.accountSid).fetch().catch(toError);
    return { ok: true, detail: account.friendlyName };
  },
  actions: [sendSms, sendWhatsapp, sendWhatsappTemplateAction, lookupPhone],
});
