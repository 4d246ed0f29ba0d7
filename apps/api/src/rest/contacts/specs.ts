import { contactHitsSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { problems } from "../problem-schemas";

export const searchContactsSpec = createRoute({
  method: "get",
  path: "/contacts",
  tags: ["Conversations"],
  summary: "Contacts ranked by how close their conversations are to a query",
  description:
    "People the organization talked to — a conversation's lead when one was captured, else its visitor per channel — ranked by their best conversation's match to `q` (meaning and words, as `GET /conversations?q=`). Each once, with all their matching conversations.",
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(500).openapi({ description: "What their conversations were about", example: "parking" }),
      botId: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
  },
  responses: {
    200: { description: "Best first", content: { "application/json": { schema: contactHitsSchema.meta({ id: "ContactHits" }) } } },
    ...problems(404, 422),
  },
});
