import { AppError } from "@frontdesk/core";
import { inngest } from "@frontdesk/worker";
import { Hono } from "hono";
import { serve } from "inngest/hono";
import type { ApiDeps } from "../deps";

/**
 * /api/inngest: where an Inngest server (cloud or self-hosted) discovers and invokes the worker's functions. With
 * no Inngest configured, jobs run in-process and the endpoint says so instead of failing on a missing signing key.
 */
export function inngestRoutes(deps: ApiDeps) {
  const app = new Hono();
  if (deps.events.mode !== "inngest") {
    app.all("/api/inngest", () => {
      throw new AppError(
        "unavailable",
        "Background jobs run in-process; set INNGEST_BASE_URL (self-hosted) or INNGEST_EVENT_KEY (cloud) to use Inngest",
      );
    });
    return app;
  }
  const handler = serve({ client: inngest, functions: deps.functions });
  app.on(["GET", "POST", "PUT"], "/api/inngest", (c) => handler(c));
  return app;
}
