import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { e164, type TwilioConfig, twilioConfigSchema } from "./config";
import { sendMessage } from "./send-message";
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

export const twilioIntegration = defineIntegration<TwilioConfig>({
  id: "twilio",
  name: "Twilio",
  description: "Send SMS and WhatsApp messages; receive them through a signed inbound webhook.",
  configSchema: twilioConfigSchema,
  async testConnection(config, ctx) {
    const { client, toError } = createTwilioClient(config, ctx);
    const account = await client.api.v2010.accounts(config.accountSid).fetch().catch(toError);
    return { ok: true, detail: account.friendlyName };
  },
  actions: [sendSms, sendWhatsapp],
});
