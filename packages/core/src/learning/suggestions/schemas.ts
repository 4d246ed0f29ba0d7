import { z } from "zod";

export const suggestionStatus = z.enum(["open", "dismissed", "done"]);
export const suggestionKind = z.enum(["knowledge_gap", "frustration", "failing_mapping", "failing_tool", "declined"]);
export type SuggestionKind = z.infer<typeof suggestionKind>;

export const listSuggestionsInput = z
  .object({
    botId: z.string().min(1).optional(),
    /** Default open: the suggestions nobody has acted on yet. */
    status: suggestionStatus.default("open"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListSuggestionsInput = z.input<typeof listSuggestionsInput>;

/** What a suggestion rests on: how often, out of how many, examples in the visitors' words, where to look. */
export const suggestionEvidenceSchema = z.object({
  count: z.number().int(),
  /** What `count` is out of (tool calls, mapping uses), when it is a share. */
  total: z.number().int().optional(),
  examples: z.array(z.string()),
  conversationIds: z.array(z.string()),
});
export type SuggestionEvidence = z.infer<typeof suggestionEvidenceSchema>;

export const suggestionSchema = z.object({
  id: z.string(),
  botId: z.string(),
  /** ISO week it was made for, e.g. 2026-W49. */
  week: z.string(),
  kind: suggestionKind,
  title: z.string(),
  detail: z.string(),
  evidence: suggestionEvidenceSchema,
  /** rules, or model when the organization's model wrote the title and detail (the evidence is always counted). */
  method: z.enum(["rules", "model"]),
  status: suggestionStatus,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type SuggestionView = z.infer<typeof suggestionSchema>;

/** A suggestion before it is stored: `key` says what it is about, stable from week to week. */
export interface SuggestionDraft {
  kind: SuggestionKind;
  key: string;
  title: string;
  detail: string;
  evidence: SuggestionEvidence;
  /** Who wrote the title and detail; default rules. */
  method?: "rules" | "model";
}

export const generateSuggestionsInput = z.object({ botId: z.string().min(1) }).strict();
export type GenerateSuggestionsInput = z.input<typeof generateSuggestionsInput>;

export const generatedSuggestionsSchema = z.object({
  week: z.string(),
  /** rules, or model when the organization's model worded at least one suggestion. */
  method: z.enum(["rules", "model"]),
  created: z.number().int(),
  /** Open suggestions brought up to date with this week's evidence. */
  updated: z.number().int(),
  /** Findings not suggested again: dismissed before, or already settled this week. */
  skipped: z.number().int(),
  /** The bot's open suggestions after the run. */
  data: z.array(suggestionSchema),
});
export type GeneratedSuggestions = z.infer<typeof generatedSuggestionsSchema>;
