import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { generateSuggestions } from "./generate-suggestions";
import { generateSuggestionsInput, type GeneratedSuggestions, type GenerateSuggestionsInput } from "./schemas";
import { listSuggestions } from "./suggestions";

/**
 * An owner's "suggest now": the weekly run for one bot, outside the schedule (a new install need not wait for its
 * first Monday). It stores like the weekly run (an open suggestion is updated, a dismissed one stays away), so
 * running it again, or the cron after it, adds no duplicates.
 */
export async function generateSuggestionsNow(ctx: ServiceContext, input: GenerateSuggestionsInput): Promise<GeneratedSuggestions> {
  const { botId } = parseInput(generateSuggestionsInput, input);
  const outcome = await generateSuggestions(ctx, { botId });
  if (outcome.status === "skipped") throw notFound("Bot");
  const { status: _status, ...counts } = outcome;
  return { ...counts, data: await listSuggestions(ctx, { botId }) };
}
