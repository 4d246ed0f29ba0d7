import { readFile } from "node:fs/promises";
import { runnerUpShare } from "@frontdesk/rag";
import type { RankingMetrics } from "./metrics";

// tsx bench/retrieval/feedback-gate-study.ts <feedback-study.json> ...
// Scores feedback gates offline (issue 13): for each signal of the first pass (feedback-study.ts) and each
// threshold, feedback runs only on one side of the threshold (the other side gets the "off" variant), and the
// collection's mean nDCG@10 is exact (every query's metrics were measured end to end with and without feedback).
// Prints, per signal and threshold, the change against the default on every collection and on its halves (even/odd
// query ids), so that a threshold chosen on some collections can be checked on the others. FEATURE=name limits
// the grid to one signal; VARIANT=name scores another variant than "off" as the gated-away choice.

interface Fused { score: number; coverage: number | null; cosine: number | null; textRank: number | null; vectorRank: number | null }
interface Row {
  id: string;
  text: string;
  queryTerms: number;
  queryWords: string[];
  feedbackRuns: boolean;
  textWeight: number;
  textScores: number[];
  textCoverage: number[];
  vectorScores: number[];
  fused: Fused[];
  feedbackTerms: Array<{ term: string; weight: number }>;
  metrics: Record<string, RankingMetrics>;
}
interface Study { collection: string; rows: Row[] }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** First-pass signals, each oriented so that a high value should mean "feedback pays". */
export const signals: Record<string, (row: Row) => number> = {
  // The product's gate (feedback-gate.ts) on the study's first pass (scores relative to the best).
  runnerUpShare: (row) => runnerUpShare(row.textScores.map((score, index) => ({ chunkId: String(index), score, coverage: 0 }))) ?? 1,
  // Known-item questions have one clear winner: the second full-text score far below the first.
  textSecond: (row) => row.textScores[1] ?? 0,
  textThird: (row) => row.textScores[2] ?? 0,
  textFifthMean: (row) => mean(row.textScores.slice(1, 5)),
  textTenthMean: (row) => mean(row.textScores.slice(1, 10)),
  fusedMarginNeg: (row) => -((row.fused[0]?.score ?? 0) - (row.fused[1]?.score ?? 0)),
  fusedRatio2: (row) => (row.fused[1]?.score ?? 0) / (row.fused[0]?.score || 1),
  fusedRatio3: (row) => (row.fused[2]?.score ?? 0) / (row.fused[0]?.score || 1),
  fusedRatio5: (row) => mean(row.fused.slice(1, 5).map((f) => f.score)) / (row.fused[0]?.score || 1),
  topCoverageNeg: (row) => -(row.fused[0]?.coverage ?? 0),
  textTopCoverageNeg: (row) => -(row.textCoverage[0] ?? 0),
  // Feedback's terms mostly the question's own words: the expansion adds little that can drift.
  feedbackOnQuery: (row) => row.feedbackTerms.filter((t) => row.queryWords.includes(t.term)).reduce((s, t) => s + t.weight, 0),
  feedbackNewNeg: (row) => -row.feedbackTerms.filter((t) => !row.queryWords.includes(t.term)).length,
  feedbackTopWeightNeg: (row) => -(row.feedbackTerms[0]?.weight ?? 0),
  queryTerms: (row) => row.queryTerms,
  notSameTopNeg: (row) => -((row.fused[0]?.textRank === 0 && row.fused[0]?.vectorRank === 0) ? 1 : 0),
  vectorSecond: (row) => (row.vectorScores[1] ?? 0) / (row.vectorScores[0] || 1),
  vectorGapNeg: (row) => -((row.vectorScores[0] ?? 0) - (row.vectorScores[1] ?? 0)),
};

const half = (id: string) => (Number(id.replace(/\D/g, "")) % 2 === 0 ? 0 : 1);

