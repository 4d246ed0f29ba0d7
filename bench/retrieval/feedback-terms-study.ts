import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics, type RankingMetrics } from "./metrics";

// tsx bench/retrieval/feedback-terms-study.ts <BEIR folder> ...
// In memory, at the document level, full text only (no vectors): how RM3's choice of feedback terms changes BM25 +
// feedback, as hybridSearch runs it (3 feedback documents from the first pass weighted by score, 10 terms, λ 0.7 or
// 0.85 with a clear leader, feedback only from 6 question terms, the second pass re-ranking the first pass's 100).
// Variants of which terms feedback lends and how much:
//   off            no feedback
//   rm3            as the product does it
//   inTwo          only terms found in at least 2 of the 3 feedback documents
//   byDocs         each term's probability × (feedback documents holding it / 3)
//   byCoverage     each document's share × the share of the question's terms it holds
//   agree<t>       λ as the product, but feedback only when the 3 feedback documents' term vectors agree (mean
//                  pairwise cosine ≥ t); otherwise no feedback
// nDCG@10 over all queries and per half (even / odd positions), and how many queries feedback ran on.

const K1 = 1.2;
const B = 0.75;
const FEEDBACK_DOCS = 3;
const FEEDBACK_TERMS = 10;
const MIN_TERMS = 6;
const stop = new Set([...stopwords].map(normalizeSearchText));
const words = (text: string) => tokenize(normalizeSearchText(text));

interface Doc {
  id: string;
  tf: Map<string, number>;
  length: number;
}

type Variant = "off" | "rm3" | "inTwo" | "byDocs" | "byCoverage" | `agree${number}`;
const variants: Variant[] = (process.env.VARIANTS?.split(",") as Variant[] | undefined) ?? ["off", "rm3", "inTwo", "byDocs", "byCoverage", "agree0.1", "agree0.2", "agree0.3"];

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const docs: Doc[] = collection.documents
    .filter((d) => documentText(d).trim() !== "")
    .map((d) => {
      const tf = new Map<string, number>();
      for (const word of words(documentText(d))) tf.set(word, (tf.get(word) ?? 0) + 1);
      return { id: d.id, tf, length: Math.max(1, countTokens(documentText(d))) };
    });
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const idf = (term: string) => Math.log(1 + (n - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5));
  const score = (weights: ReadonlyMap<string, number>, pool: readonly Doc[]) =>
    pool
      .map((doc) => {
        let s = 0;
        for (const [term, weight] of weights) {
          const f = doc.tf.get(term);
          if (f) s += (weight * idf(term) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / average));
        }
        return { doc, score: s };
      })
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
  const cosine = (a: Doc, b: Doc) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [t, f] of a.tf) if (!stop.has(t)) { na += f * f; dot += f * (b.tf.get(t) ?? 0); }
    for (const [t, f] of b.tf) if (!stop.has(t)) nb += f * f;
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  };

  const results = new Map<Variant, Array<{ at: number; metrics: RankingMetrics }>>(variants.map((v) => [v, []]));
  const ran = new Map<Variant, number>(variants.map((v) => [v, 0]));
  const agreements: number[] = [];
  collection.queries.forEach((query, at) => {
    const judgments = collection.qrels.get(query.id);
    if (!judgments || ![...judgments.values()].some((grade) => grade > 0)) return;
    const terms = [...new Set(words(query.text).filter((term) => !stop.has(term)))];
    const weights = new Map(terms.map((term) => [term, 1]));
    const first = score(weights, docs);
    const pool = first.slice(0, 100).map((hit) => hit.doc);
    const best = first[0]?.score ?? 0;
    const runners = first.slice(1, 5);
    const share = best > 0 && runners.length > 0 ? runners.reduce((sum, hit) => sum + hit.score, 0) / runners.length / best : 1;
    const lambda = share < 0.7 ? 0.85 : 0.7;
    const feedback = first.slice(0, FEEDBACK_DOCS);
    const total = feedback.reduce((sum, hit) => sum + hit.score, 0);
    const agreement =
      feedback.length < 2 ? 0 : (() => { let sum = 0; let pairs = 0; for (let i = 0; i < feedback.length; i += 1) for (let j = i + 1; j < feedback.length; j += 1) { sum += cosine(feedback[i]!.doc, feedback[j]!.doc); pairs += 1; } return sum / pairs; })();
    const eligible = terms.length >= MIN_TERMS && total > 0;
    if (eligible) agreements.push(agreement);
    for (const variant of variants) {
      let ranking = first;
      const agreeAt = variant.startsWith("agree") ? Number(variant.slice(5)) : undefined;
      const runs = eligible && variant !== "off" && (agreeAt === undefined || agreement >= agreeAt);
      if (runs) {
        ran.set(variant, ran.get(variant)! + 1);
        const probability = new Map<string, number>();
        const holders = new Map<string, number>();
        for (const hit of feedback) {
          const covered = terms.filter((term) => hit.doc.tf.has(term)).length / terms.length;
          const share = (hit.score / total) * (variant === "byCoverage" ? covered : 1);
          for (const [term, f] of hit.doc.tf) {
            if (stop.has(term) || /^\d+$/.test(term)) continue;
            probability.set(term, (probability.get(term) ?? 0) + (share * f) / hit.doc.length);
            holders.set(term, (holders.get(term) ?? 0) + 1);
          }
        }
        const candidates = [...probability]
          .filter(([term]) => variant !== "inTwo" || (holders.get(term) ?? 0) >= 2)
          .map(([term, p]): [string, number] => [term, variant === "byDocs" ? (p * (holders.get(term) ?? 0)) / FEEDBACK_DOCS : p])
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, FEEDBACK_TERMS);
        const sum = candidates.reduce((s, [, p]) => s + p, 0);
        if (sum > 0) {
          const expanded = new Map(weights);
          for (const [term, p] of candidates) expanded.set(term, (expanded.get(term) ?? 0) + (((p / sum) * (1 - lambda)) / lambda) * terms.length);
          ranking = score(expanded, pool);
        }
      }
      results.get(variant)!.push({ at, metrics: rankingMetrics(ranking.slice(0, 10).map((hit) => hit.doc.id), judgments) });
    }
  });
  const fmt = (rows: Array<{ at: number; metrics: RankingMetrics }>) => meanMetrics(rows.map((row) => row.metrics)).ndcg10.toFixed(4);
  const sorted = [...agreements].sort((a, b) => a - b);
  const pct = (p: number) => (sorted[Math.floor(p * (sorted.length - 1))] ?? 0).toFixed(2);
  console.log(`${collection.name}: ${docs.length} docs; feedback-eligible ${agreements.length}; agreement p10/p50/p90 ${pct(0.1)}/${pct(0.5)}/${pct(0.9)}`);
  for (const variant of variants) {
    const rows = results.get(variant)!;
    console.log(`  ${variant.padEnd(12)} ${fmt(rows)} (even ${fmt(rows.filter((r) => r.at % 2 === 0))} / odd ${fmt(rows.filter((r) => r.at % 2 === 1))}) ran ${ran.get(variant)}`);
  }
}
