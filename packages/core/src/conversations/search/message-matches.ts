import { Prisma, toVectorLiteral } from "@frontdesk/db";
import { queryNearest } from "@frontdesk/rag";
import type { ServiceContext } from "../../context";

/** A stored visitor/caller message that matched, with its conversation. */
export interface MessageMatch {
  messageId: string;
  conversationId: string;
  /** Cosine similarity for meaning matches, ts_rank for word matches. */
  score: number;
}

export interface MatchScope {
  botId?: string | undefined;
  /** Leave this conversation out (similar conversations). */
  excludeConversationId?: string | undefined;
  limit: number;
}

function scopeFilter(ctx: ServiceContext, scope: MatchScope): Prisma.Sql {
  return Prisma.sql`e."organizationId" = ${ctx.organizationId}
    ${scope.botId ? Prisma.sql`AND e."conversationId" IN (SELECT id FROM conversation WHERE "organizationId" = ${ctx.organizationId} AND "botId" = ${scope.botId})` : Prisma.empty}
    ${scope.excludeConversationId ? Prisma.sql`AND e."conversationId" <> ${scope.excludeConversationId}` : Prisma.empty}`;
}

/**
 * Messages nearest to a vector of `model`, best first. The `(embedding::vector(N))` expression and the dimension
 * predicate match the per-dimension HNSW indexes; the organization filter runs inside the index walk (pgvector's
 * iterative scan where available, see withIterativeScan).
 */
export async function nearestMessages(ctx: ServiceContext, query: { model: string; vector: readonly number[] }, scope: MatchScope): Promise<MessageMatch[]> {
  const dimensions = query.vector.length;
  if (dimensions < 1 || dimensions > 16_000) return [];
  // The type modifier cannot be a bind parameter; `dimensions` is a length we computed, never user text.
  const vectorType = Prisma.raw(`vector(${dimensions})`);
  // One statement (the HNSW settings travel inside it), not a transaction's four round trips.
  const vector = Prisma.sql`${toVectorLiteral(query.vector)}::${vectorType}`;
  const rows = await queryNearest<{ messageId: string; conversationId: string; distance: number }>(
    ctx.prisma,
    { vector, limit: scope.limit, filtered: true },
    (queryVector) => Prisma.sql`
      SELECT e."messageId", e."conversationId", (e.embedding::${vectorType}) <=> ${queryVector} AS distance
        FROM message_embedding e
       WHERE e."embeddingDimensions" = ${dimensions} AND e."embeddingModel" = ${query.model} AND ${scopeFilter(ctx, scope)}
       ORDER BY distance
       LIMIT ${scope.limit}`,
  );
  // An iterative scan in relaxed order returns its rows only roughly sorted: sorted here, best first.
  return rows
    .map((row) => ({ messageId: row.messageId, conversationId: row.conversationId, score: 1 - Number(row.distance) }))
    .sort((a, b) => b.score - a.score || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
}

/**
 * Messages holding any of the query's words (folded like knowledge search: no accents, 'simple' dictionary), by
 * ts_rank, over the GIN index.
 */
export async function wordMatches(ctx: ServiceContext, text: string, scope: MatchScope): Promise<MessageMatch[]> {
  const rows = await ctx.prisma.$queryRaw<Array<{ messageId: string; conversationId: string; rank: number }>>`
    WITH q AS (
      SELECT nullif(replace(plainto_tsquery('simple'::regconfig, frontdesk_search_text(${text}))::text, '&', '|'), '')::tsquery AS query
    )
    SELECT e."messageId", e."conversationId", ts_rank(e.fts, q.query)::float8 AS rank
      FROM message_embedding e, q
     WHERE q.query IS NOT NULL AND e.fts @@ q.query AND ${scopeFilter(ctx, scope)}
     ORDER BY rank DESC, e."messageId"
     LIMIT ${scope.limit}`;
  return rows.map((row) => ({ messageId: row.messageId, conversationId: row.conversationId, score: Number(row.rank) }));
}

/** Each conversation once, at its best message (lists arrive best first). */
export function bestPerConversation(matches: readonly MessageMatch[]): MessageMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => !seen.has(match.conversationId) && seen.add(match.conversationId));
}
