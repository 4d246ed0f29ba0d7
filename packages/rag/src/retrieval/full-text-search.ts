import { Prisma, type PrismaClient } from "@frontdesk/db";
import {
  checkLimit,
  chunkScopeFilter,
  hasMetadataFilters,
  retrievedChunkColumns,
  tsquery,
  toRetrievedChunk,
  type RetrievedChunkRow,
} from "./sql-fragments";
import { BM25_B, BM25_K1 } from "./bm25-parameters";
import { chunkSimilarities, cosineSimilarity, similarityMap } from "./chunk-similarities";
import { indexedFullTextSearch, indexedTextCandidates } from "./text-index-search";
import { timeSpan } from "../timing";
import { feedbackExtraTerms, stopwordList, weighTerms, type ScoredTerm, type WeightedTerm } from "./query-terms";
import type { FullTextSearchHit, SearchScope, TextCandidate } from "./types";
import { addWordForms, classCountRule, type ClassCountRule, countedClasses, type CountedClass, DEFAULT_WORD_FORMS, formCandidates, formClassMembers, questionFormSpellings, wordFormsOf, type WordForm } from "./word-forms";
import { classChunkCount, classChunkCounts, classQueries } from "./form-class-chunks";
import { compoundTerms, DEFAULT_COMPOUNDS } from "./compound-terms";
import { questionSearchText } from "./identifier-parts";
import { questionStopwords } from "./letter-parts";

export { feedbackExtraTerms, stopwordList, weighTerms, DEFAULT_WORD_FORMS, type ScoredTerm, type WeightedTerm };

export interface FullTextSearchInput extends SearchScope {
  /** Arbitrary user text in any language; it is bound as a parameter and parsed by PostgreSQL. */
  query: string;
  limit: number;
  /**
   * Relevance feedback (RM3): lexemes as stored in the index (from `feedbackTerms`) with their probabilities,
   * interpolated with the query as λ · P(w|query) + (1 − λ) · P(w|feedback), λ = originalWeight. They add to
   * the score but not to `coverage`, which stays a measure of how much of the visitor's question a chunk holds.
   */
  feedback?: { terms: readonly WeightedTerm[]; originalWeight: number };
  /**
   * Score only these chunks (still with document frequencies and lengths of the whole knowledge bases): a second
   * pass that re-ranks known candidates.
   */
  within?: readonly string[];
  /**
   * Serve from this process's in-memory index when it is current (default true; text-index-search.ts): exact
   * BM25 without candidate bounds. false: always the SQL scorer (benches compare the two).
   */
  textIndex?: boolean;
  /** Work bounds for large knowledge bases (default EXACT_SEARCH_CHUNKS and CANDIDATE_POSTINGS); for tests and benches. */
  bounds?: SearchBounds;
  /**
   * Also match other forms of the question's words that the knowledge base holds ("repositories" for
   * "repository"), each weighing FORM_WEIGHT in its word's class (word-forms.ts). Default DEFAULT_WORD_FORMS.
   * A list: the forms an earlier pass of the same query found (FullTextSearchResult.forms), not looked up again.
   */
  wordForms?: boolean | readonly WordForm[];
  /**
   * Also search the question's adjacent words joined into one ("read line" → "readline") where the knowledge base
   * holds the joined word, at COMPOUND_WEIGHT (compound-terms.ts). Default DEFAULT_COMPOUNDS.
   */
  compounds?: boolean;
  /**
   * A word-form class's document frequency counted from the chunks holding its words (up to CLASS_COUNT_POSTINGS
   * postings; word-forms.ts classDf): "rarer" the typed word and its forms no commoner than it (commoner ones at their
   * shares), "all" (or true) every form. Default DEFAULT_CLASS_CHUNKS; false: estimated from the forms' shares (for benches).
   */
  classChunks?: boolean | ClassCountRule;
}

export interface FullTextSearchResult {
  hits: FullTextSearchHit[];
  /** How many terms of the question were searched (its words, function words out; other forms not counted). */
  queryTerms: number;
  /** The other forms of the query's words that were searched with it (with wordForms), for a later pass to reuse. */
  forms?: readonly WordForm[];
}

