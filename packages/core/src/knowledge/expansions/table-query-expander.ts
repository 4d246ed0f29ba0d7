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
 * The QueryExpansion table as a QueryExpander: a row applies when its term (folded like the query, so
 * "envio" and "envío" are one term) is a word or phrase of the question; its expansions are added to the
 * full-text query. Matching happens in SQL on the question's phrases, so the table can grow large.
 */
export function tableQueryExpander(prisma: PrismaClient): QueryExpander {
  return {
    async expand(query, scope) {
      const phrases = queryPhrases(query);
      if (phrases.length === 0 || scope.knowledgeBaseIds.length === 0) return [];
      const rows = await prisma.$queryRaw<Array<{ expansions: string[] }>>`
        SELECT expansions FROM query_expansion
         WHERE "organizationId" = ${scope.organizationId}
           AND "knowledgeBaseId" = ANY(${[...scope.knowledgeBaseIds]}::text[])
           AND frontdesk_search_text(term) = ANY(${phrases}::text[])
         ORDER BY term`;
      const present = new Set(words(query));
      return [...new Set(rows.flatMap((row) => row.expansions))].filter((expansion) => !words(expansion).every((word) => present.has(word)));
    },
  };
}
