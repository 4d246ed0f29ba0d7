import { inngest } from "@frontdesk/worker";
import { Hono } from "hono";
import { serve } from "inngest/hono";
import type { ApiDeps } from "../deps";

/** /api/inngest: where an Inngest server (cloud or self-hosted) discovers and invokes the worker's functions. */
export function inngestRoutes(deps: ApiDeps) {
  const app = new Hono();
  const handler = serve({ client: inngest, functions: deps.functions });
  app.on(["GET", "POST", "PUT"], "/api/inngest", (c) => handler(c));
  return app;
}
