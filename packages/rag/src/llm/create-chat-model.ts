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

/** One chat model, however it was chosen: from the environment (server default) or an organization's setting. */
export interface ChatModelSettings {
  provider: ChatProvider;
  /** Unset → defaultChatModels[provider]. */
  model?: string | undefined;
  apiKey?: string | undefined;
  /** OpenAI-compatible or Ollama server (openai and ollama only). */
  baseUrl?: string | undefined;
  /** fetch for the provider's HTTP calls, e.g. one that refuses private addresses for owner-entered URLs. */
  fetch?: typeof fetch | undefined;
}

/** What the environment configures (null → extractive answers); throws when LLM_PROVIDER lacks its credentials. */
export function chatModelSettingsFromConfig(config: ChatModelConfig): ChatModelSettings | null {
  const provider = resolveChatProvider(config);
  if (!provider) return null;
  const model = config.LLM_MODEL;
  switch (provider) {
    case "openai":
      if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
        throw new Error("LLM_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server)");
      }
      return { provider, model, apiKey: config.OPENAI_API_KEY, baseUrl: config.OPENAI_BASE_URL };
    case "anthropic":
      if (!config.ANTHROPIC_API_KEY) throw new Error("LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
      return { provider, model, apiKey: config.ANTHROPIC_API_KEY };
    case "google":
      if (!config.GOOGLE_API_KEY) throw new Error("LLM_PROVIDER=google needs GOOGLE_API_KEY");
      return { provider, model, apiKey: config.GOOGLE_API_KEY };
    case "ollama":
      return { provider, model, baseUrl: config.OLLAMA_BASE_URL };
  }
}

type ChatModelFactory = (temperature: number) => BaseChatModel;

// Chat model classes fix temperature at construction, so each model remembers how to build its siblings.
const factories = new WeakMap<BaseChatModel, { build: ChatModelFactory; byTemperature: Map<number, BaseChatModel> }>();

/**
 * The LangChain chat model the environment configures, or null when none is (answers are then extractive).
 * Throws when LLM_PROVIDER names a provider whose credentials are missing.
 */
export function createChatModel(config: ChatModelConfig, options: { temperature?: number } = {}): BaseChatModel | null {
  const settings = chatModelSettingsFromConfig(config);
  return settings ? buildChatModel(settings, options) : null;
}

/** The LangChain chat model for explicit settings (an organization's own model); withTemperature works on it. */
export function buildChatModel(settings: ChatModelSettings, options: { temperature?: number; maxRetries?: number } = {}): BaseChatModel {
  const build = chatModelFactory(settings, options.maxRetries ?? 2);
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

function chatModelFactory(settings: ChatModelSettings, maxRetries: number): ChatModelFactory {
  const { provider, baseUrl, fetch } = settings;
  const model = settings.model ?? defaultChatModels[provider];
  switch (provider) {
    case "openai": {
      if (!settings.apiKey && !baseUrl) throw new Error("openai needs an API key (or a base URL for an OpenAI-compatible server)");
      // Local OpenAI-compatible servers usually ignore the key, but the client insists on one.
      const apiKey = settings.apiKey ?? "not-needed";
      const configuration = { ...(baseUrl ? { baseURL: baseUrl } : {}), ...(fetch ? { fetch } : {}) };
      return (temperature) => new ChatOpenAI({ model, apiKey, temperature, maxRetries, configuration });
    }
    case "anthropic": {
      const apiKey = settings.apiKey;
      if (!apiKey) throw new Error("anthropic needs an API key");
      return (temperature) => new ChatAnthropic({ model, apiKey, temperature, maxRetries });
    }
    case "google": {
      const apiKey = settings.apiKey;
      if (!apiKey) throw new Error("google needs an API key");
      return (temperature) => new ChatGoogleGenerativeAI({ model, apiKey, temperature, maxRetries });
    }
    case "ollama": {
      const url = baseUrl ?? "http://127.0.0.1:11434";
      return (temperature) => new ChatOllama({ model, baseUrl: url, temperature, maxRetries, ...(fetch ? { fetch } : {}) });
    }
  }
}
