import { z } from "zod";

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** A day ("2026-12-01", the whole UTC day) or an ISO date-time. */
const instant = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value)), "use a date (YYYY-MM-DD) or an ISO date-time");

export const analyticsOverviewInput = z
  .object({
    /** Start (inclusive); default 29 days before `to`'s day. */
    from: instant.optional(),
    /** End: a date includes that whole day; default now. */
    to: instant.optional(),
    botId: z.string().min(1).optional(),
  })
  .strict()
  .transform(({ from, to, botId }, context) => {
    const end = to ? (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(to) + DAY_MS) : new Date(to)) : new Date();
    const start = from ? new Date(from) : new Date(Date.parse(new Date(end.getTime() - 1).toISOString().slice(0, 10)) - 29 * DAY_MS);
    if (start >= end) context.addIssue({ code: "custom", path: ["from"], message: "from must be before to" });
    if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) context.addIssue({ code: "custom", path: ["to"], message: `at most ${MAX_DAYS} days` });
    return { from: start, to: end, botId };
  });
export type AnalyticsOverviewInput = z.input<typeof analyticsOverviewInput>;

const rate = z.number().min(0).max(1);

export const analyticsOverviewSchema = z.object({
  conversations: z.object({
    total: z.number().int(),
    /** Every UTC day of the range, zeros included. */
    byDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
    byChannel: z.record(z.string(), z.number().int()),
  }),
  answers: z.object({
    answered: z.number().int(),
    declined: z.number().int(),
    handoffs: z.number().int(),
    thumbsUp: z.number().int(),
    thumbsDown: z.number().int(),
    /** Conversations whose last bot answer answered, with no handoff and no thumbs down, over all conversations. */
    resolutionRate: rate,
  }),
  leads: z.object({ hot: z.number().int(), warm: z.number().int(), cold: z.number().int() }),
  calls: z.object({ total: z.number().int(), avgDurationSeconds: z.number(), successRate: rate }),
  tools: z.array(z.object({ name: z.string(), calls: z.number().int(), successRate: rate, p50Ms: z.number(), p95Ms: z.number() })),
  learning: z.object({ proposed: z.number().int(), approved: z.number().int(), rejected: z.number().int(), gapsOpen: z.number().int() }),
});
export type AnalyticsOverview = z.infer<typeof analyticsOverviewSchema>;
