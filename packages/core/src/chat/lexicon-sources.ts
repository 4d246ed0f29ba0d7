import { sourcesReadAtMost, sourcesReadFor, unsaidLexiconWays } from "@frontdesk/rag";
import type { SearchResult } from "../knowledge/schemas";

/**
 * A visitor's everyday word whose lexicon line no passage read says in any of its ways ("hay parqueadero?" when none
 * says "aparcamiento", "is there a restroom" when none says "toilet"): the answer's lexicon relates a visitor's word
 * only to a way the sentences read say (visitorPhraseNeighbours), so the question is searched again with the
 * documents' ways added on the full-text side (`search`, given the words), and the best passage of that search that
 * says one of them whole is read too. It takes the last place the answer reads, so it does not outrank what the
 * visitor's own words found. Questions saying no line, or a line the passages already say, are not searched again.
 */
export async function withLexiconSources(question: string, sources: SearchResult[], search: (textTerms: string) => Promise<SearchResult[]>): Promise<SearchResult[]> {
  const read = sourcesReadFor(question);
  const ways = unsaidLexiconWays(question, sources.slice(0, read).map((source) => source.content));
  if (!ways || ways.terms.length === 0) return sources;
  // Only among the passages whose sentence vectors the search loaded (the first it may read).
  const found = (await search(ways.terms.join(" "))).slice(0, sourcesReadAtMost(question));
  const reading = new Set(sources.slice(0, read).map((source) => source.chunkId));
  const added = found.find((hit) => !reading.has(hit.chunkId) && ways.says(hit.content));
  if (!added) return sources;
  const rest = sources.filter((source) => source.chunkId !== added.chunkId);
  const at = Math.min(rest.length, read - 1);
  return [...rest.slice(0, at), added, ...rest.slice(at)];
}
