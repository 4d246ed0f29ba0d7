import { Prisma, type PrismaClient } from "@frontdesk/db";
import type { SearchScope } from "../retrieval/types";
import { PREFIX_LETTERS, type VocabularyTerm } from "./spelling";

/**
 * The searched knowledge bases' words (knowledge_base_term, the full-text index's lexemes with the number of chunks
 * holding each) that are one of `exact` or begin with one of `prefixes` (PREFIX_LETTERS characters), in one
 * statement: the exact ones by the primary key, the prefixed ones by knowledge_base_term_prefix_idx. Scoped to the
 * organization like every search.
 */
export async function vocabularyNear(
  prisma: PrismaClient,
  scope: Pick<SearchScope, "organizationId" | "knowledgeBaseIds">,
  exact: readonly string[],
  prefixes: readonly string[],
): Promise<VocabularyTerm[]> {
  if (scope.knowledgeBaseIds.length === 0 || (exact.length === 0 && prefixes.length === 0)) return [];
  const rows = await prisma.$queryRaw<Array<{ lexeme: string; df: number }>>`
    WITH bases AS (
      SELECT kb.id FROM knowledge_base kb
       WHERE kb."organizationId" = ${scope.organizationId} AND kb.id IN (${Prisma.join([...scope.knowledgeBaseIds])})
    )
    SELECT t.lexeme, sum(t."chunkCount")::float8 AS df
      FROM (SELECT k."knowledgeBaseId", k.lexeme, k."chunkCount"
              FROM bases b JOIN knowledge_base_term k ON k."knowledgeBaseId" = b.id AND k.lexeme = ANY(${[...exact]}::text[])
             WHERE k."chunkCount" > 0
            UNION
            SELECT k."knowledgeBaseId", k.lexeme, k."chunkCount"
              FROM bases b JOIN knowledge_base_term k
                ON k."knowledgeBaseId" = b.id AND left(k.lexeme, ${Prisma.raw(String(PREFIX_LETTERS))}) = ANY(${[...prefixes]}::text[])
             WHERE k."chunkCount" > 0) t
     GROUP BY t.lexeme`;
  return rows.map((row) => ({ lexeme: row.lexeme, df: Number(row.df) }));
}
