import { COMPOUND_WEIGHT } from "./compound-terms";
import { normalizeSearchText } from "./search-normalization";
import { stopwords } from "./stopwords";

// The query's terms and their BM25 weights, shared by the SQL scorer (full-text-search.ts) and the in-memory
// index (text-index-search.ts), so that both weigh a query alike.

export interface WeightedTerm {
  term: string;
  weight: number;
}

// Compared with lexemes of the folded query, so the list is folded the same way.
export const stopwordList = [...new Set([...stopwords].map(normalizeSearchText))];

/** A query term with what BM25 needs: its weight in the query, IDF, and whether the visitor typed it. */
export interface ScoredTerm {
  lexeme: string;
  weight: number;
  idf: number;
  /** Document frequency in the searched knowledge bases (knowledge_base_term). */
  df: number;
  original: boolean;
  /**
   * Terms of one class (a query word and its other forms, word-forms.ts) share a group, weight and IDF and are
   * counted once per chunk; absent, the term is a class of its own.
   */
  group?: number;
  /** Share of this form's occurrences in its class's term frequency (1, FORM_WEIGHT for another form). */
  form?: number;
}

/** RM3 feedback as fullTextSearch takes it (FullTextSearchInput.feedback). */
export interface WithFeedback {
  feedback?: { terms: readonly WeightedTerm[]; originalWeight: number };
}

/** Feedback terms that count: none at λ = 1 (they would weigh nothing and only match with score 0). */
export function feedbackExtraTerms(input: WithFeedback): WeightedTerm[] {
  const lambda = feedbackLambda(input);
  return lambda >= 1 ? [] : (input.feedback?.terms ?? []).filter((term) => term.term !== "" && Number.isFinite(term.weight) && term.weight > 0);
}

function feedbackLambda(input: WithFeedback): number {
  return Math.min(1, Math.max(0.01, input.feedback?.originalWeight ?? 1));
}

/**
 * The query's terms (its own, its joined compounds' and feedback's, one row per lexeme) with their BM25 weight and
 * IDF over `chunks` chunks: shared by the SQL scorer and the in-memory index (text-index-search.ts), so both weigh
 * alike. A joined compound (compound-terms.ts) that is not also a word of the question weighs COMPOUND_WEIGHT.
 */
export function weighTerms(
  rows: ReadonlyArray<{ lexeme: string; original: boolean; df: number; compound?: boolean }>,
  chunks: number,
  input: WithFeedback,
): ScoredTerm[] {
  const lambda = feedbackLambda(input);
  const originals = rows.filter((row) => row.original).length;
  // RM3 scaled so that each of the question's n own terms weighs 1 (λ / n before scaling): a feedback term
  // weighs (1 − λ) / λ · n · P(w|feedback), and may add to a query term.
  const feedbackWeight = new Map<string, number>();
  for (const term of feedbackExtraTerms(input)) {
    feedbackWeight.set(term.term, (feedbackWeight.get(term.term) ?? 0) + (term.weight * (1 - lambda)) / lambda * originals);
  }
  return rows.map((row): ScoredTerm => ({
    lexeme: row.lexeme,
    original: row.original,
    df: row.df,
    weight: (row.original ? 1 : row.compound ? COMPOUND_WEIGHT : 0) + (feedbackWeight.get(row.lexeme) ?? 0),
    idf: bm25Idf(chunks, row.df),
  }));
}

/** BM25's IDF of a term (or a class of word forms) that `df` of the searched knowledge bases' `chunks` chunks hold. */
export function bm25Idf(chunks: number, df: number): number {
  return Math.log(1 + (chunks - df + 0.5) / (df + 0.5));
}