/** FullTextSearchResult without the rows (fullTextCandidates). */
export interface FullTextCandidates {
  hits: TextCandidate[];
  /** How many terms of the question were searched (its words, function words out; other forms not counted). */
  queryTerms: number;
  forms?: readonly WordForm[];
  /** With `similarityTo`: the hits' cosine similarities to it (hits without an embedding of its size left out). */
  similarities?: Map<string, number>;
  /**
   * In-memory index only: scores another pass of the same query and scope (feedback's second) on the same index
   * snapshot and probe, with no statement.
   */
  rescore?: (pass: FullTextPass) => FullTextCandidates;
}

/** What a later pass of the same query may change (FullTextCandidates.rescore). */
export type FullTextPass = Pick<FullTextSearchInput, "limit" | "feedback" | "within" | "wordForms" | "compounds">;


export interface SearchBounds {
  exactChunks: number;
  /** With metadata filters: the document frequencies the rarest terms may add up to (see candidateTerms). */
  candidatePostings: number;
  /** Chunks the impact-ordered postings add to the candidates (default TOP_POSTING_CANDIDATES; 0: not used). */
  topCandidates?: number;
}

const K1 = BM25_K1;
const B = BM25_B;

/**
 * Up to this many chunks in the searched knowledge bases, every chunk holding a query term is scored (exact BM25
 * top-k, as small knowledge bases and every retrieval collection in bench/ are).
 */
export const EXACT_SEARCH_CHUNKS = 5_000;
/**
 * Above it, the work per query is bounded: the query's rarest terms bring their chunks in as candidates while their
 * document frequencies add up to at most this many; more common terms only add to the candidates' scores.
 */
export const CANDIDATE_POSTINGS = 1_000;
/**
 * Above EXACT_SEARCH_CHUNKS (and without metadata filters) the query terms' impact-ordered postings
 * (knowledge_base_term's top postings, migration 20261205033000_impact_ordered_postings) add candidates: their
 * impacts times the terms' IDF, summed per chunk, and this many chunks join the rarest terms'. Measured at 100k Zipf
 * chunks (bench/bounded-overlap.ts, 30 questions): overlap@10 with the exact search 0.877 without them, 0.933 with
 * 50, 0.937 with 200 (each one is scored from its tsvector, which is most of the full-text side's time).
 */
export const TOP_POSTING_CANDIDATES = 50;

export interface FullTextPlan {
  terms: ScoredTerm[];
  /** Chunks and average length (in tokens) of the searched knowledge bases (knowledge_base_text_stats). */
  chunks: number;
  averageLength: number;
  /**
   * How candidates are found: every chunk holding one of `lexemes` ("any"), those holding all of them, at most
   * CANDIDATE_POSTINGS ("all": only common terms), plus the best chunks of the terms' impact-ordered postings
   * (`top`, in large knowledge bases); or the given ids ("within").
   */
  candidates: { kind: "any" | "all"; lexemes: string[]; top?: readonly string[] } | { kind: "within"; ids: readonly string[] };
  /** The cap on candidates when only common terms match ("all"). */
  candidatePostings: number;
  /** With wordForms: the other forms of the query's words (their classes are in `terms`). */
  forms?: readonly WordForm[];
  /**
   * Classes whose chunks the scoring statement counts (planFullTextSearch's countInScoring): their terms in `terms`
   * carry the IDF of the fewest chunks they can be in until the statement puts the counted one in its place.
   */
  counted?: readonly CountedClass[];
}

/**
 * Okapi BM25 over the chunks' generated 'simple' tsvector, computed in SQL.
 *
 * The query is folded (frontdesk_search_text: diacritics, Arabic letter variants) and parsed with the same
 * 'simple' configuration as the chunks (no stemming, any script), its function words (stopwords.ts) are dropped,
 * and a chunk matches if it contains ANY remaining term: a natural-language question rarely has all its words in
 * one passage. A question made only of function words has no full-text matches.
 *
 * Each term is weighted by its IDF within the searched knowledge bases, term frequency comes from the tsvector
 * positions and length normalization from the chunk's token count. The corpus statistics (chunks, total length,
 * each lexeme's document frequency) are kept per knowledge base at ingestion (triggers on chunk, migration
 * 20261204211500_retrieval_term_stats), so a query reads them with a few index lookups (planFullTextSearch); then
 * one statement scores the candidates (fullTextSearchQuery). In a large knowledge base the rarest terms' chunks are
 * candidates, and the same lookups return each term's impact-ordered postings, whose best chunks join them
 * (topCandidates): chunks where common words weigh most. Metadata filters narrow the candidates; the statistics
 * stay those of the whole knowledge bases, as in Lucene.
 */
