import { Prisma, type PrismaClient } from "@frontdesk/db";
import { z } from "zod";
import { chunkRows } from "./chunk-rows";
import type { FullTextCandidates, FullTextSearchInput, FullTextSearchResult } from "./full-text-search";
import { feedbackExtraTerms, weighTerms } from "./query-terms";
import { checkLimit, documentFilter, hasMetadataFilters } from "./sql-fragments";
import { chunkIdOf, chunksHoldingAny, documentFrequency, lexemesStartingWith, scoreTextIndexes, type ScoringStrategy, type TextIndex } from "./text-index";
import { textIndexCache } from "./text-index-cache";
import { compoundTerms, DEFAULT_COMPOUNDS } from "./compound-terms";
import { questionSearchText } from "./identifier-parts";
import { questionStopwords } from "./letter-parts";
import { addWordForms, classCountRule, DEFAULT_WORD_FORMS, formClassMembers, formPrefix, formSpellings, takesForms, wordFormsOf, type WordForm } from "./word-forms";
import { timeSpan, timeSpanSync } from "../timing";

/** How long a search's knowledge bases, once seen below minChunks, keep the SQL path without asking again. */
const SMALL_RECHECK_MS = 30_000;

const probeRow = z.object({
  lexemes: z.array(z.string()).nullable(),
  bases: z.array(z.object({ id: z.string(), generation: z.string(), chunks: z.coerce.number() })).nullable(),
  unready: z.array(z.string()).nullable(),
  allowed: z.array(z.string()).nullable(),
});

const smallUntil = new WeakMap<PrismaClient, Map<string, number>>();

/**
 * fullTextSearch from this process's in-memory index (text-index.ts) when it is current for every searched
 * knowledge base; null when the SQL path must answer (small or over-budget knowledge bases, an index being
 * (re)built). Exact BM25 over every chunk holding a term, with the statistics and arithmetic of the SQL scorer.
 *
 * One statement reads what may change between queries: the query's lexemes (parsed by PostgreSQL, as the SQL path
 * parses them), the knowledge bases' generations (only those of the organization: tenant isolation), the
 * documents not ready (their chunks stay out; `<> 'ready'` written as two range scans of the status index, one
 * each side of 'ready': as `< 'ready' OR > 'ready'` PostgreSQL read every document of the knowledge base and
 * filtered them, 5,000 at 1M chunks, 1.5 ms warm and 18 ms from disk, against 0.07 ms) and, with
 * metadata filters, the documents they let through. A second one reads the best chunks' rows, again under the
 * scope's filters and readiness.
 */
