import {
  createCustomActionInput,
  customActionSchema,
  invokeCustomActionInput,
  invokeResultSchema,
  updateCustomActionInput,
} from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { deletedSchema, idParam, problems } from "../problem-schemas";

const tags = ["Custom actions"];
const Action = customActionSchema.meta({ id: "CustomAction" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const params = z.object({ id: idParam("id", 'Action id, or "file:<name>" for file actions') });

export const listActionsSpec = createRoute({
  method: "get",
  path: "/actions",
  tags,
  summary: "List custom actions",
  description: 'Database actions (oldest first), then the deployment\'s file actions (`source: "file"`, read-only). Secrets are masked.',
  responses: { 200: json(z.object({ data: z.array(Action) }), "Actions"), ...problems() },
});

export const createActionSpec = createRoute({
  method: "post",
  path: "/actions",
  tags,
  summary: "Create a custom action",
  description:
    "An HTTP function the bot can call (Zapier / Make / n8n hook). `parameters` is the JSON Schema of its arguments. `auth.secret` is stored encrypted and never returned; `hmac` signs each call with `X-Frontdesk-Signature`.",
  request: { body: { required: true, content: { "application/json": { schema: createCustomActionInput } } } },
  responses: { 201: json(Action, "Created"), ...problems(400, 409, 422) },
});

export const getActionSpec = createRoute({
  method: "get",
  path: "/actions/{id}",
  tags,
  summary: "Get a custom action",
  request: { params },
  responses: { 200: json(Action, "The action"), ...problems(404) },
});

export const updateActionSpec = createRoute({
  method: "patch",
  path: "/actions/{id}",
  tags,
  summary: "Update a custom action",
  description: "File actions are read-only (409). An auth of the same type without `secret` keeps the stored secret.",
  request: { params, body: { required: true, content: { "application/json": { schema: updateCustomActionInput } } } },
  responses: { 200: json(Action, "Updated"), ...problems(400, 404, 409, 422) },
});

export const deleteActionSpec = createRoute({
  method: "delete",
  path: "/actions/{id}",
  tags,
  summary: "Delete a custom action",
  request: { params },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404, 409) },
});

export const invokeActionSpec = createRoute({
  method: "post",
  path: "/actions/{id}/invoke",
  tags,
  summary: "Invoke a custom action",
  description:
    "Validates `arguments` against the action's JSON Schema (422 naming `arguments.<field>`, endpoint not called), then calls the endpoint within `timeoutMs`. What the endpoint did comes back as `{ ok, status, durationMs, response }` (status null on timeout or network error). Logged as a tool call.",
  request: { params, body: { required: true, content: { "application/json": { schema: invokeCustomActionInput } } } },
  responses: { 200: json(invokeResultSchema.meta({ id: "InvokeResult" }), "The endpoint's answer"), ...problems(400, 404, 409, 422) },
});