export async function fullTextSearch(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextSearchHit[]> {
  return (await searchFullText(prisma, input)).hits;
}

/** fullTextSearch, also returning the word forms it searched with (for feedback's second pass to reuse). */
export async function searchFullText(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextSearchResult> {
  if (input.textIndex !== false) {
    const result = await indexedFullTextSearch(prisma, input);
    if (result) return result;
  }
  const plan = await planFullTextSearch(prisma, input, { countInScoring: true });
  if (!plan) return { hits: [], queryTerms: 0 };
  const rows = await prisma.$queryRaw<(RetrievedChunkRow & { score: number; coverage: number })[]>(fullTextSearchQuery(input, plan));
  const hits = rows.map((row) => ({ ...toRetrievedChunk(row), score: Number(row.score), coverage: Number(row.coverage) }));
  return { hits, queryTerms: questionTerms(plan), forms: plan.forms };
}

/** The question's own terms in a plan: not feedback's, and a word's other forms not counted again. */
function questionTerms(plan: FullTextPlan): number {
  return plan.terms.filter((term) => term.original && (term.form ?? 1) === 1).length;
}

/**
 * searchFullText without the rows: chunk ids, BM25 scores and coverage, best first (hybridSearch reads rows only for
 * the chunks it returns). The same ranking, from the in-memory index or the SQL scorer. With `similarityTo` (a query
 * vector) also the hits' cosine similarities: computed in the SQL scorer's own statement, or read by one more
 * statement after the in-memory index has scored. `similarityTo` may still be on its way (a question being embedded):
 * it is awaited only once the hits need it, so the probe and the scoring (the SQL path's plan) run meanwhile; an
 * empty vector or none means no similarities.
 */
export async function fullTextCandidates(
  prisma: PrismaClient,
  input: FullTextSearchInput,
  similarityTo?: readonly number[] | PromiseLike<readonly number[] | undefined>,
): Promise<FullTextCandidates> {
  const vector = async () => {
    const resolved = await similarityTo;
    return resolved && resolved.length > 0 ? resolved : undefined;
  };
  if (input.textIndex !== false) {
    const result = await indexedTextCandidates(prisma, input);
    if (result) {
      const queryVector = similarityTo && result.hits.length > 0 ? await vector() : undefined;
      if (!queryVector) return result;
      const ids = result.hits.map((hit) => hit.chunkId);
      return { ...result, similarities: await timeSpan("textIndex.similarities", () => chunkSimilarities(prisma, input, queryVector, ids)) };
    }
  }
  const plan = await planFullTextSearch(prisma, input, { countInScoring: true });
  if (!plan) return { hits: [], queryTerms: 0 };
  const queryVector = await vector();
  const rows = await prisma.$queryRaw<Array<{ chunkId: string; score: number; coverage: number; similarity: number | null }>>(fullTextSearchQuery(input, plan, "ids", queryVector));
  const hits = rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score), coverage: Number(row.coverage) }));
  const similarities = queryVector ? similarityMap(rows.map((row) => ({ id: row.chunkId, similarity: row.similarity }))) : undefined;
  return { hits, queryTerms: questionTerms(plan), ...(plan.forms ? { forms: plan.forms } : {}), ...(similarities ? { similarities } : {}) };
}

/**
 * The query's terms with their statistics, and how to find candidates; null when nothing can match. Word-form
 * classes' chunks (classChunks) are counted by one more statement, or with `countInScoring` by the scoring statement
 * (fullTextSearchQuery; FullTextPlan.counted) where the candidates do not depend on them (up to EXACT_SEARCH_CHUNKS).
 */
