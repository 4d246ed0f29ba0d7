import { z } from "zod";

/** Where a bot's hot-lead alerts go (Bot.leadAlerts); both optional, none = no alerts. */
export const leadAlertsSchema = z
  .object({
    /** The owner's phone (E.164): texted through the organization's Twilio integration. */
    sms: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "a phone number in E.164, e.g. +34600111222").optional(),
    /** The owner's address: sent the hot-lead email through the organization's email integration. */
    email: z.email("a valid email address like owner@example.com").optional(),
  })
  .strict();
export type LeadAlerts = z.infer<typeof leadAlertsSchema>;

export function readLeadAlerts(value: unknown): LeadAlerts {
  const parsed = leadAlertsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
