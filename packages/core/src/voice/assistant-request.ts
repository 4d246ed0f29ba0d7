import type { Vapi } from "@vapi-ai/server-sdk";
import { describeActive, resolveChatModel } from "../answer-model/resolve-chat-model";
import { resolveAnswerSettings } from "../chat/answer-settings";
import type { ServiceContext } from "../context";
import { enabledCatalogTools } from "../tools/bot-tools";
import { vapiServerUrl, type VoiceBot } from "./voice-bot";
import { SEARCH_KNOWLEDGE_TOOL } from "./voice-tool-calls";

/** The server messages a Frontdesk assistant sends back (everything the call view and the live view use). */
const SERVER_MESSAGES = [
  "status-update",
  "transcript",
  "speech-update",
  "conversation-update",
  "user-interrupted",
  "hang",
  "tool-calls",
  "end-of-call-report",
] as const;

/** Vapi hosts the model; without an organization model of a kind Vapi runs, it gets a small OpenAI model. */
const DEFAULT_MODEL = { provider: "openai", model: "gpt-4o-mini" } as const;
const VAPI_PROVIDERS = new Set(["openai", "anthropic", "google"]);

async function chooseModel(ctx: ServiceContext): Promise<{ provider: "openai" | "anthropic" | "google"; model: string }> {
  const { chatModel } = await resolveChatModel(ctx);
  const { provider, model } = describeActive(chatModel);
  if (provider && model && VAPI_PROVIDERS.has(provider)) return { provider: provider as "openai" | "anthropic" | "google", model };
  return DEFAULT_MODEL;
}

/**
 * `assistant-request` → the bot as a Vapi assistant: its prompt, greeting and model, its enabled tools plus the
 * built-in search_knowledge as function tools, and a custom knowledge base (or, when its files are synced to Vapi,
 * their query tool), all pointing back at this server URL with the bot's secret so the tool and knowledge requests
 * authenticate like this one did. Only the database is read: this must answer well within Vapi's 7.5 s.
 */
export async function buildAssistant(ctx: ServiceContext, bot: VoiceBot, secret: string): Promise<Vapi.ServerMessageResponseAssistantRequest> {
  const url = vapiServerUrl(ctx, bot);
  const server: Vapi.Server = { url, timeoutSeconds: 20, headers: { "X-Vapi-Secret": secret } };
  const settings = resolveAnswerSettings(bot.answerSettings);
  const tools = [SEARCH_KNOWLEDGE_TOOL, ...(await enabledCatalogTools(ctx, bot.id))].map(
    (tool): Vapi.OpenAiModelToolsItem.Function => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.parameters as unknown as Vapi.OpenAiFunctionParameters },
      server,
    }),
  );
  const { provider, model } = await chooseModel(ctx);
  const assistantModel = {
    provider,
    model,
    messages: [{ role: "system", content: bot.systemPrompt }],
    tools,
    temperature: settings.temperature,
    ...(settings.maxTokens ? { maxTokens: settings.maxTokens } : {}),
    // Synced to Vapi's file store, the bot's files answer through their query tool instead of the custom knowledge base.
    ...(bot.vapiQueryToolId
      ? { toolIds: [bot.vapiQueryToolId] }
      : bot.knowledgeBases.length > 0
        ? { knowledgeBase: { provider: "custom-knowledge-base", server } }
        : {}),
  } as Vapi.CreateAssistantDtoModel;
  const assistant: Vapi.CreateAssistantDto = {
    name: bot.name.slice(0, 40),
    firstMessage: bot.greeting,
    model: assistantModel,
    server,
    serverMessages: [...SERVER_MESSAGES] as Vapi.CreateAssistantDtoServerMessagesItem[],
    metadata: { frontdeskBotId: bot.id },
  };
  return { assistant };
}
