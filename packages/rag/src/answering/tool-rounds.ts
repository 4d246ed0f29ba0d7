import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ToolMessage, type AIMessageChunk, type BaseMessage, type MessageContent } from "@langchain/core/messages";
import type { AnswerEvent, AnswerTool, AnswerUsage } from "./types";

/** Rounds in which the model may call tools; the round after the last one must answer in text. */
export const MAX_TOOL_ROUNDS = 4;

export interface StreamedReply {
  content: string;
  usage: AnswerUsage | undefined;
}

/**
 * Streams the model's reply, running the tool calls it makes and feeding their results back, until it answers in
 * text. Text is streamed as it arrives in every round (models rarely talk before calling a tool). After
 * MAX_TOOL_ROUNDS rounds with calls the tools stay bound (some providers refuse tool results without them) but
 * `tool_choice: "none"` makes the model answer.
 */
export async function* streamWithTools(
  model: BaseChatModel,
  messages: BaseMessage[],
  tools: readonly AnswerTool[],
  signal: AbortSignal | undefined,
): AsyncGenerator<AnswerEvent, StreamedReply> {
  let content = "";
  let usage: AnswerUsage | undefined;
  const definitions = tools.map((tool) => ({
    type: "function" as const,
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
  const canCallTools = tools.length > 0 && typeof model.bindTools === "function";
  const conversation = [...messages];
  for (let round = 0; ; round += 1) {
    const lastRound = round >= MAX_TOOL_ROUNDS;
    const runnable = canCallTools ? model.bindTools!(definitions, lastRound ? { tool_choice: "none" } : {}) : model;
    const stream = await runnable.stream(conversation, { signal });
    let gathered: AIMessageChunk | undefined;
    for await (const chunk of stream) {
      const text = textOf(chunk.content);
      if (text) {
        content += text;
        yield { type: "token", text };
      }
      usage = addUsage(usage, chunk);
      gathered = gathered ? gathered.concat(chunk) : chunk;
    }
    const calls = gathered?.tool_calls ?? [];
    if (!canCallTools || lastRound || calls.length === 0 || !gathered) return { content, usage };

    conversation.push(gathered);
    for (const [index, call] of calls.entries()) {
      const callId = call.id ?? `call_${round}_${index}`;
      const tool = tools.find((candidate) => candidate.name === call.name);
      const outcome = tool
        ? await tool.run(call.args, { signal })
        : { ok: false, text: `There is no tool named "${call.name}"; use one of: ${tools.map((t) => t.name).join(", ")}` };
      yield { type: "tool", callId, name: call.name, arguments: call.args, ok: outcome.ok, result: outcome.text };
      conversation.push(new ToolMessage({ content: outcome.text, tool_call_id: callId, name: call.name }));
    }
  }
}

export function textOf(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

// Providers report usage on one chunk (OpenAI, at the end) or split over several (Anthropic), so it is summed
// the way LangChain concatenates chunks; tool rounds add up.
function addUsage(total: AnswerUsage | undefined, chunk: AIMessageChunk): AnswerUsage | undefined {
  const usage = chunk.usage_metadata;
  if (!usage) return total;
  return {
    promptTokens: (total?.promptTokens ?? 0) + (usage.input_tokens ?? 0),
    completionTokens: (total?.completionTokens ?? 0) + (usage.output_tokens ?? 0),
  };
}
