import { Prisma, type PrismaClient } from "@frontdesk/db";
import { sameStem } from "../answering/score-units";
import type { SearchScope } from "./types";

/**
 * Word forms of the question's terms (FullTextSearchInput.wordForms): the knowledge base's own lexemes that are
 * another form of a query word ("repository" ~ "repositories", "create" ~ "creates", "download" ~ "downloading";
 * sameStem: what follows the common beginning is an ending on both sides). The index stays the language-neutral
 * 'simple' one; only the query widens, to words the knowledge base actually holds. Each form joins its query
 * term's class: BM25 counts the class once per chunk (term frequency = typed form + FORM_WEIGHT × other forms,
 * document frequency of all forms), so a chunk holding both forms is not counted twice, and another form weighs
 * less than the word the visitor typed. Measured in bench/README.md ("Word forms").
 */
export const FORM_WEIGHT = 0.5;

/** Shortest beginning sameStem can accept for a word, so one prefix lookup finds every candidate form. */
const MIN_STEM = 4;
/** Longest ending sameStem knows ("ations", or a doubled consonant + "ers"), plus the stem's own slack of 2. */
const MAX_ENDING = 6;

export interface WordForm {
  lexeme: string;
  /** The query lexeme this is another form of. */
  of: string;
  /** Document frequency in the searched knowledge bases. */
  df: number;
}

/** The knowledge base lexemes that are other forms of `terms` (lexemes already among them are left out). */
export async function wordForms(prisma: PrismaClient, scope: SearchScope, terms: readonly string[]): Promise<WordForm[]> {
  const stems = terms.filter((term) => term.length >= MIN_STEM && !/\p{N}/u.test(term));
  if (stems.length === 0 || scope.knowledgeBaseIds.length === 0) return [];
  const patterns = [...new Set(stems.map((term) => `${escapeLike(term.slice(0, Math.max(MIN_STEM, term.length - MAX_ENDING)))}%`))];
  const rows = await prisma.$queryRaw<Array<{ lexeme: string; df: number }>>`
    SELECT kt.lexeme, sum(kt."chunkCount")::float8 AS df
      FROM knowledge_base_term kt
     WHERE kt."knowledgeBaseId" IN (SELECT kb.id FROM knowledge_base kb
                                     WHERE kb."organizationId" = ${scope.organizationId} AND kb.id IN (${Prisma.join([...scope.knowledgeBaseIds])}))
       AND kt.lexeme LIKE ANY (${patterns}::text[]) AND kt."chunkCount" > 0
     GROUP BY kt.lexeme`;
  const typed = new Set(terms);
  return rows.flatMap((row) => {
    if (typed.has(row.lexeme)) return [];
    const of = stems.find((term) => sameStem(term, row.lexeme));
    return of ? [{ lexeme: row.lexeme, of, df: Number(row.df) }] : [];
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
