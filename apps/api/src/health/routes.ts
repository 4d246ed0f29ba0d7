import { Hono } from "hono";
import type { ApiDeps } from "../deps";

/** GET /api/health — liveness plus what the server runs with; 503 when the database does not answer. */
export function healthRoutes(deps: ApiDeps) {
  const app = new Hono();
  app.get("/api/health", async (c) => {
    let dbOk = true;
    try {
      await deps.prisma.$queryRaw`SELECT 1`;
    } catch (error) {
      dbOk = false;
      deps.logger.error({ err: error }, "health check: database unreachable");
    }
    const chatModel = deps.rag.chatModel;
    const body = {
      status: dbOk ? "ok" : "error",
      db: { kind: deps.db.kind, ok: dbOk },
      embeddings: { model: deps.rag.embeddings.model, dimensions: deps.rag.embeddings.dimensions },
      llm: chatModel ? describeModel(chatModel) : "extractive",
      jobs: deps.events.mode,
    };
    return c.json(body, dbOk ? 200 : 503);
  });
  return app;
}

function describeModel(model: NonNullable<ApiDeps["rag"]["chatModel"]>): string {
  const named = model as unknown as { model?: unknown; modelName?: unknown };
  const name = typeof named.model === "string" ? named.model : typeof named.modelName === "string" ? named.modelName : undefined;
  return name ? `${model._llmType()}/${name}` : model._llmType();
}
