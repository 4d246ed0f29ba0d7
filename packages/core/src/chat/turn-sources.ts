import type { Conversation } from "@frontdesk/db";
import { CONTACT_FACT_QUERIES, missingContactFact, SOURCES_READ, statesContactFact, timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { AppliedExpansion } from "../knowledge/expansions/table-query-expander";
import type { SearchResult } from "../knowledge/schemas";
import { searchKnowledgeBases, type SearchedKnowledgeBase } from "../knowledge/search-knowledge";
import { mayBeBookingTurn } from "../leads/booking/booking-turn";
import type { ResolvedAnswerSettings } from "./answer-settings";
import { isHandoffTurn } from "./handoff-turn";

/** What an answer is written from: the knowledge found for the question and the query expansions that applied. */
export interface TurnSources {
  sources: SearchResult[];
  applied: AppliedExpansion[];
  /**
   * The stored sentence vectors of the first sources (SOURCES_READ, by the answering model), read with their rows:
   * by chunk id, null when a chunk has none; a source not in the map was not looked up (loadSentenceVectors).
   */
  sentenceVectors: Map<string, Uint8Array | null>;
}

export interface TurnSearch {
  question: string;
  knowledgeBaseIds: string[];
  /** The knowledge bases' search settings when the bot was loaded with them (the search does not read them again). */
  knowledgeBases?: SearchedKnowledgeBase[] | undefined;
  settings: ResolvedAnswerSettings;
}

/** Searches the bot's knowledge for the question, with its answer settings' topK and minScore. */
export async function searchTurnSources(ctx: ServiceContext, turn: TurnSearch): Promise<TurnSources> {
  const applied: AppliedExpansion[] = [];
  const sentenceVectors = new Map<string, Uint8Array | null>();
  const search = (query: string, onExpansionsApplied?: (rows: AppliedExpansion[]) => void) =>
    searchKnowledgeBases(ctx, {
      query,
      knowledgeBaseIds: turn.knowledgeBaseIds,
      knowledgeBases: turn.knowledgeBases,
      limit: turn.settings.topK,
      minScore: turn.settings.minScore,
      onExpansionsApplied,
      // An extractive answer compares the question with them; read in the rows' statement, not one of their own.
      sentenceVectors: { model: ctx.rag.embeddings.model, first: SOURCES_READ, found: sentenceVectors },
    });
  const sources = await search(turn.question, (rows) => applied.push(...rows));
  // "What's your phone number?" shares no word with "call us on …" and is nearer in meaning to a price list's rows:
  // when no passage read states the number or a place asked for, the passage that does is looked up and read first.
  const fact = missingContactFact(turn.question, sources.map((source) => source.content));
  if (fact === null) return { sources, applied, sentenceVectors };
  const found = (await timeSpan("chat.searchContactFact", () => search(CONTACT_FACT_QUERIES[fact]))).find((source) => statesContactFact(fact, source.content));
  if (!found) return { sources, applied, sentenceVectors };
  return { sources: [found, ...sources.filter((source) => source.chunkId !== found.chunkId)], applied, sentenceVectors };
}

/**
 * Starts the turn's search before the turn is stored, when the turn will be answered from the knowledge as far as
 * can be told without the database (no person asked for or waiting, no booking step): the search reads nothing the
 * turn writes, so the conversation and message writes run while it searches. `conversation` is null for one the
 * turn opens. A search not used (the turn became a handoff after all) is dropped; its failure surfaces where it is
 * awaited.
 */
export function searchEarly(
  ctx: ServiceContext,
  turn: TurnSearch & { bot: { booking: unknown }; conversation: Pick<Conversation, "status" | "metadata"> | null; requestHandoff?: boolean | undefined },
): Promise<TurnSources> | undefined {
  if (isHandoffTurn(turn.conversation, turn.question, turn.requestHandoff)) return undefined;
  if (mayBeBookingTurn(turn.bot, turn.conversation, turn.question)) return undefined;
  const search = timeSpan("chat.search", () => searchTurnSources(ctx, turn));
  search.catch(() => undefined);
  return search;
}