export async function planFullTextSearch(prisma: PrismaClient, input: FullTextSearchInput, options: { countInScoring?: boolean } = {}): Promise<FullTextPlan | null> {
  checkLimit(input.limit);
  if (input.knowledgeBaseIds.length === 0 || input.query.trim() === "") return null;
  if (input.within && input.within.length === 0) return null;
  const extra = feedbackExtraTerms(input);
  const exactChunks = input.bounds?.exactChunks ?? EXACT_SEARCH_CHUNKS;
  // Impact-ordered postings add candidates in a large knowledge base; a filtered search may exclude all of a term's
  // best chunks, so it keeps to the rarest terms' postings (candidateTerms).
  // (topCandidates 0 turns them off: the rarest terms' postings alone, as before them; for benches.)
  const usePostings = !input.within && !hasMetadataFilters(input.filters) && input.bounds?.topCandidates !== 0;
  const forms = input.wordForms ?? DEFAULT_WORD_FORMS;
  // Forms to look up are read with the terms' statistics (word-forms.ts formCandidates), in this one statement.
  const lookUpForms = forms === true;
  const compounds = (input.compounds ?? DEFAULT_COMPOUNDS) ? compoundTerms(input.query) : [];
  const rows = await prisma.$queryRaw<Array<{ lexeme: string; original: boolean; compound: boolean; form: boolean; df: number; chunks: number; tokens: number; ids: string[] | null; impacts: number[] | null }>>`
    WITH query_terms AS (
      SELECT DISTINCT lexeme
        FROM unnest(tsvector_to_array(to_tsvector('simple', frontdesk_search_text(${questionSearchText(input.query)})))) AS lexeme
       WHERE lexeme <> ALL (${questionStopwords(input.query)}::text[])
    ),
    terms AS (
      SELECT lexeme, bool_or(original) AS original, bool_or(compound) AS compound
        FROM (SELECT lexeme, true AS original, false AS compound FROM query_terms
              UNION ALL SELECT unnest(${extra.map((term) => term.term)}::text[]), false, false
              UNION ALL SELECT unnest(${compounds}::text[]), false, true) t
       GROUP BY lexeme
    ),
    bases AS (
      SELECT kb.id FROM knowledge_base kb
       WHERE kb."organizationId" = ${input.organizationId} AND kb.id IN (${Prisma.join([...input.knowledgeBaseIds])})
    ),
    corpus AS (
      SELECT coalesce(sum(s."chunkCount"), 0)::float8 AS chunks, coalesce(sum(s."tokenSum"), 0)::float8 AS tokens
        FROM knowledge_base_text_stats s
       WHERE s."knowledgeBaseId" IN (SELECT id FROM bases)
    )${lookUpForms ? Prisma.sql`, forms AS (${formCandidates(questionFormSpellings(input.query))})` : Prisma.empty}
    SELECT * FROM (
    SELECT t.lexeme, t.original, t.compound, false AS form, corpus.chunks, corpus.tokens,
           coalesce((SELECT sum(kt."chunkCount") FROM knowledge_base_term kt
                      WHERE kt."knowledgeBaseId" IN (SELECT id FROM bases) AND kt.lexeme = t.lexeme), 0)::float8 AS df,
           top.ids, top.impacts
      FROM terms t
     CROSS JOIN corpus
      LEFT JOIN LATERAL (
        SELECT array_agg(e.id) AS ids, array_agg(e.impact) AS impacts
          FROM knowledge_base_term kt
         CROSS JOIN LATERAL unnest(kt."topChunkIds", kt."topImpacts") AS e(id, impact)
         WHERE ${usePostings} AND corpus.chunks > ${exactChunks} AND t.original
           AND kt."knowledgeBaseId" IN (SELECT id FROM bases) AND kt.lexeme = t.lexeme
      ) top ON true
    ${lookUpForms ? Prisma.sql`UNION ALL SELECT f.lexeme, false, false, true, corpus.chunks, corpus.tokens, f.df, NULL, NULL FROM forms f CROSS JOIN corpus` : Prisma.empty}
    ) r
     ORDER BY r.form, r.lexeme`;
  const termRows = rows.filter((row) => !row.form);
  if (termRows.length === 0) return null;
  const chunks = Number(termRows[0]!.chunks);
  const averageLength = chunks > 0 ? Number(termRows[0]!.tokens) / chunks : 1;
  const terms = weighTerms(
    termRows.map((row) => ({ lexeme: row.lexeme, original: row.original, compound: row.compound, df: Number(row.df) })),
    chunks,
    input,
  );
  const found =
    forms === false
      ? undefined
      : forms === true
        ? wordFormsOf(
            terms.filter((term) => term.original).map((term) => term.lexeme),
            rows.filter((row) => row.form).map((row) => ({ lexeme: row.lexeme, df: Number(row.df) })),
          )
        : forms;
  let counted: CountedClass[] | null = null;
  if (found) {
    const rule = classCountRule(input.classChunks);
    const classes = rule ? formClassMembers(terms, found, rule) : new Map<string, string[]>();
    // Small knowledge bases take every chunk holding a term as a candidate, whatever its class's count: the scoring
    // statement counts the classes (one round trip less); the IDFs of the fewest chunks stand in until then.
    counted = rule && options.countInScoring && chunks <= exactChunks && classes.size > 0 ? countedClasses(terms, found, classes, chunks, rule) : null;
    const held = counted ? new Map(counted.map((group) => [group.typed, group.least])) : rule ? await classChunkCounts(prisma, input, classes) : undefined;
    terms.push(...addWordForms(terms, found, chunks, held, rule || "all"));
  }
  const postings = termRows.map((row) => ({ ids: row.ids ?? [], impacts: (row.impacts ?? []).map(Number) }));
  const top =
    usePostings && chunks > exactChunks
      ? topCandidates(terms, postings, input.bounds?.topCandidates ?? TOP_POSTING_CANDIDATES)
      : [];
  const candidates = input.within
    ? { kind: "within" as const, ids: input.within }
    : { ...candidateTerms(terms, chunks, input.bounds), ...(top.length > 0 ? { top } : {}) };
  return {
    terms,
    chunks,
    averageLength: Math.max(averageLength, 1),
    candidates,
    candidatePostings: input.bounds?.candidatePostings ?? CANDIDATE_POSTINGS,
    ...(found ? { forms: found } : {}),
    ...(counted ? { counted } : {}),
  };
}

