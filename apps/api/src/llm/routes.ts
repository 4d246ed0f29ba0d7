import { completeChat, listLlmModels, type AppDeps } from "@frontdesk/core";
import { Hono } from "hono";
import { apiKeyAuth } from "../middleware/api-key";
import { readJson } from "../widget/read-json";
import { chatCompletionResponse, CONVERSATION_HEADER } from "./chat-completions";
import { openAiErrorHandler } from "./openai-error";

/**
 * An OpenAI-compatible endpoint (mounted at /api/llm/v1) so voice pipelines — ElevenLabs Agents with Twilio, Vapi's
 * custom-llm — can use a bot as their language model: `model` is the bot id, the API key is the Bearer token.
 */
export function llmRoutes(deps: AppDeps) {
  const app = new Hono();
  app.onError(openAiErrorHandler(deps.logger));
  app.use("*", apiKeyAuth(deps));
  app.get("/models", async (c) => c.json(await listLlmModels(c.var.ctx)));
  app.post("/chat/completions", async (c) => {
    const body = (await readJson(c)) as { model?: unknown; stream?: unknown; stream_options?: { include_usage?: unknown } | null };
    const conversationId = c.req.header(CONVERSATION_HEADER)?.trim() || undefined;
    const chat = await completeChat(c.var.ctx, body as Parameters<typeof completeChat>[1], { conversationId });
    return chatCompletionResponse(c, chat, { model: String(body.model), stream: body.stream === true, includeUsage: body.stream_options?.include_usage === true, logger: deps.logger });
  });
  return app;
}
