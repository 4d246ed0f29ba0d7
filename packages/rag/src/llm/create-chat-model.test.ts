import { ChatAnthropic } from "@langchain/anthropic";
import { ChatGoogleGenerativeAI } from "@langchain/google-genai";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatModel, resolveChatProvider, withTemperature, type ChatModelConfig } from "./create-chat-model";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "./fake-openai-server";

const none: ChatModelConfig = {
  LLM_PROVIDER: undefined,
  LLM_MODEL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  ANTHROPIC_API_KEY: undefined,
  GOOGLE_API_KEY: undefined,
  OLLAMA_BASE_URL: undefined,
};

describe("resolveChatProvider", () => {
  it("uses LLM_PROVIDER when set, else the first provider with credentials, else none", () => {
    expect(resolveChatProvider(none)).toBeNull();
    expect(resolveChatProvider({ ...none, GOOGLE_API_KEY: "g", ANTHROPIC_API_KEY: "a" })).toBe("anthropic");
    expect(resolveChatProvider({ ...none, OLLAMA_BASE_URL: "http://127.0.0.1:11434", GOOGLE_API_KEY: "g" })).toBe("google");
    expect(resolveChatProvider({ ...none, OPENAI_API_KEY: "o", ANTHROPIC_API_KEY: "a" })).toBe("openai");
    expect(resolveChatProvider({ ...none, LLM_PROVIDER: "ollama", OPENAI_API_KEY: "o" })).toBe("ollama");
    expect(resolveChatProvider({ ...none, LLM_PROVIDER: "none", OPENAI_API_KEY: "o" })).toBeNull();
  });
});

describe("createChatModel", () => {
  it("returns null when no provider is configured", () => {
    expect(createChatModel(none)).toBeNull();
  });

  it("builds each provider's LangChain chat model with its default or the configured model", () => {
    const openai = createChatModel({ ...none, OPENAI_API_KEY: "sk-test" });
    expect(openai).toBeInstanceOf(ChatOpenAI);
    expect((openai as ChatOpenAI).model).toBe("gpt-4.1-mini");
    const anthropic = createChatModel({ ...none, ANTHROPIC_API_KEY: "sk-ant", LLM_MODEL: "claude-sonnet-4-5" });
    expect(anthropic).toBeInstanceOf(ChatAnthropic);
    expect((anthropic as ChatAnthropic).model).toBe("claude-sonnet-4-5");
    expect(createChatModel({ ...none, GOOGLE_API_KEY: "g" })).toBeInstanceOf(ChatGoogleGenerativeAI);
    const ollama = createChatModel({ ...none, LLM_PROVIDER: "ollama" });
    expect(ollama).toBeInstanceOf(ChatOllama);
    expect((ollama as ChatOllama).baseUrl).toBe("http://127.0.0.1:11434");
  });

  it("refuses an explicitly chosen provider without credentials", () => {
    expect(() => createChatModel({ ...none, LLM_PROVIDER: "anthropic" })).toThrow(/ANTHROPIC_API_KEY/);
    expect(() => createChatModel({ ...none, LLM_PROVIDER: "google" })).toThrow(/GOOGLE_API_KEY/);
    expect(() => createChatModel({ ...none, LLM_PROVIDER: "openai" })).toThrow(/OPENAI_API_KEY/);
  });

  describe("against an OpenAI-compatible server (OPENAI_BASE_URL)", () => {
    let fake: FakeOpenAIServer;
    beforeAll(async () => {
      fake = await startFakeOpenAIServer({ reply: (request) => `echo ${request.messages.at(-1)?.content as string}` });
    });
    afterAll(async () => {
      await fake.close();
    });

    it("sends requests to the configured base URL, even without an API key", async () => {
      const model = createChatModel({ ...none, LLM_PROVIDER: "openai", OPENAI_BASE_URL: fake.baseUrl, LLM_MODEL: "local-model" });
      const reply = await model!.invoke("hello");
      expect(reply.content).toBe("echo hello");
      expect(fake.requests.at(-1)).toMatchObject({ model: "local-model", temperature: 0.2 });
    });

    it("withTemperature gives a cached sibling at another temperature", async () => {
      const model = createChatModel({ ...none, OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseUrl })!;
      const warmer = withTemperature(model, 0.9);
      expect(warmer).not.toBe(model);
      expect(withTemperature(model, 0.9)).toBe(warmer);
      expect(withTemperature(model, 0.2)).toBe(model);
      expect(withTemperature(model, undefined)).toBe(model);
      await warmer.invoke("hi");
      expect(fake.requests.at(-1)?.temperature).toBe(0.9);
      const foreign = new ChatOpenAI({ apiKey: "x", configuration: { baseURL: fake.baseUrl } });
      expect(withTemperature(foreign, 0.9)).toBe(foreign);
    });
  });
});
