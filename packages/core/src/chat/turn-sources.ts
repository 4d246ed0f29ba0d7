import type { Conversation } from "@frontdesk/db";
import {
  CONTACT_FACT_QUERIES,
  correctSpelling,
  missingContactFact,
  readVisitorQuestion,
  sourcesReadAtMost,
  statesContactFact,
  timeSpan,
  vocabularyNear,
} from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { AppliedExpansion } from "../knowledge/expansions/table-query-expander";
import type { SearchResult } from "../knowledge/schemas";
import { searchKnowledgeBases, type SearchedKnowledgeBase } from "../knowledge/search-knowledge";
import { mayBeBookingTurn } from "../leads/booking/booking-turn";
import type { ResolvedAnswerSettings } from "./answer-settings";
import { isHandoffTurn } from "./handoff-turn";
import { withLexiconSources } from "./lexicon-sources";
import { withWholeTables } from "./whole-table-sources";

/** What an answer is written from: the knowledge found for the question and the query expansions that applied. */
export interface TurnSources {
  /**
   * The question as it was searched: the visitor's words read (readVisitorQuestion: chat-speak written out, greeting
   * and thanks off) and typos corrected against the knowledge base's words (correctSpelling). Extractive answers
   * read it too; the visitor's own text is what is stored and what a chat model sees.
   */
  question: string;
  sources: SearchResult[];
  applied: AppliedExpansion[];
  /**
   * The stored sentence vectors of the first sources (as many as an answer to the question may read, sourcesReadAtMost; by the answering model), read with their rows:
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

/**
 * The question as search should see it: read as visitors type (readVisitorQuestion), then each word the knowledge
 * bases do not hold in any form corrected to the word of theirs it is one slip from (one indexed lookup of their
 * vocabulary; a word they hold is never changed).
 */
export async function searchedQuestion(ctx: ServiceContext, question: string, knowledgeBaseIds: readonly string[]): Promise<string> {
  const read = readVisitorQuestion(question);
  const scope = { organizationId: ctx.organizationId, knowledgeBaseIds };
  const corrected = await timeSpan("chat.correctSpelling", () => correctSpelling(read, (exact, prefixes) => vocabularyNear(ctx.prisma, scope, exact, prefixes)));
  return corrected.question;
}

/** Searches the bot's knowledge for the question, with its answer settings' topK and minScore. */
export async function searchTurnSources(ctx: ServiceContext, turn: TurnSearch): Promise<TurnSources> {
  const applied: AppliedExpansion[] = [];
  const sentenceVectors = new Map<string, Uint8Array | null>();
  const question = await searchedQuestion(ctx, turn.question, turn.knowledgeBaseIds);
  const search = (query: string, onExpansionsApplied?: (rows: AppliedExpansion[]) => void, textTerms?: string) =>
    searchKnowledgeBases(ctx, {
      query,
      textTerms,
      knowledgeBaseIds: turn.knowledgeBaseIds,
      knowledgeBases: turn.knowledgeBases,
      limit: turn.settings.topK,
      minScore: turn.settings.minScore,
      onExpansionsApplied,
      // An extractive answer compares the question with them; read in the rows' statement, not one of their own.
      // As many as the answer may read: more for a question in another language than English, and an English answer
      // reads further when the first sources state nothing of the kind asked for (sourcesReadAtMost).
      sentenceVectors: { model: ctx.rag.embeddings.model, first: sourcesReadAtMost(question), found: sentenceVectors },
    });
  const searched = await withWholeTables(ctx, question, await search(question, (rows) => applied.push(...rows)), sentenceVectors);
  const sources = await withLexiconSources(question, searched, (textTerms) => timeSpan("chat.searchLexicon", () => search(question, undefined, textTerms)));
  // "What's your phone number?" shares no word with "call us on …" and is nearer in meaning to a price list's rows:
  // when no passage read states the number or a place asked for, the passage that does is looked up and read first.
  const fact = missingContactFact(question, sources.map((source) => source.content));
  if (fact === null) return { question, sources, applied, sentenceVectors };
  const found = (await timeSpan("chat.searchContactFact", () => search(CONTACT_FACT_QUERIES[fact]))).find((source) => statesContactFact(fact, source.content));
  if (!found) return { question, sources, applied, sentenceVectors };
  return { question, sources: [found, ...sources.filter((source) => source.chunkId !== found.chunkId)], applied, sentenceVectors };
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
