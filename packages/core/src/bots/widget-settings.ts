import { z } from "zod";

const hexOrCssColor = z
  .string()
  .trim()
  // A CSS color the widget can set through CSSOM: hex, rgb()/hsl(), or a named color. No url(), no semicolons.
  .regex(/^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|[a-z]{3,30})$/i, "a CSS color like #2453d4 or rebeccapurple");

/** How the widget looks, stored in Bot.appearance; every key is optional and data-* attributes on the embed override it. */
export const appearanceSchema = z
  .object({
    /** Shown in the panel header instead of the bot's internal name. */
    name: z.string().trim().min(1).max(80).optional(),
    avatarUrl: z
      .url({ protocol: /^https?$/, message: "an absolute http(s) URL" })
      .max(2000)
      .optional(),
    primaryColor: hexOrCssColor.optional(),
    launcherLabel: z.string().trim().min(1).max(60).optional(),
    position: z.enum(["bottom-right", "bottom-left"]).optional(),
    /** BCP 47 tag of the widget's own strings (en, es, fr, de; others fall back to English). */
    locale: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, "a language tag like en or fr-CA")
      .optional(),
    /** Offered as buttons before the visitor's first message. */
    suggestedQuestions: z.array(z.string().trim().min(1).max(200)).max(6).optional(),
  })
  .strict();
export type Appearance = z.infer<typeof appearanceSchema>;

export const leadFieldSchema = z.enum(["name", "email", "phone"]);
export type LeadField = z.infer<typeof leadFieldSchema>;

/** When the widget asks the visitor for contact details, stored in Bot.leadCapture. */
export const leadCaptureSchema = z
  .object({
    mode: z.enum(["off", "always", "after_messages", "on_handoff"]).default("off"),
    /** For after_messages: the form follows the answer to the visitor's Nth message. */
    afterMessages: z.number().int().min(1).max(50).default(3),
    fields: z.array(leadFieldSchema).min(1).max(3).default(["name", "email"]),
    requiredFields: z.array(leadFieldSchema).max(3).default(["email"]),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.requiredFields.forEach((field, i) => {
      if (!value.fields.includes(field)) {
        ctx.addIssue({ code: "custom", path: ["requiredFields", i], message: `${field} is required but not in fields` });
      }
    });
  });
export type LeadCapture = z.output<typeof leadCaptureSchema>;
export type LeadCaptureInput = z.input<typeof leadCaptureSchema>;

/** Values written by older versions may not match today's schema; invalid keys are dropped, not fatal. */
export function readAppearance(value: unknown): Appearance {
  const parsed = appearanceSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  if (typeof value === "object" && value !== null) {
    for (const [key, field] of Object.entries(appearanceSchema.shape)) {
      const one = field.safeParse((value as Record<string, unknown>)[key]);
      if (one.success && one.data !== undefined) out[key] = one.data;
    }
  }
  return out as Appearance;
}

export function readLeadCapture(value: unknown): LeadCapture {
  const parsed = leadCaptureSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : leadCaptureSchema.parse({});
}
