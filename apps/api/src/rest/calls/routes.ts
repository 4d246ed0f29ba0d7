import { controlCall, getCall, listCallEvents, listCalls, type AppDeps } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { callEvents } from "../../sse/call-events";
import * as specs from "./specs";

export function callRoutes(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.openapi(specs.listCallsSpec, async (c) => c.json(await listCalls(c.var.ctx, c.req.valid("query")), 200));
  app.openapi(specs.getCallSpec, async (c) => c.json(await getCall(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.listCallEventsSpec, async (c) =>
    c.json(await listCallEvents(c.var.ctx, c.req.valid("param").id, c.req.valid("query")), 200),
  );
  app.openapi(specs.controlCallSpec, async (c) =>
    c.json(await controlCall(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.liveCallSpec, async (c) => {
    const after = c.req.header("last-event-id") || c.req.valid("query").after || undefined;
    return (await callEvents(c, c.var.ctx, { callId: c.req.valid("param").id, after }, deps.logger)) as never;
  });
  return app;
}
