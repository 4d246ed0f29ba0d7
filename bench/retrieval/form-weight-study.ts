import { normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { sameWordForm } from "../../packages/rag/src/retrieval/word-endings";
import { formPrefix, formShare, takesForms } from "../../packages/rag/src/retrieval/word-forms";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/form-weight-study.ts <BEIR folder> ...   [VARIANTS=none,fixed,...] [FUNCTION=0,0.25] [FULL=1: also R@10, MRR@10]
// In memory, at the document level (stop words dropped, lengths in words): BM25 as the full text ranks with each query
// word's class of other forms (sameWordForm with the question as context, as word-forms.ts finds them), and the
// ways a form may weigh in its class that issue 13 asked to compare. A class's tf is typed + Σ w_f · tf_f; its df
// is the sum of its members' dfs (at most N), each counted as `dfShare` says. FUNCTION keeps the question's
// function words at that weight (each its own term), 0 drops them as the product does. BM25 (no stop words, no
// forms) is printed first for reference.
const stop = new Set([...stopwords].map(normalizeSearchText));
const FIXED = 0.5;

interface Member { df: number; typed: boolean }
/** A form's weight in its class, from its own and its typed word's document frequencies (n = documents). */
type Weigh = (form: Member, typed: Member, n: number, forms: number) => number;
const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const variants: Record<string, { weigh?: Weigh; dfShare?: boolean }> = {
  none: {},
  fixed: { weigh: () => FIXED },
  // Weighed by how specific it is, relative to the typed word: a form more common than the word weighs less.
  idfRatio: { weigh: (f, t, n) => FIXED * Math.min(1, idf(f.df, n) / idf(t.df, n)) },
  dfRatio: { weigh: (f, t) => FIXED * Math.min(1, (t.df + 1) / (f.df + 1)) },
  // The forms' weights summed at most the typed word's own (1).
  capped: { weigh: (_f, _t, _n, forms) => Math.min(FIXED, 1 / forms) },
  // A form counts in the class's df as much as in its tf.
  dfShare: { weigh: () => FIXED, dfShare: true },
  idfRatioDfShare: { weigh: (f, t, n) => FIXED * Math.min(1, idf(f.df, n) / idf(t.df, n)), dfShare: true },
  dfRatioDfShare: { weigh: (f, t) => FIXED * Math.min(1, (t.df + 1) / (f.df + 1)), dfShare: true },
  // As dfRatioDfShare, but a word the knowledge base lacks leaves its forms at the fixed weight (nothing to compare with).
  dfRatioAbsentDfShare: { weigh: (f, t) => (t.df === 0 ? FIXED : FIXED * Math.min(1, t.df / f.df)), dfShare: true },
  // The product's rule (word-forms.ts formShare): the typed word's part of the pair's dfs, at most FIXED.
  formShare: { weigh: (f, t) => formShare(t.df, f.df), dfShare: true },
  sqrtDfRatioDfShare: { weigh: (f, t) => FIXED * Math.min(1, Math.sqrt((t.df + 1) / (f.df + 1))), dfShare: true },
};
const chosen = (process.env.VARIANTS ?? Object.keys(variants).join(",")).split(",");
const functionWeights = (process.env.FUNCTION ?? "0").split(",").map(Number);

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const docs = collection.documents.filter((d) => documentText(d).trim() !== "").map((d) => {
    const words = tokenize(normalizeSearchText(documentText(d)));
    const tf = new Map<string, number>();
    for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
    return { id: d.id, tf, length: Math.max(1, words.length) };
  });
  const n = docs.length;
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df.keys()];
  const formsOf = new Map<string, string[]>();
  const formsIn = (term: string, terms: readonly string[]) => {
    const key = `${term}\u0000${terms.join(" ")}`;
    let found = formsOf.get(key);
    if (!found) {
      const prefix = formPrefix(term);
      const question = terms.join(" ");
      found = takesForms(term) ? vocabulary.filter((word) => word.startsWith(prefix) && word !== term && !terms.includes(word) && sameWordForm(term, word, question)) : [];
      formsOf.set(key, found);
    }
    return found;
  };
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const rank = (classes: Array<{ weight: number; members: Array<{ term: string; w: number }>; df: number }>) =>
    docs
      .map((doc) => {
        let score = 0;
        for (const c of classes) {
          const tf = c.members.reduce((sum, m) => sum + (doc.tf.get(m.term) ?? 0) * m.w, 0);
          if (tf > 0) score += (c.weight * idf(c.df, n) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * doc.length) / average));
        }
        return { id: doc.id, score };
      })
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 10)
      .map((hit) => hit.id);
  const cells: string[] = [];
  const bm25 = meanMetrics(collection.queries.map((query) => {
    const terms = [...new Set(tokenize(normalizeSearchText(query.text)))];
    return rankingMetrics(rank(terms.map((term) => ({ weight: 1, members: [{ term, w: 1 }], df: df.get(term) ?? 0 }))), collection.qrels.get(query.id) ?? new Map());
  }));
  cells.push(`bm25 ${bm25.ndcg10.toFixed(3)}${process.env.FULL === "1" ? `/${bm25.recall10.toFixed(3)}/${bm25.mrr10.toFixed(3)}` : ""}`);
  for (const fw of functionWeights) {
    for (const name of chosen) {
      const variant = variants[name]!;
      const metrics = meanMetrics(collection.queries.map((query) => {
        const all = [...new Set(tokenize(normalizeSearchText(query.text)))];
        const terms = all.filter((term) => !stop.has(term));
        const classes = terms.map((term) => {
          const typed = { df: df.get(term) ?? 0, typed: true };
          const others = variant.weigh ? formsIn(term, terms) : [];
          const members = [{ term, w: 1 }, ...others.map((form) => ({ term: form, w: variant.weigh!({ df: df.get(form)!, typed: false }, typed, n, others.length) }))];
          const classDf = members.reduce((sum, m) => sum + (df.get(m.term) ?? 0) * (variant.dfShare ? m.w : 1), 0);
          return { weight: 1, members, df: Math.min(n, classDf) };
        });
        const functionTerms = fw > 0 ? all.filter((term) => stop.has(term)).map((term) => ({ weight: fw, members: [{ term, w: 1 }], df: df.get(term) ?? 0 })) : [];
        return rankingMetrics(rank([...classes, ...functionTerms]), collection.qrels.get(query.id) ?? new Map());
      }));
      const extra = process.env.FULL === "1" ? `/${metrics.recall10.toFixed(3)}/${metrics.mrr10.toFixed(3)}` : "";
      cells.push(`${fw > 0 ? `fw${fw}:` : ""}${name} ${metrics.ndcg10.toFixed(3)}${extra}`);
    }
  }
  console.log(collection.name.padEnd(16), cells.join("  "));
}
