import { z } from "zod";

export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "Phone numbers must be E.164, e.g. +14155550123");

export const twilioConfigSchema = z
  .object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/).describe("Account SID (AC…)"),
    authToken: z.string().min(16).meta({ writeOnly: true }).describe("Auth token; also verifies inbound webhooks"),
    fromNumber: e164.optional().describe("Sender number (E.164)"),
    messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional().describe("Messaging Service SID (MG…)"),
    whatsappFromNumber: e164.optional().describe("WhatsApp-enabled sender (E.164)"),
    whatsappTemplateSid: z
      .string()
      .regex(/^HX[0-9a-fA-F]{32}$/, "Content SIDs look like HX followed by 32 hex digits")
      .optional()
      .describe("Approved WhatsApp template (HX…) with one variable {{1}}, used for replies more than 24 hours after the customer's last message"),
    allowedRecipients: z
      .array(e164)
      .max(50)
      .optional()
      .describe("Numbers the bot may message besides the visitor's own (E.164), e.g. the team's on-call phone"),
  })
  .refine((c) => c.fromNumber || c.messagingServiceSid || c.whatsappFromNumber, {
    message: "Set fromNumber, messagingServiceSid or whatsappFromNumber",
    path: ["fromNumber"],
  });
export type TwilioConfig = z.infer<typeof twilioConfigSchema>;
