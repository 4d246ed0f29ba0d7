import type { AppDeps } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { docsPage } from "../docs/docs-page";
import { validationHook } from "../errors";
import { apiKeyAuth } from "../middleware/api-key";
import { roleGate } from "../middleware/role";
import { botRoutes } from "./bots/routes";
import { chatRoutes } from "./chat/routes";
import { contactRoutes } from "./contacts/routes";
import { conversationRoutes } from "./conversations/routes";
import { leadRoutes } from "./leads/routes";
import { crawlRoutes } from "./crawls/routes";
import { knowledgeRoutes } from "./knowledge/routes";
import { expansionRoutes } from "./knowledge/expansion-routes";
import { integrationRoutes } from "./integrations/routes";
import { actionRoutes } from "./actions/routes";
import { webhookRoutes } from "./webhooks/routes";
import { toolRoutes } from "./tools/routes";
import { answerModelRoutes } from "./answer-model/routes";
import { apiKeyRoutes } from "./api-keys/routes";
import { memberRoutes } from "./members/routes";
import { callRoutes } from "./calls/routes";
import { knowledgeGapRoutes } from "./knowledge-gaps/routes";
import { suggestionRoutes } from "./suggestions/routes";
import { voiceRoutes } from "./voice/routes";
import { analyticsRoutes } from "./analytics/routes";

export const REST_BASE = "/api/v1";

/** The public REST API for API-key clients, mounted at /api/v1; its OpenAPI document and docs are public. */
export function restApi(deps: AppDeps) {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fd_…",
    description: "An API key created in the admin (Settings → API keys) or with `npm run frontdesk -- api-keys create`.",
  });

  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Frontdesk API",
      version: "1.0.0",
      description: "Knowledge bases, documents, search, bots, chat and conversations. Errors are RFC 9457 problem bodies.",
    },
    servers: [{ url: `${deps.config.publicUrl}${REST_BASE}` }],
    security: [{ bearerAuth: [] }],
  });
  api.get("/docs", (c) => c.html(docsPage(`${REST_BASE}/openapi.json`)));

  const auth = apiKeyAuth(deps);
  const gate = roleGate(REST_BASE);
  api.use("*", async (c, next) => {
    if (c.req.path === `${REST_BASE}/openapi.json` || c.req.path === `${REST_BASE}/docs`) return next();
    return auth(c, async () => {
      await gate(c, next);
    });
  });

  api.route("/", knowledgeRoutes(deps));
  api.route("/", expansionRoutes());
  api.route("/", crawlRoutes());
  api.route("/", botRoutes());
  api.route("/", chatRoutes(deps));
  api.route("/", conversationRoutes());
  api.route("/", contactRoutes());
  api.route("/", leadRoutes());
  api.route("/", integrationRoutes());
  api.route("/", actionRoutes());
  api.route("/", webhookRoutes());
  api.route("/", toolRoutes());
  api.route("/", answerModelRoutes());
  api.route("/", apiKeyRoutes());
  api.route("/", memberRoutes());
  api.route("/", callRoutes(deps));
  api.route("/", knowledgeGapRoutes());
  api.route("/", suggestionRoutes());
  api.route("/", voiceRoutes());
  api.route("/", analyticsRoutes());
  return api;
}
