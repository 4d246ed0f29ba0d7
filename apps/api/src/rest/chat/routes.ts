import { streamChat, type AppDeps } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { chatResponse } from "../../sse/chat-response";
import { chatSpec } from "./specs";

export function chatRoutes(deps: AppDeps) {
  const app = new OpenAPIHono();
  // Validation and "not found" surface as problem responses before any stream starts.
  app.openapi(chatSpec, async (c) => {
    const stream = await streamChat(c.var.ctx, { ...c.req.valid("json"), channel: "api" });
    return chatResponse(c, stream, deps.logger) as never;
  });
  return app;
}
