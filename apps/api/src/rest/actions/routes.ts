import {
  createCustomAction,
  deleteCustomAction,
  getCustomAction,
  invokeCustomAction,
  listCustomActions,
  updateCustomAction,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function actionRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listActionsSpec, async (c) => c.json({ data: await listCustomActions(c.var.ctx) }, 200));
  app.openapi(specs.createActionSpec, async (c) => c.json(await createCustomAction(c.var.ctx, c.req.valid("json")), 201));
  app.openapi(specs.getActionSpec, async (c) => c.json(await getCustomAction(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.updateActionSpec, async (c) =>
    c.json(await updateCustomAction(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteActionSpec, async (c) => c.json(await deleteCustomAction(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.invokeActionSpec, async (c) => {
    const result = await invokeCustomAction(c.var.ctx, c.req.valid("param").id, c.req.valid("json").arguments, { source: "invoke" });
    return c.json(result, 200);
  });
  return app;
}
