export * from "./schemas";
export { listQueryExpansions, upsertQueryExpansion, deleteQueryExpansion, reviewQueryExpansion } from "./query-expansions";
export { tableQueryExpander, queryPhrases, questionWithExpansions, type AppliedExpansion } from "./table-query-expander";
