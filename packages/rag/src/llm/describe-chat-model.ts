import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

// LangChain's _llmType() names → the provider names LLM_PROVIDER uses.
const providerOfLlmType: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  googlegenerativeai: "google",
  ollama: "ollama",
};

/** Provider and model name of a chat model, for display ("openai", "gpt-4.1-mini"); unknown classes keep their type. */
export function describeChatModel(model: BaseChatModel): { provider: string; model: string | null } {
  const named = model as unknown as { model?: unknown; modelName?: unknown };
  const name = typeof named.model === "string" ? named.model : typeof named.modelName === "string" ? named.modelName : null;
  const type = model._llmType();
  return { provider: providerOfLlmType[type] ?? type, model: name };
}
