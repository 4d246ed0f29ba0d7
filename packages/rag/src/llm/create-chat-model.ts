import type { AppConfig } from "@frontdesk/config";
import { ChatAnthropic } from "@langchain/anthropic";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatGoogleGenerativeAI } from "@langchain/google-genai";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";

export type ChatProvider = "openai" | "anthropic" | "google" | "ollama";

export type ChatModelConfig = Pick<
  AppConfig,
  "LLM_PROVIDER" | "LLM_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "ANTHROPIC_API_KEY" | "GOOGLE_API_KEY" | "OLLAMA_BASE_URL"
>;

/** Used when LLM_MODEL is unset: small, fast models suited to grounded answers. */
export const defaultChatModels: Record<ChatProvider, string> = {
  openai: "gpt-4.1-mini",
  anthropic: "claude-haiku-4-5",
  google: "gemini-2.5-flash",
  ollama: "llama3.2",
};

/** Grounded answers should stay close to the sources. */
export const DEFAULT_TEMPERATURE = 0.2;

/** LLM_PROVIDER if set ("none" disables answers by LLM), else the first provider configured. */
export function resolveChatProvider(config: ChatModelConfig): ChatProvider | null {
  if (config.LLM_PROVIDER === "none") return null;
  if (config.LLM_PROVIDER) return config.LLM_PROVIDER;
  if (config.OPENAI_API_KEY) return "openai";
  if (config.ANTHROPIC_API_KEY) return "anthropic";
  if (config.GOOGLE_API_KEY) return "google";
  if (config.OLLAMA_BASE_URL) return "ollama";
  return null;
}

type ChatModelFactory = (temperature: number) => BaseChatModel;

// Chat model classes fix temperature at construction, so each model remembers how to build its siblings.
const factories = new WeakMap<BaseChatModel, { build: ChatModelFactory; byTemperature: Map<number, BaseChatModel> }>();

/**
 * The LangChain chat model the environment configures, or null when none is (answers are then extractive).
 * Throws when LLM_PROVIDER names a provider whose credentials are missing.
 */
export function createChatModel(config: ChatModelConfig, options: { temperature?: number } = {}): BaseChatModel | null {
  const provider = resolveChatProvider(config);
  if (!provider) return null;
  const build = chatModelFactory(provider, config.LLM_MODEL ?? defaultChatModels[provider], config);
  const temperature = options.temperature ?? DEFAULT_TEMPERATURE;
  const model = build(temperature);
  factories.set(model, { build, byTemperature: new Map([[temperature, model]]) });
  return model;
}

/** The same model at another temperature (cached); models not built by createChatModel are returned as they are. */
export function withTemperature(model: BaseChatModel, temperature: number | undefined): BaseChatModel {
  const entry = factories.get(model);
  if (!entry || temperature === undefined) return model;
  const key = Math.round(temperature * 100) / 100;
  let variant = entry.byTemperature.get(key);
  if (!variant) {
    variant = entry.build(key);
    entry.byTemperature.set(key, variant);
  }
  return variant;
}

function chatModelFactory(provider: ChatProvider, model: string, config: ChatModelConfig): ChatModelFactory {
  switch (provider) {
    case "openai": {
      const baseURL = config.OPENAI_BASE_URL;
      if (!config.OPENAI_API_KEY && !baseURL) {
        throw new Error("LLM_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server)");
      }
      // Local OpenAI-compatible servers usually ignore the key, but the client insists on one.
      const apiKey = config.OPENAI_API_KEY ?? "not-needed";
      return (temperature) => new ChatOpenAI({ model, apiKey, temperature, maxRetries: 2, ...(baseURL ? { configuration: { baseURL } } : {}) });
    }
    case "anthropic": {
      const apiKey = config.ANTHROPIC_API_KEY;
      if (!apiKey) throw new Error("LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
      return (temperature) => new ChatAnthropic({ model, apiKey, temperature, maxRetries: 2 });
    }
    case "google": {
      const apiKey = config.GOOGLE_API_KEY;
      if (!apiKey) throw new Error("LLM_PROVIDER=google needs GOOGLE_API_KEY");
      return (temperature) => new ChatGoogleGenerativeAI({ model, apiKey, temperature, maxRetries: 2 });
    }
    case "ollama": {
      const baseUrl = config.OLLAMA_BASE_URL ?? "http://127.0.0.1:11434";
      return (temperature) => new ChatOllama({ model, baseUrl, temperature, maxRetries: 2 });
    }
  }
}
