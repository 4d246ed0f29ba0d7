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
  app.on(["GET", "POST", "PUT"], "/api/inngest", async (c) => {
    // Inngest's handler answers a body that is not JSON with a 500; it is the caller's fault. (Hono caches the
    // text, so the handler reads the same body.)
    if (c.req.method !== "GET") assertJsonOrEmpty(await c.req.text());
    return handler(c);
  });
  return app;
}

function assertJsonOrEmpty(text: string): void {
  if (text.trim() === "") return;
  try {
    JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Malformed JSON in request body");
  }
}
