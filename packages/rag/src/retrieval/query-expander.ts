import type { SearchScope } from "./types";

/**
 * Adds words to a query's full-text side before search (synonyms, spellings visitors use, learned mappings).
 * The vector side keeps the visitor's own words. Returns only the added terms; none → [].
 */
export interface QueryExpander {
  expand(query: string, scope: SearchScope): Promise<string[]>;
}
