import { z } from "zod";
import { bookingSettingsSchema } from "../leads/booking/schemas";
import { followUpsSchema } from "../leads/follow-ups/schemas";
import { leadAlertsSchema } from "../leads/lead-alerts";
import { appearanceSchema, leadCaptureSchema } from "./widget-settings";

/** Tuning knobs stored in Bot.answerSettings; unset values fall back to defaults in chat. */
export const answerSettingsSchema = z
  .object({
    /** Sources scoring below this are not shown to the model or cited. */
    minScore: z.number().min(0).max(1).optional(),
    maxCitations: z.number().int().min(1).max(20).optional(),
    /** How many chunks are retrieved for each question. */
    topK: z.number().int().min(1).max(50).optional(),
    temperature: z.number().min(0).max(2).optional(),
    /** Previous user/assistant turns sent along with the question. */
    historyTurns: z.number().int().min(0).max(50).optional(),
    maxTokens: z.number().int().min(16).max(16_000).optional(),
    /** Said, as written, when no source answers a question (answers without a chat model); unset → a reply in the visitor's language. */
    notFoundReply: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type AnswerSettings = z.infer<typeof answerSettingsSchema>;

/**
 * answerSettings as owners send them: an empty (or blank) notFoundReply is a form's empty field, meaning "the
 * default reply", so it is stored unset rather than refused.
 */
export const answerSettingsInput = answerSettingsSchema
  .extend({ notFoundReply: z.string().trim().max(500, "the not-found reply can be at most 500 characters").optional() })
  .transform(({ notFoundReply, ...settings }): AnswerSettings => (notFoundReply ? { ...settings, notFoundReply } : settings));

/** Accepts "https://shop.example.com" (a trailing slash is dropped); paths, queries and wildcards are not origins. */
export const originSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `${value} is not an origin like https://example.com` });
      return z.NEVER;
    }
    const hasExtra = url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || value.includes("*");
    if (!["http:", "https:"].includes(url.protocol) || hasExtra) {
      ctx.addIssue({ code: "custom", message: `${value} is not an origin like https://example.com (no path or query)` });
      return z.NEVER;
    }
    return url.origin;
  });

const name = z.string().trim().min(1, "name is required").max(200);
const systemPrompt = z.string().trim().min(1).max(8000);
const greeting = z.string().trim().min(1).max(1000);
const allowedOrigins = z.array(originSchema).max(50);

export const createBotInput = z.object({
  name,
  systemPrompt: systemPrompt.optional(),
  greeting: greeting.optional(),
  answerSettings: answerSettingsInput.optional(),
  allowedOrigins: allowedOrigins.optional(),
  appearance: appearanceSchema.optional(),
  leadCapture: leadCaptureSchema.optional(),
  /** Knowledge bases the bot answers from (same organization). */
  knowledgeBaseIds: z.array(z.string().min(1)).max(50).optional(),
});
export type CreateBotInput = z.input<typeof createBotInput>;

/** Phone settings; `serverSecret` is what Vapi sends to the bot's server URL (X-Vapi-Secret or Bearer). */
export const voiceSettingsInput = z
  .object({
    /** null removes it (every call is then refused). */
    serverSecret: z.string().trim().min(16, "use at least 16 characters").max(200).nullable(),
  })
  .strict();

export const updateBotInput = z
  .object({
    name: name.optional(),
    systemPrompt: systemPrompt.optional(),
    greeting: greeting.optional(),
    answerSettings: answerSettingsInput.optional(),
    allowedOrigins: allowedOrigins.optional(),
    /** Replaces the stored appearance as a whole (like answerSettings). */
    appearance: appearanceSchema.optional(),
    /** Replaces the stored lead-capture rule as a whole; unset keys take their defaults. */
    leadCapture: leadCaptureSchema.optional(),
    /** Voice settings; the secret is stored encrypted and only ever shown masked. */
    voice: voiceSettingsInput.optional(),
    /** Where hot-lead alerts go: `{sms?: "+34…", email?: "owner@…"}`; replaces the stored object as a whole. */
    leadAlerts: leadAlertsSchema.optional(),
    /** What leads who went quiet are sent: `[{after:"1h",channel:"sms",message:"…"}, …]`; [] turns it off. Replaces the stored list. */
    followUps: followUpsSchema.optional(),
    /** The booking dialogue with Cal.com: `{enabled:true}`; replaces the stored object as a whole. */
    booking: bookingSettingsSchema.optional(),
  })
  .strict();
export type UpdateBotInput = z.input<typeof updateBotInput>;

export const botSchema = z.object({
  id: z.string(),
  name: z.string(),
  systemPrompt: z.string(),
  greeting: z.string(),
  answerSettings: answerSettingsSchema,
  publicKey: z.string(),
  allowedOrigins: z.array(z.string()),
  appearance: appearanceSchema,
  leadCapture: leadCaptureSchema,
  knowledgeBaseIds: z.array(z.string()),
  /** `serverSecret` is masked ("••••abcd") or null when none is set; the secret itself is never returned. */
  voice: z.object({ serverSecret: z.string().nullable() }),
  /** Where hot-lead alerts go (SMS through Twilio, email through the email integration). */
  leadAlerts: leadAlertsSchema,
  /** Follow-up sequence for leads who went quiet (stops when they reply or book). */
  followUps: followUpsSchema,
  /** Whether the bot offers Cal.com slots and books them when a visitor asks to come in. */
  booking: bookingSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BotView = z.infer<typeof botSchema>;