/**
 * The `count` chunks with the highest sum of weight × IDF × impact over the terms' impact-ordered postings (each
 * term's `postings` at the same index): BM25 counted only where a chunk is among a term's best, so a lower bound of
 * its score, exact for terms whose postings are all listed. The chosen chunks are then scored exactly.
 */
export function topCandidates(
  terms: readonly ScoredTerm[],
  postings: ReadonlyArray<{ ids: readonly string[]; impacts: readonly number[] }>,
  count: number,
): string[] {
  const partial = new Map<string, number>();
  terms.forEach((term, index) => {
    const { ids, impacts } = postings[index] ?? { ids: [], impacts: [] };
    ids.forEach((id, at) => partial.set(id, (partial.get(id) ?? 0) + term.weight * term.idf * (impacts[at] ?? 0)));
  });
  return [...partial.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([id]) => id);
}

/**
 * Which terms bring chunks in: all of them in a small knowledge base; above EXACT_SEARCH_CHUNKS the rarest ones
 * while their document frequencies add up to CANDIDATE_POSTINGS (their chunks are where the best BM25 scores
 * are: a common term's IDF is small); with only common terms, chunks holding all the visitor's words.
 */
export function candidateTerms(
  terms: readonly ScoredTerm[],
  chunks: number,
  { exactChunks, candidatePostings }: SearchBounds = { exactChunks: EXACT_SEARCH_CHUNKS, candidatePostings: CANDIDATE_POSTINGS },
): { kind: "any" | "all"; lexemes: string[] } {
  const present = terms.filter((term) => term.df > 0);
  if (chunks <= exactChunks) return { kind: "any", lexemes: present.map((term) => term.lexeme) };
  const byRarity = [...present].sort((a, b) => a.df - b.df || a.lexeme.localeCompare(b.lexeme));
  const chosen: string[] = [];
  let postings = 0;
  for (const term of byRarity) {
    if (postings + term.df > candidatePostings) break;
    chosen.push(term.lexeme);
    postings += term.df;
  }
  if (chosen.length > 0) return { kind: "any", lexemes: chosen };
  const typed = byRarity.filter((term) => term.original);
  return { kind: "all", lexemes: (typed.length > 0 ? typed : byRarity.slice(0, 1)).map((term) => term.lexeme) };
}

