import type { BeirCollection } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// The scoring of the in-memory BM25 studies that rewrite the search text (identifier-study.ts,
// title-weight-study.ts): documents as term frequencies and a length, each judged question as its terms, BM25 at the
// document level; nDCG@10 over all questions and per half (even / odd positions), as "0.7150 (0.7055/0.7245)".

const K1 = 1.2;
const B = 0.75;

export interface TermDocument {
  id: string;
  tf: ReadonlyMap<string, number>;
  length: number;
}

export function bm25Ndcg(collection: BeirCollection, docs: readonly TermDocument[], questionTerms: (text: string) => string[]): string {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const rows = collection.queries.flatMap((query, at) => {
    const judgments = collection.qrels.get(query.id);
    if (!judgments || ![...judgments.values()].some((grade) => grade > 0)) return [];
    const terms = [...new Set(questionTerms(query.text))];
    const ranking = docs
      .map((doc) => {
        let score = 0;
        for (const term of terms) {
          const f = doc.tf.get(term);
          const d = df.get(term) ?? 0;
          if (f) score += Math.log(1 + (n - d + 0.5) / (d + 0.5)) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / average)));
        }
        return { id: doc.id, score };
      })
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, 10)
      .map((hit) => hit.id);
    return [{ at, metrics: rankingMetrics(ranking, judgments) }];
  });
  const fmt = (xs: typeof rows) => meanMetrics(xs.map((x) => x.metrics)).ndcg10.toFixed(4);
  return `${fmt(rows)} (${fmt(rows.filter((r) => r.at % 2 === 0))}/${fmt(rows.filter((r) => r.at % 2 === 1))})`;
}