const studies = await Promise.all(process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, "utf8")) as Study));
const variant = process.env.VARIANT ?? "off";
const names = process.env.FEATURE ? process.env.FEATURE.split(",") : Object.keys(signals);

const score = (study: Study, runs: (row: Row) => boolean) => {
  const chosen = study.rows.map((row) => ({ id: row.id, ndcg: (row.feedbackRuns && runs(row) ? row.metrics.default! : row.metrics[variant] ?? row.metrics.default!).ndcg10 }));
  return { all: mean(chosen.map((c) => c.ndcg)), halves: [0, 1].map((h) => mean(chosen.filter((c) => half(c.id) === h).map((c) => c.ndcg))) };
};

const header = studies.map((s) => s.collection.slice(0, 14).padStart(24)).join("");
console.log(`${"rule".padEnd(34)}${header}   min Δ`);
const line = (name: string, runs: (row: Row) => boolean) => {
  const cells = studies.map((study) => {
    const base = score(study, () => true);
    const rule = score(study, runs);
    return { text: `${rule.all.toFixed(4)} ${(rule.all - base.all >= 0 ? "+" : "") + (rule.all - base.all).toFixed(4)}`, delta: rule.all - base.all };
  });
  console.log(`${name.padEnd(34)}${cells.map((c) => c.text.padStart(24)).join("")}   ${Math.min(...cells.map((c) => c.delta)).toFixed(4)}`);
};
line("default (feedback as today)", () => true);
line(`never (${variant})`, () => false);
for (const study of studies) {
  const runs = study.rows.filter((row) => row.feedbackRuns);
  console.log(`${study.collection}: feedback runs on ${runs.length} of ${study.rows.length}; default ${mean(runs.map((r) => r.metrics.default!.ndcg10)).toFixed(4)} vs ${variant} ${mean(runs.map((r) => r.metrics[variant]!.ndcg10)).toFixed(4)} on them`);
}
// RULES='{"name": "<JS expression of s (every signal of the row) returning a variant name>"}': rules that pick any
// variant per query, e.g. '{"weaker when led": "s.runnerUpShare >= 0.7 ? \"default\" : \"l85\""}'.
const lineChoosing = (name: string, choose: (row: Row) => string) => {
  const cells = studies.map((study) => {
    const pick = (row: Row) => (row.feedbackRuns ? row.metrics[choose(row)] ?? row.metrics.default! : row.metrics.default!).ndcg10;
    const all = mean(study.rows.map(pick));
    const base = mean(study.rows.map((row) => row.metrics.default!.ndcg10));
    const halves = [0, 1].map((h) => mean(study.rows.filter((row) => half(row.id) === h).map(pick)).toFixed(3));
    return { text: `${all.toFixed(4)} ${(all - base >= 0 ? "+" : "") + (all - base).toFixed(4)} ${halves.join("/")}`, delta: all - base };
  });
  console.log(`${name.slice(0, 34).padEnd(34)}${cells.map((c) => c.text.padStart(24)).join("")}   ${Math.min(...cells.map((c) => c.delta)).toFixed(4)}`);
};
if (process.env.RULES) {
  for (const [name, body] of Object.entries(JSON.parse(process.env.RULES) as Record<string, string>)) {
    const rule = new Function("s", `return (${body});`) as (values: Record<string, number>) => string;
    lineChoosing(name, (row) => rule(Object.fromEntries(Object.entries(signals).map(([key, signal]) => [key, signal(row)]))));
  }
  process.exit(0);
}
for (const name of names) {
  const signal = signals[name]!;
  const values = studies.flatMap((study) => study.rows.filter((row) => row.feedbackRuns).map(signal)).sort((a, b) => a - b);
  const cuts = [...new Set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((q) => values[Math.floor(q * (values.length - 1))]!))];
  for (const cut of cuts) line(`${name} >= ${cut.toFixed(3)}`, (row) => signal(row) >= cut);
}
