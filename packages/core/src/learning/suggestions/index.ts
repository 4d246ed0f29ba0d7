export * from "./schemas";
export { listSuggestions, dismissSuggestion, completeSuggestion, toSuggestionView } from "./suggestions";
export { generateSuggestions, generateSuggestionsOnce, botsForSuggestions, type SuggestionsOutcome } from "./generate-suggestions";
export { collectSuggestionDrafts } from "./collect-drafts";
export { isoWeek } from "./iso-week";
export { generateSuggestionsNow } from "./generate-now";
