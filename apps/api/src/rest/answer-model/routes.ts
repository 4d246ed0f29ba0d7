import { getAnswerModel, setAnswerModel, testAnswerModel } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function answerModelRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.getAnswerModelSpec, async (c) => c.json(await getAnswerModel(c.var.ctx), 200));
  app.openapi(specs.setAnswerModelSpec, async (c) => c.json(await setAnswerModel(c.var.ctx, c.req.valid("json")), 200));
  app.openapi(specs.testAnswerModelSpec, async (c) => {
    // The body is optional: none (or an empty one) tests the model answering now.
    const body = c.req.header("content-length") === "0" || !c.req.header("content-type") ? undefined : c.req.valid("json");
    return c.json(await testAnswerModel(c.var.ctx, body), 200);
  });
  return app;
}
