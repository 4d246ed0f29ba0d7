import { completeSuggestion, dismissSuggestion, generateSuggestionsNow, listSuggestions } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

/** /suggestions: the weekly prompt and knowledge suggestions, made now on demand, dismiss and done. */
export function suggestionRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listSuggestionsSpec, async (c) => c.json({ data: await listSuggestions(c.var.ctx, c.req.valid("query")) }, 200));
  app.openapi(specs.generateSuggestionsSpec, async (c) => c.json(await generateSuggestionsNow(c.var.ctx, c.req.valid("json")), 200));
  app.openapi(specs.dismissSuggestionSpec, async (c) => c.json(await dismissSuggestion(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.completeSuggestionSpec, async (c) => c.json(await completeSuggestion(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
