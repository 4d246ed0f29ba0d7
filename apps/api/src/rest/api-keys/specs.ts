import { apiKeySummarySchema, createApiKeyInput } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["API keys"];
const ApiKey = apiKeySummarySchema.meta({ id: "ApiKey" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const listApiKeysSpec = createRoute({
  method: "get",
  path: "/api-keys",
  tags,
  summary: "List the organization's API keys (never their secrets); owners and admins only",
  responses: { 200: json(z.object({ data: z.array(ApiKey) }), "Newest first, revoked keys included"), ...problems() },
});

export const createApiKeySpec = createRoute({
  method: "post",
  path: "/api-keys",
  tags,
  summary: "Create an API key",
  description:
    "`role` (owner, admin (default) or member) is what the key may do, like a member's role (see the roles table in docs/api.md); it cannot be above the calling key's own role. The secret `key` is in this response only.",
  request: { body: { required: true, content: { "application/json": { schema: createApiKeyInput } } } },
  responses: { 201: json(ApiKey.extend({ key: z.string() }).meta({ id: "CreatedApiKey" }), "Created; `key` is shown once"), ...problems(400, 422) },
});

export const revokeApiKeySpec = createRoute({
  method: "delete",
  path: "/api-keys/{id}",
  tags,
  summary: "Revoke an API key (it answers 401 from then on); only owners revoke owner keys",
  request: { params: z.object({ id: idParam("id", "API key id") }) },
  responses: { 200: json(ApiKey, "Revoked"), ...problems(404) },
});
