import type { RagRuntime } from "@frontdesk/rag";
import { z } from "zod";
import type { SuggestionDraft } from "./schemas";

type ChatModel = NonNullable<RagRuntime["chatModel"]>;

const TIMEOUT_MS = 60_000;

const modelAnswer = z.object({
  suggestions: z.array(z.object({ key: z.string(), title: z.string().trim().min(1).max(300), detail: z.string().trim().min(1).max(1000) })).max(50),
});

/** The structured output the model fills (JSON Schema, so every provider's tool calling accepts it). */
const outputSchema = {
  title: "prompt_suggestions",
  description: "Concrete suggestions for the bot's prompt or knowledge, one per finding given.",
  type: "object",
  properties: {
    suggestions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          key: { type: "string", description: "The finding's key, exactly as given" },
          title: { type: "string", description: "One sentence with the numbers, e.g. '12 visitors asked about parking; no document mentions it'" },
          detail: { type: "string", description: "What the owner should change: the FAQ to add, the sentence to put in the prompt, the setting to check" },
        },
        required: ["key", "title", "detail"],
      },
    },
  },
  required: ["suggestions"],
} as const;

const INSTRUCTIONS =
  "You help the owner of a small business improve their website assistant. For each finding (counted from last week's conversations), write one concrete suggestion for the assistant's prompt or knowledge. Keep every number and example as given; invent nothing. Write in English.";

/**
 * The organization's model rewrites the counted drafts as concrete advice (structured output). Only the title and
 * detail of drafts it names by key change; the evidence stays counted. Throws when its answer does not fit.
 */
export async function writeSuggestionsWithModel(chatModel: ChatModel, input: { botName: string; systemPrompt: string; drafts: readonly SuggestionDraft[] }): Promise<SuggestionDraft[]> {
  const findings = input.drafts.map((draft) => ({ key: draft.key, kind: draft.kind, finding: draft.title, suggestion: draft.detail, evidence: draft.evidence }));
  const structured = chatModel.withStructuredOutput(outputSchema, { name: "prompt_suggestions", method: "functionCalling" });
  const raw = await structured.invoke(
    [
      { role: "system", content: INSTRUCTIONS },
      { role: "user", content: `Assistant: ${input.botName}\nIts prompt:\n${input.systemPrompt.slice(0, 4000)}\n\nFindings (JSON):\n${JSON.stringify(findings)}` },
    ],
    { signal: AbortSignal.timeout(TIMEOUT_MS) },
  );
  const written = new Map(modelAnswer.parse(raw).suggestions.map((suggestion) => [suggestion.key, suggestion]));
  return input.drafts.map((draft) => {
    const rewrite = written.get(draft.key);
    return rewrite ? { ...draft, title: rewrite.title, detail: rewrite.detail, method: "model" as const } : draft;
  });
}
