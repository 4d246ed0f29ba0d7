import { contentTerms, splitSentences } from "./text-analysis";

export interface ScoredSentence {
  /** Index of the source passage the sentence comes from. */
  source: number;
  /** Order of the sentence within its passage. */
  position: number;
  text: string;
  /** IDF-weighted share of the question's meaningful words that the sentence contains, 0..1. */
  coverage: number;
}

/**
 * Splits passages into sentences and scores each by how much of the question it covers. Words are weighted by
 * how rare they are among all the sentences, so a sentence sharing one distinctive word beats one sharing
 * several that appear everywhere.
 */
export function scoreSentences(question: string, passages: readonly string[]): ScoredSentence[] {
  const terms = contentTerms(question);
  const sentences = passages.flatMap((passage, source) =>
    splitSentences(passage).map((text, position) => ({ source, position, text, terms: new Set(contentTerms(text)) })),
  );
  const weight = new Map(
    terms.map((term) => {
      const frequency = sentences.filter((sentence) => sentence.terms.has(term)).length;
      return [term, Math.log(1 + (sentences.length + 1) / (frequency + 0.5))];
    }),
  );
  const total = [...weight.values()].reduce((sum, value) => sum + value, 0);
  return sentences.map(({ source, position, text, terms: present }) => ({
    source,
    position,
    text,
    coverage: total === 0 ? 0 : terms.filter((term) => present.has(term)).reduce((sum, term) => sum + (weight.get(term) ?? 0), 0) / total,
  }));
}
