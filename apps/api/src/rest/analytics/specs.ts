import { analyticsOverviewSchema, tokenUsageSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { problems } from "../problem-schemas";

/** A date range and optionally one bot (the service validates the values and names the field). */
const rangeQuery = z.object({ from: z.string().optional(), to: z.string().optional(), botId: z.string().min(1).optional() });

export const analyticsOverviewSpec = createRoute({
  method: "get",
  path: "/analytics/overview",
  tags: ["Analytics"],
  summary: "Dashboard numbers for a date range",
  description:
    "Conversations (total, per UTC day, per channel), answers (answered, declined, handoffs, thumbs, resolution rate), " +
    "leads by tier, calls, tool success and latency, and the learning loop, for conversations created in [from, to). " +
    "`from`/`to` are dates (YYYY-MM-DD; `to` includes its day) or ISO date-times; default the last 30 days; at most 366 days. " +
    "Sections with no data are zeros.",
  request: { query: rangeQuery },
  responses: {
    200: { description: "The overview", content: { "application/json": { schema: analyticsOverviewSchema.meta({ id: "AnalyticsOverview" }) } } },
    ...problems(404, 422),
  },
});

export const tokenUsageSpec = createRoute({
  method: "get",
  path: "/usage",
  tags: ["Analytics"],
  summary: "Model token usage per day and bot",
  description:
    "Prompt and completion tokens and requests (bot answers) per UTC day and per bot, from the hourly token-usage rollup. " +
    "`from`/`to` are dates (YYYY-MM-DD), both included; default the last 30 days; at most 366 days. Every day and bot of " +
    "the range is listed, zeros where nothing was used.",
  request: { query: rangeQuery },
  responses: {
    200: { description: "The usage", content: { "application/json": { schema: tokenUsageSchema.meta({ id: "TokenUsage" }) } } },
    ...problems(404, 422),
  },
});