export async function indexedFullTextSearch(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextSearchResult | null> {
  const result = await indexedTextCandidates(prisma, input);
  if (!result) return null;
  const rows = result.hits.length === 0 ? new Map() : await timeSpan("textIndex.rows", () => chunkRows(prisma, input, result.hits.map((hit) => hit.chunkId)));
  const hits = result.hits.flatMap((hit) => {
    const row = rows.get(hit.chunkId);
    return row ? [{ ...row, score: hit.score, coverage: hit.coverage }] : [];
  });
  return { ...result, hits };
}

/**
 * indexedFullTextSearch without the rows: the best chunks' ids, BM25 scores and coverage (one statement), for
 * callers that read rows only for the chunks they keep (hybridSearch); null when the SQL path must answer.
 */
export async function indexedTextCandidates(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextCandidates | null> {
  checkLimit(input.limit);
  if (input.knowledgeBaseIds.length === 0 || input.query.trim() === "" || input.within?.length === 0) return null;
  const cache = textIndexCache(prisma);
  if (cache.options.maxPostings <= 0) return null;
  const small = smallUntil.get(prisma) ?? new Map<string, number>();
  smallUntil.set(prisma, small);
  const now = Date.now();
  if (input.knowledgeBaseIds.every((id) => (small.get(id) ?? 0) > now)) return null;
  const filtered = hasMetadataFilters(input.filters);
  const [raw] = await timeSpan("textIndex.probe", () => prisma.$queryRaw<unknown[]>`
    WITH bases AS (
      SELECT kb.id, coalesce(s.generation, -1)::text AS generation, coalesce(s."chunkCount", 0) AS chunks
        FROM knowledge_base kb
        LEFT JOIN knowledge_base_text_stats s ON s."knowledgeBaseId" = kb.id
       WHERE kb."organizationId" = ${input.organizationId} AND kb.id IN (${Prisma.join([...input.knowledgeBaseIds])})
    )
    SELECT ARRAY(SELECT DISTINCT lexeme
                   FROM unnest(tsvector_to_array(to_tsvector('simple', frontdesk_search_text(${questionSearchText(input.query)})))) AS lexeme
                  WHERE lexeme <> ALL (${questionStopwords(input.query)}::text[])) AS lexemes,
           (SELECT json_agg(json_build_object('id', b.id, 'generation', b.generation, 'chunks', b.chunks)) FROM bases b) AS bases,
           ARRAY(SELECT fd.id FROM document fd
                  WHERE fd."organizationId" = ${input.organizationId} AND fd."knowledgeBaseId" IN (SELECT id FROM bases)
                    AND fd.status < 'ready'
                 UNION ALL
                 SELECT fd.id FROM document fd
                  WHERE fd."organizationId" = ${input.organizationId} AND fd."knowledgeBaseId" IN (SELECT id FROM bases)
                    AND fd.status > 'ready') AS unready,
           CASE WHEN ${filtered} THEN ARRAY(SELECT fd.id FROM document fd
                  WHERE fd."organizationId" = ${input.organizationId} AND fd."knowledgeBaseId" IN (SELECT id FROM bases)
                    AND ${documentFilter(input.filters)}) END AS allowed`);
  const probe = probeRow.parse(raw);
  const bases = probe.bases ?? [];
  if (bases.length === 0) return { hits: [], queryTerms: 0 };
  if (bases.reduce((sum, base) => sum + base.chunks, 0) < cache.options.minChunks) {
    for (const base of bases) small.set(base.id, now + SMALL_RECHECK_MS);
    return null;
  }
  const indexes: TextIndex[] = [];
  for (const base of bases) {
    const index = cache.current(base.id, BigInt(base.generation));
    if (index) indexes.push(index);
  }
  if (indexes.length < bases.length) return null;
  const score = scoreProbed(indexes, probe, cache.options.scoring);
  return { ...score(input), rescore: (pass) => score({ ...input, ...pass }) };
}

export type IndexProbe = z.infer<typeof probeRow>;

/**
 * Scores passes of one query on the indexes and the probe one statement read: the first pass, and feedback's second
 * (FullTextCandidates.rescore) on the same snapshot, without reading the probe again. Exported for benches that
 * score an index built without a database.
 */
export function scoreProbed(indexes: readonly TextIndex[], probe: IndexProbe, strategy: ScoringStrategy = "auto"): (input: FullTextSearchInput) => FullTextCandidates {
  const chunks = indexes.reduce((sum, index) => sum + index.chunkCount, 0);
  const tokens = indexes.reduce((sum, index) => sum + index.tokenSum, 0);
  const original = new Set(probe.lexemes ?? []);
  const unready = new Set(probe.unready ?? []);
  const allowed = probe.allowed ? new Set(probe.allowed) : undefined;
  const accept = (index: TextIndex, ordinal: number) => {
    const documentId = index.documentIds[index.chunkDocument[ordinal]!]!;
    return !unready.has(documentId) && (!allowed || allowed.has(documentId));
  };
  const averageLength = Math.max(chunks > 0 ? tokens / chunks : 1, 1);
  const df = (lexeme: string) => indexes.reduce((sum, index) => sum + documentFrequency(index, lexeme), 0);
  return (input) => {
    // The question's joined compounds (compound-terms.ts), from its text as the SQL scorer takes them.
    const compounds = new Set((input.compounds ?? DEFAULT_COMPOUNDS) ? compoundTerms(input.query) : []);
    const lexemes = [...new Set([...original, ...feedbackExtraTerms(input).map((term) => term.term), ...compounds])].sort();
    if (lexemes.length === 0) return { hits: [], queryTerms: 0 };
    const terms = weighTerms(lexemes.map((lexeme) => ({ lexeme, original: original.has(lexeme), compound: compounds.has(lexeme), df: df(lexeme) })), chunks, input);
    const wanted = input.wordForms ?? DEFAULT_WORD_FORMS;
    const forms = wanted === true ? indexedWordForms(indexes, [...original], df) : wanted === false ? undefined : wanted;
    if (forms) {
      // Each class's chunks counted from the postings, as the SQL scorer counts them (form-class-chunks.ts).
      const rule = classCountRule(input.classChunks);
      const classes = rule ? formClassMembers(terms, forms, rule) : new Map<string, string[]>();
      const held = new Map([...classes].map(([typed, lexemes]) => [typed, indexes.reduce((sum, index) => sum + chunksHoldingAny(index, lexemes), 0)]));
      terms.push(...addWordForms(terms, forms, chunks, held, rule || "all"));
    }
    const best = timeSpanSync("textIndex.score", () => scoreTextIndexes(indexes, terms, averageLength, checkLimit(input.limit), accept, input.within ? new Set(input.within) : undefined, strategy));
    const found = { queryTerms: original.size, ...(forms ? { forms } : {}) };
    if (best.length === 0) return { hits: [], ...found };
    // Each class of the question once (its other forms share the class's IDF), as the SQL scorer counts coverage.
    const originalIdf = terms.filter((term) => term.original && (term.form ?? 1) === 1).reduce((sum, term) => sum + term.idf, 0);
    const hits = best.map((hit) => ({ chunkId: chunkIdOf(hit.index, hit.ordinal), score: hit.score, coverage: originalIdf > 0 ? hit.matched / originalIdf : 0 }));
    return { hits, ...found };
  };
}

/** Other forms of the query's words from the indexes' own lexicons: the SQL scorer's lookup, with no SQL. */
function indexedWordForms(indexes: readonly TextIndex[], words: readonly string[], df: (lexeme: string) => number): WordForm[] {
  const prefixes = [...new Set(words.filter(takesForms).map(formPrefix))];
  const candidates = new Set(indexes.flatMap((index) => prefixes.flatMap((prefix) => lexemesStartingWith(index, prefix))));
  // Spellings looked up exactly (Arabic script's prefixed forms), as the SQL scorer's formCandidates does.
  for (const spelling of formSpellings(words)) if (df(spelling) > 0) candidates.add(spelling);
  return wordFormsOf(words, [...candidates].map((lexeme) => ({ lexeme, df: df(lexeme) })));
}
