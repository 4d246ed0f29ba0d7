import { leadDetailSchema, leadPageSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, jsonResponse, problems } from "../problem-schemas";

const tags = ["Leads"];

const filters = {
  tier: z.enum(["hot", "warm", "cold"]).optional(),
  channel: z.enum(["web", "sms", "whatsapp", "voice", "api"]).optional().openapi({ description: "The conversation's channel" }),
  botId: z.string().min(1).optional(),
  q: z.string().min(1).max(200).optional().openapi({ description: "Part of the name, email or phone (case-insensitive)" }),
};

export const listLeadsSpec = createRoute({
  method: "get",
  path: "/leads",
  tags,
  summary: "List leads, newest first, with their tier, score, reasons and qualification",
  request: {
    query: z.object({
      ...filters,
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().min(1).optional().openapi({ description: "`nextCursor` of the previous page" }),
    }),
  },
  responses: { 200: jsonResponse(leadPageSchema.meta({ id: "LeadPage" }), "A page"), ...problems(422) },
});

export const exportLeadsSpec = createRoute({
  method: "get",
  path: "/leads/export.csv",
  tags,
  summary: "Export the leads matching the filters as CSV",
  request: { query: z.object(filters) },
  responses: {
    200: { description: "text/csv, a header row then one lead per row, newest first", content: { "text/csv": { schema: z.string() } } },
    ...problems(422),
  },
});

export const getLeadSpec = createRoute({
  method: "get",
  path: "/leads/{id}",
  tags,
  summary: "Get a lead with its qualification history and the actions taken on it",
  request: { params: z.object({ id: idParam("id", "Lead id") }) },
  responses: { 200: jsonResponse(leadDetailSchema.meta({ id: "Lead" }), "The lead"), ...problems(404) },
});
