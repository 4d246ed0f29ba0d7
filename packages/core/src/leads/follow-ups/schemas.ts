import { z } from "zod";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WAIT_MS = 30 * UNIT_MS.d;

/** "30m", "1h", "2d" (also "s" and "ms", handy in tests) → milliseconds; null when it is not such a duration. */
export function followUpDelayMs(after: string): number | null {
  const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(after.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const duration = z
  .string()
  .trim()
  .refine((value) => {
    const ms = followUpDelayMs(value);
    return ms !== null && ms > 0 && ms <= MAX_WAIT_MS;
  }, 'a wait like "30m", "1h" or "1d" (at most 30d)');

/** One message of a follow-up sequence: sent `after` this long without a reply since the previous one. */
export const followUpStepSchema = z
  .object({
    /** How long after the bot's last answer (first step) or the previous follow-up the lead must stay quiet. */
    after: duration,
    /**
     * sms and whatsapp go to the lead's phone (on the conversation itself when it is that channel); email to the
     * lead's address; same: the conversation's own channel (see followUpChannelFor).
     */
    channel: z.enum(["same", "sms", "whatsapp", "email"]),
    message: z.string().trim().min(1, "the text to send").max(1000),
    /** Email subject (email steps only; a default is used when left out). */
    subject: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type FollowUpStep = z.infer<typeof followUpStepSchema>;

/**
 * Where a step is sent. "same" is the conversation's own channel when it is SMS or WhatsApp; a web, voice or API
 * conversation cannot be written to later, so it goes by email when the lead gave an address, else by SMS.
 */
export function followUpChannelFor(channel: FollowUpStep["channel"], conversationChannel: string, lead: { email: string | null } | null): "sms" | "whatsapp" | "email" {
  if (channel !== "same") return channel;
  if (conversationChannel === "sms" || conversationChannel === "whatsapp") return conversationChannel;
  return lead?.email ? "email" : "sms";
}

/** A bot's follow-up sequence (Bot.followUps): empty means none. */
export const followUpsSchema = z.array(followUpStepSchema).max(5, "at most 5 follow-ups");

export function readFollowUps(value: unknown): FollowUpStep[] {
  const parsed = followUpsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