/**
 * The SQL that scores a plan's candidates (fullTextSearch runs it; the bench EXPLAINs it): their rows with score and
 * coverage, or ("ids") chunk ids with score and coverage alone, and with `similarityTo` each one's cosine similarity
 * to that vector (`similarity`, NULL without an embedding of its size).
 */
export function fullTextSearchQuery(input: FullTextSearchInput, plan: FullTextPlan, columns: "rows" | "ids" = "rows", similarityTo?: readonly number[]): Prisma.Sql {
  const limit = checkLimit(input.limit);
  const scope = chunkScopeFilter(input);
  const { candidates } = plan;
  // With only common terms the matches are most of the knowledge base: any CANDIDATE_POSTINGS of them will do.
  const cap = candidates.kind === "all" ? Prisma.sql`LIMIT ${plan.candidatePostings}` : Prisma.empty;
  const top = candidates.kind === "within" ? undefined : candidates.top;
  const matching =
    candidates.kind === "within" ? Prisma.empty : Prisma.sql`fts @@ ${tsquery(candidates.lexemes, candidates.kind === "any" ? " | " : " & ")}::tsquery`;
  // The impact-ordered postings' chunks join those of the rarest terms (taken apart, so the cap stays theirs), each
  // read by its primary key: as `c.id IN (…)` the planner hashed them against a sequential scan of every chunk of the
  // scope (10k chunks: 39–80 ms of the statement's ~190, scale's EXPLAIN), and OFFSET 0 keeps the lookup per id.
  const candidateRows = top
    ? Prisma.sql`(
        (SELECT m.id FROM chunk m
          WHERE m."organizationId" = ${input.organizationId} AND m."knowledgeBaseId" IN (${Prisma.join([...input.knowledgeBaseIds])})
            AND m.${matching} ${cap})
        UNION SELECT unnest(${[...top]}::text[])) f(id)
       CROSS JOIN LATERAL (SELECT c.id, c."documentId", c.fts, c."tokenCount" FROM chunk c WHERE c.id = f.id AND ${scope} OFFSET 0) c`
    : Prisma.sql`chunk c`;
  const found =
    candidates.kind === "within"
      ? Prisma.sql`${scope} AND c.id IN (${Prisma.join([...candidates.ids])})`
      : top
        ? Prisma.sql`TRUE`
        : Prisma.sql`${scope} AND c.${matching}`;
  const indexed = plan.terms.map((term, index) => ({ ...term, group: term.group ?? index, form: term.form ?? 1 }));
  const terms = indexed.filter((term) => term.weight > 0);
  const counted = plan.counted ?? [];
  // Coverage counts each class of the question once (its other forms share the class's IDF), summed in the terms'
  // order as before (a counted class's IDF is the statement's).
  const countedIdf = (group: number) => (counted.some((item) => item.group === group) ? Prisma.sql`(SELECT k.idf FROM counted k WHERE k.grp = ${group}::int)` : undefined);
  const originalIdfs = indexed.filter((term) => term.original && term.form === 1).map((term) => countedIdf(term.group) ?? Prisma.sql`${term.idf}::float8`);
  const originalIdf = originalIdfs.length === 0 ? Prisma.sql`0::float8` : Prisma.sql`(${Prisma.join(originalIdfs, " + ")})`;
  // Each counted class's chunks (as classChunkCounts counts them), and its IDF for that count (CountedClass.idfs).
  const starts = counted.map((_, at) => counted.slice(0, at).reduce((sum, item) => sum + item.idfs.length, 1));
  const countedSql =
    counted.length === 0
      ? Prisma.empty
      : Prisma.sql`counted AS (
      SELECT q.grp, (${counted.flatMap((item) => item.idfs)}::float8[])[q.start + least(greatest(${classChunkCount(input, Prisma.sql`q.query`)}::int, q.least), q.most) - q.least] AS idf
        FROM unnest(${counted.map((item) => item.group)}::int[], ${classQueries(counted.map((item) => item.lexemes))}::text[], ${counted.map((item) => item.least)}::int[],
                    ${counted.map((item) => item.least + item.idfs.length - 1)}::int[], ${starts}::int[]) AS q(grp, query, least, most, start)
    ),`;
  return Prisma.sql`
    WITH ${countedSql} terms AS (
      SELECT t.lexeme, t.weight, ${counted.length === 0 ? Prisma.sql`t.idf` : Prisma.sql`coalesce((SELECT k.idf FROM counted k WHERE k.grp = t.grp), t.idf)`} AS idf, t.original, t.grp, t.form
        FROM unnest(${terms.map((t) => t.lexeme)}::text[], ${terms.map((t) => t.weight)}::float8[],
                    ${terms.map((t) => t.idf)}::float8[], ${terms.map((t) => t.original)}::boolean[],
                    ${terms.map((t) => t.group)}::int[], ${terms.map((t) => t.form)}::float8[]) AS t(lexeme, weight, idf, original, grp, form)
    ),
    candidates AS MATERIALIZED (
      SELECT c.id, c."documentId", c.fts, greatest(c."tokenCount", 1) AS dl
        FROM ${candidateRows}
       WHERE ${found}
       ${top ? Prisma.empty : cap}
    ),
    -- One row per (chunk, query term in it). Cutting the tsvector down to the query's lexemes before unnesting
    -- (mark them with weight A, keep only A) avoids expanding every lexeme of every candidate.
    postings AS (
      SELECT k.id, k.dl, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf
        FROM candidates k
       CROSS JOIN LATERAL unnest(ts_filter(setweight(k.fts, 'A', ${terms.map((t) => t.lexeme)}::text[]), '{a}')) AS u(lexeme, positions, weights)
    ),
    -- One row per (chunk, class of query terms): a word and its other forms count as one term (word-forms.ts).
    classes AS (
      SELECT p.id, p.dl, max(t.weight) AS weight, max(t.idf) AS idf, bool_or(t.original) AS original, sum(t.form * p.tf) AS tf
        FROM postings p
        JOIN terms t ON t.lexeme = p.lexeme
       GROUP BY p.id, p.dl, t.grp
    ),
    scored AS (
      SELECT g.id,
             sum(g.weight * g.idf * g.tf * ${K1 + 1}::float8 / (g.tf + ${K1}::float8 * (1 - ${B}::float8 + ${B}::float8 * g.dl / ${plan.averageLength}::float8))) AS score,
             coalesce(sum(g.idf) FILTER (WHERE g.original), 0) AS matched
        FROM classes g
       GROUP BY g.id
    ),
    -- Chunks of documents being (re)processed or failed stay out (readyDocument), checked through the candidates'
    -- own document ids rather than a second lookup of every scored chunk.
    top AS (
      SELECT s.id, s.score, s.matched
        FROM scored s
        JOIN candidates k ON k.id = s.id
       WHERE EXISTS (SELECT 1 FROM document rd WHERE rd.id = k."documentId" AND rd.status = 'ready')
       ORDER BY s.score DESC, s.id
       LIMIT ${limit}
    )
    ${columns === "ids" ? Prisma.sql`SELECT top.id AS "chunkId"` : Prisma.sql`SELECT ${retrievedChunkColumns}`}, top.score::float8 AS score,
           coalesce(top.matched / nullif(${originalIdf}, 0), 0)::float8 AS coverage
           ${similarityTo ? Prisma.sql`, ${cosineSimilarity(similarityTo)} AS similarity` : Prisma.empty}
      FROM top
      ${columns === "ids" && !similarityTo ? Prisma.empty : Prisma.sql`JOIN chunk c ON c.id = top.id`}
      ${columns === "ids" ? Prisma.empty : Prisma.sql`JOIN document d ON d.id = c."documentId"`}
     ORDER BY top.score DESC, top.id`;
}
