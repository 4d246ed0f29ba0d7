export * from "./schemas";
export { listQueryExpansions, upsertQueryExpansion, deleteQueryExpansion } from "./query-expansions";
export { tableQueryExpander, queryPhrases } from "./table-query-expander";
