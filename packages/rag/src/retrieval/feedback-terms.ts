import { Prisma, type PrismaClient } from "@frontdesk/db";
import type { WeightedTerm } from "./full-text-search";
import { stopwordList } from "./full-text-search";
import { chunkScopeFilter } from "./sql-fragments";
import type { SearchScope } from "./types";

/**
 * RM3 parameters: Terrier's 3 feedback documents and 10 terms; the original query keeps weight 0.7 (λ), the upper
 * end of the usual 0.5–0.7, because at 0.5 feedback drifted away from the one right answer of known-item questions
 * (bench/README.md, "Pseudo-relevance feedback").
 */
export const FEEDBACK_CHUNKS = 3;
export const FEEDBACK_TERMS = 10;
export const ORIGINAL_QUERY_WEIGHT = 0.7;

/**
 * Relevance-model (RM3) expansion terms from the best chunks of a first-pass ranking: each chunk's term
 * distribution tf / length, weighted by its share of the first-pass scores, summed; the `count` most probable
 * lexemes that are not function words or bare numbers. Lexemes are read from the chunks' own tsvectors, so
 * they match the full-text index exactly.
 * Weights are P(w|feedback), renormalised over the kept terms; `fullTextSearch({ feedback })` interpolates them
 * with the query.
 */
export async function feedbackTerms(
  prisma: PrismaClient,
  scope: SearchScope,
  input: { feedback: ReadonlyArray<{ chunkId: string; score: number }>; count?: number },
): Promise<WeightedTerm[]> {
  const feedback = input.feedback.filter((chunk) => Number.isFinite(chunk.score) && chunk.score > 0);
  const total = feedback.reduce((sum, chunk) => sum + chunk.score, 0);
  if (feedback.length === 0 || total <= 0 || scope.knowledgeBaseIds.length === 0) return [];
  const count = input.count ?? FEEDBACK_TERMS;
  const rows = await prisma.$queryRaw<Array<{ lexeme: string; probability: number }>>`
    SELECT u.lexeme, sum(f.share * coalesce(array_length(u.positions, 1), 1)::float8 / greatest(c."tokenCount", 1))::float8 AS probability
      FROM unnest(${feedback.map((chunk) => chunk.chunkId)}::text[], ${feedback.map((chunk) => chunk.score / total)}::float8[]) AS f(id, share)
      JOIN chunk c ON c.id = f.id
     CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights)
     WHERE ${chunkScopeFilter(scope)}
       AND u.lexeme <> ALL (${stopwordList}::text[])
       AND u.lexeme !~ '^[0-9]+$'
     GROUP BY u.lexeme
     ORDER BY probability DESC, u.lexeme
     LIMIT ${Prisma.raw(String(Math.max(1, Math.min(100, Math.trunc(count)))))}`;
  const sum = rows.reduce((acc, row) => acc + Number(row.probability), 0);
  if (sum <= 0) return [];
  return rows.map((row) => ({ term: row.lexeme, weight: Number(row.probability) / sum }));
}
