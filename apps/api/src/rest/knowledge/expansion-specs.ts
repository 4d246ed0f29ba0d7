import { expansionStatus, queryExpansionSchema, reviewQueryExpansionInput, upsertQueryExpansionInput } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Knowledge"];
const QueryExpansion = queryExpansionSchema.meta({ id: "QueryExpansion" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const kbParams = z.object({ id: idParam("id", "Knowledge base id") });

export const listQueryExpansionsSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/expansions",
  tags,
  summary: "List query expansions",
  description:
    "Terms whose expansions are added to the full-text side of every search of this knowledge base. Learned " +
    "mappings (`source: learned`) start `pending` and are used by search only once approved; `status` filters.",
  request: { params: kbParams, query: z.object({ status: expansionStatus.optional() }) },
  responses: { 200: json(z.object({ data: z.array(QueryExpansion) }), "Expansions by term"), ...problems(404) },
});

export const upsertQueryExpansionSpec = createRoute({
  method: "put",
  path: "/knowledge/bases/{id}/expansions",
  tags,
  summary: "Create or replace a term's expansions",
  description:
    "When `term` (a word or phrase of up to 4 words; case and diacritics are ignored) occurs in a question, " +
    "`expansions` are added to the full-text query. The vector side keeps the question as asked.",
  request: { params: kbParams, body: { required: true, content: { "application/json": { schema: upsertQueryExpansionInput } } } },
  responses: { 200: json(QueryExpansion, "The stored expansion"), ...problems(400, 404, 422) },
});

export const deleteQueryExpansionSpec = createRoute({
  method: "delete",
  path: "/knowledge/bases/{id}/expansions",
  tags,
  summary: "Delete a term's expansions",
  request: { params: kbParams, query: z.object({ term: z.string().min(1).max(100) }) },
  responses: { 200: json(z.object({ term: z.string(), deleted: z.literal(true) }), "Deleted"), ...problems(404, 422) },
});

export const reviewQueryExpansionSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/expansions/{expansionId}/review",
  tags,
  summary: "Approve or reject a query expansion",
  description:
    "`approved: true` → status `approved`: search uses it from now on. `false` → `rejected`: never used, and " +
    "its words are never proposed again for that term.",
  request: {
    params: kbParams.extend({ expansionId: idParam("expansionId", "Query expansion id") }),
    body: { required: true, content: { "application/json": { schema: reviewQueryExpansionInput } } },
  },
  responses: { 200: json(QueryExpansion, "The reviewed expansion"), ...problems(400, 404, 422) },
});
