import { generatedSuggestionsSchema, generateSuggestionsInput, suggestionSchema, suggestionStatus } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Learning"];
const Suggestion = suggestionSchema.meta({ id: "PromptSuggestion" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const params = z.object({ id: idParam("id", "Suggestion id") });

export const listSuggestionsSpec = createRoute({
  method: "get",
  path: "/suggestions",
  tags,
  summary: "List the weekly suggestions for a bot's prompt or knowledge",
  description:
    "Made once a week per bot (PROMPT_SUGGESTIONS_CRON) from the 7 days before: unanswered questions by count, " +
    "frustrated conversations and what they were about, approved mappings that keep failing, failing tools and " +
    "questions declined although documents matched. Each names its evidence (counts, example questions, conversation " +
    "ids). Worded by the organization's model when it has one (`method: model`), else by rules. Latest week first.",
  request: {
    query: z.object({
      botId: z.string().min(1).optional(),
      status: suggestionStatus.optional().openapi({ description: "Default open" }),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: { 200: json(z.object({ data: z.array(Suggestion) }), "Suggestions"), ...problems(422) },
});

export const dismissSuggestionSpec = createRoute({
  method: "post",
  path: "/suggestions/{id}/dismiss",
  tags,
  summary: "Dismiss a suggestion (hidden; not suggested again)",
  request: { params },
  responses: { 200: json(Suggestion, "The dismissed suggestion"), ...problems(404) },
});

export const completeSuggestionSpec = createRoute({
  method: "post",
  path: "/suggestions/{id}/done",
  tags,
  summary: "Mark a suggestion done (acted on)",
  request: { params },
  responses: { 200: json(Suggestion, "The suggestion, done"), ...problems(404) },
});

export const generateSuggestionsSpec = createRoute({
  method: "post",
  path: "/suggestions/generate",
  tags,
  summary: "Make a bot's suggestions now, from the past 7 days (admins)",
  description:
    "The weekly run for one bot, on demand: open suggestions are brought up to date, new findings added, dismissed ones " +
    "stay away, so running it again (or the weekly schedule after it) adds no duplicates. Returns the counts and the " +
    "bot's open suggestions.",
  request: { body: { required: true, content: { "application/json": { schema: generateSuggestionsInput } } } },
  responses: { 200: json(generatedSuggestionsSchema.extend({ data: z.array(Suggestion) }), "What the run did, and the open suggestions"), ...problems(404, 422) },
});
