import { buildChatModel } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { proposeSetting } from "./proposed-settings";
import { describeActive, organizationModelSettings, resolveChatModel } from "./resolve-chat-model";
import type { AnswerModelTestResult, SetAnswerModelInput } from "./schemas";
import { findModelSetting } from "./stored-setting";

const TEST_TIMEOUT_MS = 20_000;
const PROMPT = "Reply with the single word OK.";

/**
 * One tiny call to a model: the settings given (checked like a save, stored key kept the same way, nothing
 * saved), or without settings the model answering now. A refusal is an answer for the owner, not an error.
 */
export async function testAnswerModel(ctx: ServiceContext, input?: SetAnswerModelInput): Promise<AnswerModelTestResult> {
  let chatModel;
  let apiKey: string | null = null;
  if (input === undefined) {
    chatModel = (await resolveChatModel(ctx)).chatModel;
  } else {
    const proposed = await proposeSetting(ctx, input, await findModelSetting(ctx));
    if (proposed.provider === "default") chatModel = ctx.rag.chatModel;
    else if (proposed.provider === "none") chatModel = null;
    else {
      apiKey = proposed.apiKey;
      chatModel = buildChatModel(organizationModelSettings(ctx, proposed), { temperature: 0, maxRetries: 0 });
    }
  }
  const { provider, model } = describeActive(chatModel);
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  if (!chatModel) return { ok: false, provider, model, error: "Extractive answers use no language model: there is nothing to test", durationMs: 0 };
  try {
    const reply = await chatModel.invoke([{ role: "user", content: PROMPT }], { signal: AbortSignal.timeout(TEST_TIMEOUT_MS) });
    const text = typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
    return { ok: true, provider, model, reply: text.slice(0, 200), durationMs: elapsed() };
  } catch (error) {
    ctx.logger.info({ err: error, provider, model }, "answer model test failed");
    return { ok: false, provider, model, error: readableError(error, apiKey), durationMs: elapsed() };
  }
}

/** The provider's message (and its cause's, e.g. a refused connection), without the key, at most 500 characters. */
function readableError(error: unknown, apiKey: string | null): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 3; depth += 1) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  let text = parts.join(": ") || String(error);
  if (apiKey) text = text.split(apiKey).join("••••");
  return text.slice(0, 500);
}
