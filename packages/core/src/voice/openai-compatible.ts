import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { parseInput } from "../parse-input";
import { streamChat } from "../chat/stream-chat";
import type { ChatStream } from "../chat/schemas";

const textPart = z.object({ type: z.literal("text"), text: z.string() }).passthrough();
const chatMessage = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
    content: z.union([z.string(), z.array(z.union([textPart, z.object({ type: z.string() }).passthrough()])), z.null()]).optional(),
  })
  .passthrough();

/**
 * The OpenAI Chat Completions request as ElevenLabs, Vapi's custom-llm and the `openai` SDK send it. Only what
 * Frontdesk uses is checked; sampling knobs are accepted and ignored (the bot's answer settings apply).
 */
export const chatCompletionRequest = z
  .object({
    /** The bot id (GET /api/llm/v1/models lists them). */
    model: z.string().min(1, "model is required: a bot id"),
    messages: z.array(chatMessage).min(1, "messages needs at least one message"),
    stream: z.boolean().nullable().optional(),
    /** `include_usage`: a last streamed chunk (no choices) carries the token usage. */
    stream_options: z.object({ include_usage: z.boolean().nullable().optional() }).passthrough().nullable().optional(),
    /** Keys the conversation (memory) when no X-Frontdesk-Conversation-Id is sent. */
    user: z.string().trim().min(1).max(128).optional(),
  })
  .passthrough();
export type ChatCompletionRequest = z.input<typeof chatCompletionRequest>;

function textOf(content: z.infer<typeof chatMessage>["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join(" ");
}

/** The conversation a request continues: the header's id, else the latest voice conversation of `user`. */
async function conversationFor(ctx: ServiceContext, botId: string, input: { conversationId?: string; user?: string }): Promise<string | undefined> {
  if (input.conversationId) return input.conversationId;
  if (!input.user) return undefined;
  const latest = await ctx.prisma.conversation.findFirst({
    where: { organizationId: ctx.organizationId, botId, channel: "voice", visitorId: input.user },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return latest?.id;
}

/**
 * One turn for an OpenAI-compatible caller (a voice pipeline using Frontdesk as its LLM). The caller's last user
 * message is the question; earlier turns come from the stored conversation (memory), not from the request, so the
 * bot's prompt, knowledge and tools apply whatever the pipeline sends. Stored with channel `voice`.
 */
export async function completeChat(ctx: ServiceContext, rawInput: ChatCompletionRequest, options: { conversationId?: string } = {}): Promise<ChatStream> {
  const input = parseInput(chatCompletionRequest, rawInput);
  const bot = await ctx.prisma.bot.findFirst({ where: { id: input.model, organizationId: ctx.organizationId }, select: { id: true } });
  if (!bot) throw new AppError("not_found", `No bot with id ${input.model} (model must be a bot id; see GET /api/llm/v1/models)`, { fields: [{ field: "model", message: "no such bot" }] });
  const lastUser = input.messages.findLast((message) => message.role === "user");
  const question = lastUser ? textOf(lastUser.content).trim() : "";
  if (!question) throw new AppError("validation_failed", "messages has no user message with text", { fields: [{ field: "messages", message: "a user message with text is required" }] });
  const conversationId = await conversationFor(ctx, bot.id, { conversationId: options.conversationId, user: input.user });
  try {
    return await streamChat(ctx, { botId: bot.id, message: question.slice(0, 4_000), channel: "voice", conversationId, visitorId: input.user });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found" && options.conversationId) throw notFound("Conversation (X-Frontdesk-Conversation-Id)");
    throw error;
  }
}

/** The bots an OpenAI-compatible client may name as `model`. */
export async function listLlmModels(ctx: ServiceContext): Promise<{ object: "list"; data: { id: string; object: "model"; created: number; owned_by: string; name: string }[] }> {
  const bots = await ctx.prisma.bot.findMany({ where: { organizationId: ctx.organizationId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true } });
  return {
    object: "list",
    data: bots.map((bot) => ({ id: bot.id, object: "model", created: Math.floor(bot.createdAt.getTime() / 1000), owned_by: "frontdesk", name: bot.name })),
  };
}
