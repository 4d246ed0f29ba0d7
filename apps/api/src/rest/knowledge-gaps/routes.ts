import { answerKnowledgeGap, dismissKnowledgeGap, listKnowledgeGaps } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

/** /knowledge-gaps: unanswered questions, "answer it" and dismiss. */
export function knowledgeGapRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listKnowledgeGapsSpec, async (c) => c.json({ data: await listKnowledgeGaps(c.var.ctx, c.req.valid("query")) }, 200));
  app.openapi(specs.answerKnowledgeGapSpec, async (c) =>
    c.json(await answerKnowledgeGap(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.dismissKnowledgeGapSpec, async (c) => c.json(await dismissKnowledgeGap(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
