import { z } from "zod";

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

const day = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), "use a date (YYYY-MM-DD)");

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Whole UTC days (token_usage_daily is kept per day): `from` and `to` both included; default the last 30 days. */
export const tokenUsageInput = z
  .object({
    from: day.optional(),
    to: day.optional(),
    botId: z.string().min(1).optional(),
  })
  .strict()
  .transform(({ from, to, botId }, context) => {
    const end = to ?? isoDay(Date.now());
    const start = from ?? isoDay(Date.parse(end) - 29 * DAY_MS);
    if (start > end) context.addIssue({ code: "custom", path: ["from"], message: "from must not be after to" });
    if ((Date.parse(end) - Date.parse(start)) / DAY_MS + 1 > MAX_DAYS) context.addIssue({ code: "custom", path: ["to"], message: `at most ${MAX_DAYS} days` });
    return { from: start, to: end, botId };
  });
export type TokenUsageInput = z.input<typeof tokenUsageInput>;

const counts = {
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  /** Bot answers (each one model request; extractive answers count with 0 tokens). */
  requests: z.number().int(),
};
const botUsage = z.object({ botId: z.string(), ...counts });

export const tokenUsageSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(counts),
  /** The range's bots (deleted bots with usage too, name null), most tokens first. */
  bots: z.array(botUsage.extend({ name: z.string().nullable() })),
  /** Every UTC day of the range, zeros included, each with every bot of `bots`. */
  days: z.array(z.object({ date: z.string(), ...counts, bots: z.array(botUsage) })),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;
