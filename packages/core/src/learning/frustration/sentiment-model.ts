import type { RagRuntime } from "@frontdesk/rag";
import { z } from "zod";
import { SENTIMENTS, type Sentiment } from "./sentiment-rules";

type ChatModel = NonNullable<RagRuntime["chatModel"]>;

/** A model slower than this is not waited for: the rules' sentiment stays. */
export const SENTIMENT_MODEL_TIMEOUT_MS = 15_000;

const modelAnswer = z.object({
  sentiment: z.enum(SENTIMENTS),
  reasons: z.array(z.string().trim().min(1).max(80)).max(5).default([]),
});

/** The structured output the model fills (JSON Schema, so every provider's tool calling accepts it). */
const outputSchema = {
  title: "turn_sentiment",
  description: "How the visitor feels in their latest message.",
  type: "object",
  properties: {
    sentiment: {
      type: "string",
      enum: [...SENTIMENTS],
      description:
        "frustrated = losing patience (insults, repeating themselves, asking for a human, shouting); negative = unhappy or complaining; positive = thanks or praise; neutral = anything else",
    },
    reasons: { type: "array", items: { type: "string" }, description: 'Short reasons in English, e.g. "repeated question", "asks for a person"' },
  },
  required: ["sentiment", "reasons"],
} as const;

const INSTRUCTIONS =
  "You read a visitor's messages to a business's front-desk assistant (any language) and fill in turn_sentiment for the LATEST message, using the earlier ones only as context (a repeated question means frustration).";

/**
 * The organization's chat model classifies one turn with structured output. Throws when the answer does not fit
 * or the model takes longer than `timeoutMs`: the caller keeps the rules' sentiment.
 */
export async function classifyTurnWithModel(
  chatModel: ChatModel,
  input: { message: string; earlier: readonly string[] },
  timeoutMs = SENTIMENT_MODEL_TIMEOUT_MS,
): Promise<{ sentiment: Sentiment; reasons: string[] }> {
  const context = [...input.earlier].reverse().map((message, index) => `${index + 1}. ${message}`);
  const structured = chatModel.withStructuredOutput(outputSchema, { name: "turn_sentiment", method: "functionCalling" });
  const raw = await structured.invoke(
    [
      { role: "system", content: INSTRUCTIONS },
      { role: "user", content: `${context.length ? `Earlier messages:\n${context.join("\n")}\n\n` : ""}Latest message:\n${input.message}` },
    ],
    { signal: AbortSignal.timeout(timeoutMs) },
  );
  return modelAnswer.parse(raw);
}
