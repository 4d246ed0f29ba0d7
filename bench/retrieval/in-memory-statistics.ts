import { sameWordForm } from "../../packages/rag/src/retrieval/word-endings";

/** Collection statistics of the in-memory BM25 studies (word-forms-study.ts, proximity-study.ts). */
export interface InMemoryStatistics {
  df: Map<string, number>;
  documents: number;
  averageLength: number;
  /** Other forms of a word in the collection's vocabulary (sameWordForm, as FullTextSearchInput.wordForms finds them). */
  forms: (term: string) => string[];
}

export function inMemoryStatistics(
  docs: ReadonlyArray<{ tf: ReadonlyMap<string, number>; length: number }>,
  sameForm: (a: string, b: string) => boolean = sameWordForm,
): InMemoryStatistics {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df.keys()];
  const formsOf = new Map<string, string[]>();
  const forms = (term: string) => {
    let found = formsOf.get(term);
    if (!found) formsOf.set(term, (found = vocabulary.filter((word) => word !== term && sameForm(term, word))));
    return found;
  };
  return { df, documents: docs.length, averageLength: docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length), forms };
}
