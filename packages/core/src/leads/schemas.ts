import { z } from "zod";

// Digits with the usual separators and an optional leading +; 6–15 digits is what E.164 and local numbers span.
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => /^\+?[\d\s().-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6 && (value.match(/\d/g)?.length ?? 0) <= 15, {
    message: "a phone number like +1 555 0100",
  });

/** Contact details a visitor gives (Frontdesk.identify or the lead form); empty strings count as not given. */
export const visitorContactSchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().max(320).pipe(z.union([z.literal(""), z.email("a valid email address like ada@example.com")])).optional(),
    phone: z.union([z.literal(""), phone]).optional(),
  })
  .strict();
export type VisitorContact = z.input<typeof visitorContactSchema>;

export const leadSchema = z.object({
  id: z.string(),
  botId: z.string(),
  conversationId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadView = z.infer<typeof leadSchema>;

/** Body of POST /api/widget/v1/conversations/{id}/lead. */
export const submitLeadFormInput = visitorContactSchema.extend({
  visitorId: z.string().trim().min(1, "visitorId is required").max(128),
});
export type SubmitLeadFormInput = z.input<typeof submitLeadFormInput>;

const tier = z.enum(["hot", "warm", "cold"]);
const channel = z.enum(["web", "sms", "whatsapp", "voice", "api"]);

/** GET /leads filters: tier, the conversation's channel, bot, `q` over name/email/phone; newest first. */
export const listLeadsInput = z.object({
  tier: tier.optional(),
  channel: channel.optional(),
  botId: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** id of the last lead of the previous page (`nextCursor`). */
  cursor: z.string().min(1).optional(),
});
export type ListLeadsInput = z.input<typeof listLeadsInput>;

/** A lead as the organization sees it: contact, qualification and where it came from. */
export const qualifiedLeadSchema = z.object({
  id: z.string(),
  botId: z.string(),
  conversationId: z.string().nullable(),
  /** The conversation's channel; null once the conversation is gone. */
  channel: channel.nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** null until first scored. */
  tier: tier.nullable(),
  score: z.number().int(),
  reasons: z.array(z.string()),
  qualification: z.object({
    serviceInterest: z.string().nullable(),
    urgency: z.enum(["high", "medium", "low"]).nullable(),
    budget: z.string().nullable(),
    timeline: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QualifiedLeadView = z.infer<typeof qualifiedLeadSchema>;

export const leadPageSchema = z.object({ data: z.array(qualifiedLeadSchema), nextCursor: z.string().nullable() });
export type LeadPage = z.infer<typeof leadPageSchema>;

export const leadDetailSchema = qualifiedLeadSchema.extend({
  /** Every re-scoring that changed something, oldest first. */
  history: z.array(
    z.object({
      previousTier: tier.nullable(),
      tier,
      score: z.number().int(),
      reasons: z.array(z.string()),
      /** rules | model */
      method: z.string(),
      at: z.string(),
    }),
  ),
  /** What was done about the lead (owner alerts, CRM sync), newest first. */
  actions: z.array(
    z.object({
      kind: z.string(),
      status: z.enum(["pending", "succeeded", "failed"]),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
});
export type LeadDetailView = z.infer<typeof leadDetailSchema>;
