import type { PrismaClient } from "@frontdesk/db";
import { normalizeSearchText, type QueryExpander } from "@frontdesk/rag";

/** Longest term (in words) looked up; the schema allows no longer terms. */
const MAX_TERM_WORDS = 4;

/** Folded, lower-cased words of a text, as full-text search sees them. */
function words(text: string): string[] {
  return normalizeSearchText(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of 1..MAX_TERM_WORDS consecutive words of the query, joined by single spaces. */
export function queryPhrases(query: string): string[] {
  const tokens = words(query);
  const phrases = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    for (let length = 1; length <= MAX_TERM_WORDS && start + length <= tokens.length; length++) {
      phrases.add(tokens.slice(start, start + length).join(" "));
    }
  }
  return [...phrases];
}

/**
 * The QueryExpansion table as a QueryExpander: an approved row applies when its term (folded like the query, so
 * "envio" and "envío" are one term) is a word or phrase of the question; its expansions are added to the
 * full-text query. Matching happens in SQL on the question's phrases, so the table can grow large. Learned
 * mappings still pending review (or rejected) are never used. `onApplied` receives the ids of the rows used,
 * for their usage counters.
 */
export interface AppliedExpansion {
  id: string;
  /** Folded like the query. */
  term: string;
  expansions: string[];
  source: string;
}

export function tableQueryExpander(prisma: PrismaClient, options: { onApplied?: ((rows: AppliedExpansion[]) => void) | undefined } = {}): QueryExpander {
  return {
    async expand(query, scope) {
      const phrases = queryPhrases(query);
      if (phrases.length === 0 || scope.knowledgeBaseIds.length === 0) return [];
      const rows = await prisma.$queryRaw<AppliedExpansion[]>`
        SELECT id, frontdesk_search_text(term) AS term, expansions, source FROM query_expansion
         WHERE "organizationId" = ${scope.organizationId}
           AND "knowledgeBaseId" = ANY(${[...scope.knowledgeBaseIds]}::text[])
           AND status = 'approved'
           AND frontdesk_search_text(term) = ANY(${phrases}::text[])
         ORDER BY term`;
      if (rows.length > 0) options.onApplied?.(rows);
      const present = new Set(words(query));
      return [...new Set(rows.flatMap((row) => row.expansions))].filter((expansion) => !words(expansion).every((word) => present.has(word)));
    },
  };
}

/**
 * The question with each applied term replaced by its expansions, in folded words ("Where can I park my
 * zafira?" with zafira → car: "where can i park my car?"). Extractive answers require every content word of the
 * question in the sentence they quote; a mapping a person approved says the term means these words.
 */
export function questionWithExpansions(question: string, applied: readonly AppliedExpansion[]): string {
  let tokens = words(question);
  for (const { term, expansions } of [...applied].sort((a, b) => b.term.split(" ").length - a.term.split(" ").length)) {
    const termWords = term.split(" ");
    const replacement = expansions.flatMap(words);
    const next: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      if (termWords.every((word, offset) => tokens[i + offset] === word)) {
        next.push(...replacement);
        i += termWords.length;
      } else next.push(tokens[i++]!);
    }
    tokens = next;
  }
  return `${tokens.join(" ")}${/\?\s*$/.test(question) ? "?" : ""}`;
}

/**
 * The full-text query for a question and the expansions applied to it. Manual expansions are added to the
 * question. A learned mapping's term is one the knowledge did not contain when it was learned, so it is
 * replaced by the words that worked: left in, it would only lower how much of the question a passage covers.
 */
export function expandedTextQuery(question: string, expansions: readonly string[], applied: readonly AppliedExpansion[]): string {
  const learned = applied.filter((row) => row.source === "learned");
  return [learned.length > 0 ? questionWithExpansions(question, learned) : question, ...expansions].join(" ");
}
