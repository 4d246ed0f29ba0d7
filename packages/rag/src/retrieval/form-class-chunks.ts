import { Prisma, type PrismaClient } from "@frontdesk/db";
import { tsquery } from "./sql-fragments";
import type { SearchScope } from "./types";

/**
 * For each word-form class (word-forms.ts formClassMembers: typed lexeme → its lexemes), how many chunks of the
 * searched knowledge bases hold any of its lexemes: the class's document frequency (classDf), counted by the chunks'
 * GIN index. The in-memory index counts the same from its postings (text-index.ts chunksHoldingAny). All chunks count,
 * whatever their document's status, as the per-lexeme statistics do (knowledge_base_term). The SQL scorer counts them
 * in its scoring statement (full-text-search.ts, FullTextPlan.counted) with the same count (classChunkCount); this
 * statement is for plans that need the counts before scoring (large knowledge bases choose candidates by them).
 */
export async function classChunkCounts(
  prisma: PrismaClient,
  scope: Pick<SearchScope, "organizationId" | "knowledgeBaseIds">,
  classes: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, number>> {
  if (classes.size === 0 || scope.knowledgeBaseIds.length === 0) return new Map();
  const typed = [...classes.keys()];
  const rows = await prisma.$queryRaw<Array<{ typed: string; chunks: number }>>`
    SELECT q.typed, ${classChunkCount(scope, Prisma.sql`q.query`)}::float8 AS chunks
      FROM unnest(${typed}::text[], ${classQueries(typed.map((lexeme) => classes.get(lexeme)!))}::text[]) AS q(typed, query)`;
  return new Map(rows.map((row) => [row.typed, Number(row.chunks)]));
}

/** Each class's lexemes as one tsquery text (any of them), for classChunkCount. */
export function classQueries(classes: ReadonlyArray<readonly string[]>): string[] {
  return classes.map((lexemes) => tsquery(lexemes, " | "));
}

/** SQL: how many chunks of the scope hold any lexeme of `query` (a column or expression of classQueries' text). */
export function classChunkCount(scope: Pick<SearchScope, "organizationId" | "knowledgeBaseIds">, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM chunk c
             WHERE c."organizationId" = ${scope.organizationId} AND c."knowledgeBaseId" IN (${Prisma.join([...scope.knowledgeBaseIds])})
               AND c.fts @@ ${query}::tsquery)`;
}
