import {
  connectionTestResultSchema,
  createIntegrationInput,
  integrationSchema,
  integrationTypeSchema,
  syncResultSchema,
  updateIntegrationInput,
} from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { deletedSchema, idParam, problems } from "../problem-schemas";

const tags = ["Integrations"];
const Integration = integrationSchema.meta({ id: "Integration" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const params = z.object({ id: idParam("id", "Integration id") });

export const listIntegrationTypesSpec = createRoute({
  method: "get",
  path: "/integrations/types",
  tags,
  summary: "List integration types",
  description: "The catalogue: each provider's settings JSON Schema (secret fields carry `writeOnly: true`) and the actions it offers bots.",
  responses: { 200: json(z.object({ data: z.array(integrationTypeSchema.meta({ id: "IntegrationType" })) }), "Integration types"), ...problems() },
});

export const listIntegrationsSpec = createRoute({
  method: "get",
  path: "/integrations",
  tags,
  summary: "List integrations",
  description: "Secrets are never returned: `secrets` holds masked values of the secret fields that are set.",
  responses: { 200: json(z.object({ data: z.array(Integration) }), "Integrations, oldest first"), ...problems() },
});

export const createIntegrationSpec = createRoute({
  method: "post",
  path: "/integrations",
  tags,
  summary: "Connect an integration",
  description:
    "Validates `config` against the provider's schema and tests the connection first: a refused test saves nothing and answers 422 with the provider's error. `skipTest: true` saves untested. Settings are stored encrypted (AES-256-GCM).",
  request: { body: { required: true, content: { "application/json": { schema: createIntegrationInput } } } },
  responses: { 201: json(Integration, "Created"), ...problems(400, 422) },
});

export const getIntegrationSpec = createRoute({
  method: "get",
  path: "/integrations/{id}",
  tags,
  summary: "Get an integration",
  request: { params },
  responses: { 200: json(Integration, "The integration"), ...problems(404) },
});

export const updateIntegrationSpec = createRoute({
  method: "patch",
  path: "/integrations/{id}",
  tags,
  summary: "Update an integration",
  description: "New `config` replaces the settings (a secret left blank or omitted keeps its stored value) and is tested before it is saved, unless `skipTest: true`.",
  request: { params, body: { required: true, content: { "application/json": { schema: updateIntegrationInput } } } },
  responses: { 200: json(Integration, "Updated"), ...problems(400, 404, 422) },
});

export const deleteIntegrationSpec = createRoute({
  method: "delete",
  path: "/integrations/{id}",
  tags,
  summary: "Delete an integration",
  request: { params },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

export const testIntegrationSpec = createRoute({
  method: "post",
  path: "/integrations/{id}/test",
  tags,
  summary: "Test the stored connection",
  description: "Records the outcome as the integration's status (`connected`, or `error` with the provider's reason).",
  request: { params },
  responses: { 200: json(connectionTestResultSchema.meta({ id: "ConnectionTest" }), "Test outcome"), ...problems(404) },
});

export const syncIntegrationSpec = createRoute({
  method: "post",
  path: "/integrations/{id}/sync",
  tags,
  summary: "Sync now",
  description: "Only for providers with `canSync`; others answer 409.",
  request: { params },
  responses: { 200: json(syncResultSchema, "Sync outcome"), ...problems(404, 409) },
});
