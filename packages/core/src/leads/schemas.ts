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
