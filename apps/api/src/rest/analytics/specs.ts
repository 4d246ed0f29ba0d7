import { analyticsOverviewSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { problems } from "../problem-schemas";

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
  request: {
    query: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      botId: z.string().min(1).optional(),
    }),
  },
  responses: {
    200: { description: "The overview", content: { "application/json": { schema: analyticsOverviewSchema.meta({ id: "AnalyticsOverview" }) } } },
    ...problems(404, 422),
  },
});
