import { linkVapiAssistantInput, startVapiFileSyncInput, vapiFilesViewSchema, vapiLinkSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Bots"];
const params = z.object({ id: idParam("id", "Bot id") });
const VapiLink = vapiLinkSchema.meta({ id: "VapiLink" });
const ok = (description: string) => ({ 200: { description, content: { "application/json": { schema: VapiLink } } } });

export const getVapiLinkSpec = createRoute({
  method: "get",
  path: "/bots/{id}/vapi",
  tags,
  summary: "The bot's Vapi assistant link and server URL",
  request: { params },
  responses: { ...ok("The link (nulls when not linked)"), ...problems(404) },
});

export const linkVapiSpec = createRoute({
  method: "put",
  path: "/bots/{id}/vapi",
  tags,
  summary: "Link the bot to a Vapi assistant (create one, or point an existing one at the bot)",
  description:
    "Through the `vapi` integration's API key: the assistant's server URL and secret, prompt, greeting, model, tools " +
    "(the bot's enabled tools + search_knowledge) and custom knowledge base point at the bot. 409 until the bot has a voice secret.",
  request: { params, body: { required: true, content: { "application/json": { schema: linkVapiAssistantInput } } } },
  responses: { ...ok("Linked"), ...problems(404, 409, 422, 503) },
});

export const unlinkVapiSpec = createRoute({
  method: "delete",
  path: "/bots/{id}/vapi",
  tags,
  summary: "Unlink: restore an existing assistant's previous settings, or delete the one Frontdesk created",
  request: { params },
  responses: { ...ok("Unlinked"), ...problems(404, 503) },
});

const VapiFiles = vapiFilesViewSchema.meta({ id: "VapiFiles" });
const files = (description: string) => ({ 200: { description, content: { "application/json": { schema: VapiFiles } } } });

export const getVapiFilesSpec = createRoute({
  method: "get",
  path: "/bots/{id}/vapi/files",
  tags,
  summary: "\"Sync to Vapi\": whether the bot's knowledge files are kept in Vapi's file store, and each file's status",
  request: { params },
  responses: { ...files("Per-document status: pending, synced, failed (with error) or deleting"), ...problems(404) },
});

export const startVapiFilesSpec = createRoute({
  method: "put",
  path: "/bots/{id}/vapi/files",
  tags,
  summary: "Turn on \"sync to Vapi\": upload the bot's documents to Vapi's file store behind a query tool",
  description:
    "Through a `vapi` integration (the linked one unless `integrationId` is given). The upload runs in the background " +
    "and keeps running as documents change: new and changed documents are uploaded (a changed one replaces its file), " +
    "deleted ones are deleted from Vapi. The query tool is attached to the linked assistant and to assistant-requests. " +
    "409 when the bot is not linked and no integration is named.",
  request: { params, body: { required: true, content: { "application/json": { schema: startVapiFileSyncInput } } } },
  responses: { ...files("Sync on; files are uploaded shortly"), ...problems(404, 409, 422, 503) },
});

export const stopVapiFilesSpec = createRoute({
  method: "delete",
  path: "/bots/{id}/vapi/files",
  tags,
  summary: "Turn off \"sync to Vapi\": the files and the query tool are deleted from Vapi",
  request: { params },
  responses: { ...files("Sync off"), ...problems(404) },
});
