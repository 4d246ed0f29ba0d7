import { AppError } from "@frontdesk/core";
import { Hono } from "hono";
import type { ApiDeps } from "./deps";
import { onError, problemJson } from "./errors";
import { healthRoutes } from "./health/routes";
import { inngestRoutes } from "./inngest/routes";
import { bodyLimits } from "./limits/body-limits";
import { answerRefusalsWhileDropping } from "./limits/refused-body";
import { REST_BASE, restApi } from "./rest";
import { mountAdminApi } from "./trpc/mount-admin-api";
import { widgetDemoRoute } from "./widget/demo-page";
import { twilioWebhookRoutes } from "./webhooks/twilio-routes";
import { WIDGET_BASE, widgetCors, widgetRoutes } from "./widget/routes";
import { widgetScriptRoute } from "./widget/widget-script";
import { vapiRoutes } from "./voice/vapi-routes";
import { llmRoutes } from "./llm/routes";

/**
 * The whole HTTP surface: REST for API-key clients (/api/v1), public widget routes, the admin's tRPC and auth
 * endpoints, Inngest's handler and health. Errors from every part are rendered once, by onError. Every request
 * first passes the body limits (413 before the body is read); widget CORS comes before them so the widget can
 * read even that answer, and a refusal sent while the body still arrives keeps the connection open until the rest
 * is dropped (answerRefusalsWhileDropping), so the client can read it.
 */
export function createApp(deps: ApiDeps) {
  const app = new Hono();
  app.onError(onError(deps.logger));
  app.notFound((c) => problemJson(c, new AppError("not_found", `No route for ${c.req.method} ${c.req.path}`)));

  app.use("*", answerRefusalsWhileDropping());
  app.use(`${WIDGET_BASE}/*`, widgetCors());
  app.use("*", bodyLimits(deps.config));
  app.route("/", healthRoutes(deps));
  app.route(REST_BASE, restApi(deps));
  app.route(WIDGET_BASE, widgetRoutes(deps));
  app.route("/api/webhooks/twilio", twilioWebhookRoutes(deps));
  app.route("/", vapiRoutes(deps));
  app.route("/api/llm/v1", llmRoutes(deps));
  app.route("/", widgetScriptRoute(deps.widgetScriptPath));
  app.route("/", widgetDemoRoute());
  app.route("/", inngestRoutes(deps));
  mountAdminApi(app, deps, deps.auth);
  return app;
}

export type App = ReturnType<typeof createApp>;
