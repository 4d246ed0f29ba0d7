import { readFile } from "node:fs/promises";
import { type SparseRow, truncatedSvd } from "./lsa";
import { rankingMetrics } from "./metrics";
import { stop, termsOf, questionTerms, mean, topScores, studyIndex } from "./study-index";

// [COVER_WEIGHTS=0.2] [LSA_WEIGHTS=0.3] [K=200] \
//   tsx bench/retrieval/gate-study.ts <BEIR folder>=<hybrid.json from dump-hybrid.ts> ...
// In memory, at the document level (issue 13; bench/README.md "A per-question choice between coverage and LSA",
// session 19 `cover`): the two signals that each help one kind of English question over the product's hybrid
// ranking — the GloVe-free word coverage of glove-study.ts (Σ idf of the question words a document holds ÷ Σ idf; it
// helps known-item questions written in the target's own words: Debian, man) and LSA k 200 of lsa-study.ts (helps
// questions written in other words: info, Cranfield) — applied per question, by a gate computed from the question
// and the first-pass rankings only (no labels), ONE setting for every collection. Fusion as both studies: convex
// sum of min-max normalised scores over hybrid's top 50 and the signal's top 100 (weight w on the signal).
// Gate features (per question):
// - first: coverage of hybrid's first document; best: the best coverage any document reaches;
// - bmgap / hygap: (top1 − top2) ÷ top1 of the raw BM25 / hybrid scores (a sure or unsure first place);
// - words: the question's non-stop words; rare: its words held by 1 … max(1, 1 % of N) documents; missing: by none;
// - agree: share of hybrid's top 10 in full text's top 10; lsaagree: share of hybrid's top 10 in LSA's top 10.
// Schemes: cov|side, lsa|side (the signal fused for questions on that side of the threshold, hybrid elsewhere) and
// cov|side+lsa|other; and a sliding mix (coverage at w × first, LSA at w × (1 − first)). Printed: Δ nDCG@10 over hybrid per collection (halves even / odd), then the schemes ranked by
// their worst Δ, and an oracle (per question the best of hybrid / +coverage / +LSA: uses the labels, a ceiling only).
const COVER_WEIGHTS = (process.env.COVER_WEIGHTS ?? "0.2").split(",").map(Number);
const LSA_WEIGHTS = (process.env.LSA_WEIGHTS ?? "0.3").split(",").map(Number);
const K = Number(process.env.K ?? 200);
const DEPTH = 100;
const THRESHOLDS: Record<string, number[]> = {
  first: [0.5, 0.7, 0.9, 0.999],
  best: [0.7, 0.9, 0.999],
  bmgap: [0.05, 0.1, 0.2, 0.3],
  hygap: [0.02, 0.05, 0.1, 0.2],
  words: [3, 4, 5, 7],
  rare: [1, 2, 3],
  missing: [1],
  agree: [0.3, 0.5, 0.7],
  lsaagree: [0.2, 0.3, 0.5],
};
const halves = (per: number[]) => [mean(per), mean(per.filter((_, i) => i % 2 === 0)), mean(per.filter((_, i) => i % 2 === 1))] as const;
const signed = (x: number, digits = 4) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;

const ranked = (scores: Map<number, number>) => [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
/** Raw (top1 − top2) ÷ top1 of a score array (1 when only one document scores, 0 when none). */
const gapOf = (scores: Float64Array) => {
  let first = 0;
  let second = 0;
  for (const s of scores) if (s > first) (second = first), (first = s);
  else if (s > second) second = s;
  return first > 0 ? (first - second) / first : 0;
};

interface Question { features: Record<string, number>; hybrid: number; cover: number[]; lsa: number[]; both: number[][]; sliding: number[][] }
const collections: Array<{ name: string; questions: Question[] }> = [];

for (const argument of process.argv.slice(2)) {
  const [folder = "", hybridFile] = argument.split("=");
  if (!hybridFile) throw new Error(`${folder}: a hybrid dump is needed (<folder>=<hybrid.json>)`);
  const started = performance.now();
  const { collection, kept, ids, docs, df, n, average, idf } = await studyIndex(folder);
  const bm25 = (terms: string[]) =>
    Float64Array.from(docs, (doc) => {
      let score = 0;
      for (const term of terms) {
        const f = doc.tf.get(term);
        if (f) score += idf(term) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / average)));
      }
      return score;
    });
  /** glove-study.ts's GloVe-free coverage: Σ idf of the question words the document holds ÷ Σ idf. */
  const coverage = (terms: string[]) => {
    const total = terms.reduce((sum, term) => sum + idf(term), 0) || 1;
    return Float64Array.from(docs, (doc) => terms.reduce((sum, term) => sum + (doc.tf.has(term) ? idf(term) : 0), 0) / total);
  };

  // LSA as lsa-study.ts (rows (1 + ln tf) × ln(N / df) over non-stop words in ≥ 2 documents, L2-normalised; k 200;
  // documents U_k Σ_k, questions folded in as q V_k; cosine).
  const vocabulary = [...df].filter(([term, count]) => count >= 2 && !stop.has(term)).map(([term]) => term);
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const weigh = (tf: Map<string, number>): SparseRow => {
    const entries = [...tf].filter(([term]) => index.has(term)).map(([term, f]) => [index.get(term)!, (1 + Math.log(f)) * Math.log(n / (df.get(term) ?? 1))] as const);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return { terms: Int32Array.from(entries, ([t]) => t), weights: Float64Array.from(entries, ([, w]) => w / norm) };
  };
  const svd = truncatedSvd(docs.map((doc) => weigh(doc.tf)), vocabulary.length, K);
  const dk = svd.k;
  const docNorms = Float64Array.from({ length: n }, (_, i) => Math.hypot(...svd.documents.subarray(i * dk, (i + 1) * dk)) || 1);
  /** Folds the question's words (repeats counted, as lsa-study.ts) into LSA space: cosine to every document. */
  const lsa = (terms: string[]) => {
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    const row = weigh(tf);
    const v = new Float64Array(dk);
    for (let p = 0; p < row.terms.length; p++) for (let d = 0; d < dk; d++) v[d] = v[d]! + row.weights[p]! * svd.terms[row.terms[p]! * dk + d]!;
    const norm = Math.hypot(...v) || 1;
    return Float64Array.from({ length: n }, (_, i) => {
      let dot = 0;
      for (let d = 0; d < dk; d++) dot += v[d]! * svd.documents[i * dk + d]!;
      return Math.max(0, dot / norm / docNorms[i]!);
    });
  };

  const position = new Map(ids.map((id, i) => [id, i]));
  type Ranked = Record<string, Array<[string, number]>>;
  const dumped = JSON.parse(await readFile(hybridFile, "utf8")) as { queries: Ranked; fullText: Ranked };
  const scoresOf = (list: Array<[string, number]> | undefined) => {
    const scores = new Float64Array(n);
    for (const [id, score] of list ?? []) if (position.has(id)) scores[position.get(id)!] = score;
    return scores;
  };
  const rare = Math.max(1, Math.floor(0.01 * n));
  const questions = collection.queries.map((query): Question => {
    const words = questionTerms(query.text);
    const terms = [...new Set(words)];
    const judged = collection.qrels.get(query.id) ?? new Map<string, number>();
    const ndcg = (scores: Map<number, number>) => rankingMetrics(ranked(scores).slice(0, 10).map((i) => ids[i]!), judged).ndcg10;
    const hybridRaw = scoresOf(dumped.queries[query.id]);
    const hybrid = topScores(hybridRaw, DEPTH);
    const fullText = topScores(scoresOf(dumped.fullText[query.id]), DEPTH);
    const coverRaw = coverage(terms);
    const cover = topScores(coverRaw, DEPTH);
    const semantic = topScores(lsa(words), DEPTH);
    const fuse = (...signals: Array<[Map<number, number>, number]>) => {
      const combined = new Map<number, number>();
      const rest = 1 - signals.reduce((sum, [, w]) => sum + w, 0);
      for (const i of new Set([...hybrid.keys(), ...signals.flatMap(([top]) => [...top.keys()])]))
        combined.set(i, rest * (hybrid.get(i) ?? 0) + signals.reduce((sum, [top, w]) => sum + w * (top.get(i) ?? 0), 0));
      return ndcg(combined);
    };
    const hybridTen = ranked(hybrid).slice(0, 10);
    const overlap = (other: Map<number, number>) => {
      const ten = new Set(ranked(other).slice(0, 10));
      return hybridTen.length > 0 ? hybridTen.filter((i) => ten.has(i)).length / hybridTen.length : 0;
    };
    const features = {
      first: hybridTen.length > 0 ? coverRaw[hybridTen[0]!]! : 0,
      best: Math.max(0, ...coverRaw),
      bmgap: gapOf(bm25(terms)),
      hygap: gapOf(hybridRaw),
      words: terms.length,
      rare: terms.filter((term) => (df.get(term) ?? 0) >= 1 && df.get(term)! <= rare).length,
      missing: terms.filter((term) => !df.has(term)).length,
      agree: overlap(fullText),
      lsaagree: overlap(semantic),
    };
    return {
      features,
      hybrid: ndcg(hybrid),
      cover: COVER_WEIGHTS.map((w) => fuse([cover, w])),
      lsa: LSA_WEIGHTS.map((w) => fuse([semantic, w])),
      both: COVER_WEIGHTS.map((cw) => LSA_WEIGHTS.map((lw) => fuse([cover, cw], [semantic, lw]))),
      // A sliding choice instead of a threshold: coverage weighted by the first document's coverage, LSA by the rest.
      sliding: COVER_WEIGHTS.map((cw) => LSA_WEIGHTS.map((lw) => fuse([cover, cw * features.first], [semantic, lw * (1 - features.first)]))),
    };
  });
  collections.push({ name: collection.name, questions });
  console.log(`${collection.name}: ${n} documents, ${questions.length} queries, LSA k ${dk} over ${vocabulary.length} words (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const [all, even, odd] = halves(questions.map((q) => q.hybrid));
  console.log(`  hybrid ${all.toFixed(4)} (${even.toFixed(3)}/${odd.toFixed(3)})`);
  const medians = Object.keys(THRESHOLDS).map((name) => {
    const sorted = questions.map((q) => q.features[name as keyof typeof q.features] as number).sort((a, b) => a - b);
    return `${name} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}`;
  });
  console.log(`  feature medians: ${medians.join(", ")}`);
  const moves = (pick: (q: Question) => number) => `+${questions.filter((q) => pick(q) > q.hybrid + 1e-9).length}/−${questions.filter((q) => pick(q) < q.hybrid - 1e-9).length}`;
  console.log(`  questions better/worse than hybrid: ${[...COVER_WEIGHTS.map((w, c) => `cov ${w} ${moves((q) => q.cover[c]!)}`), ...LSA_WEIGHTS.map((w, l) => `lsa ${w} ${moves((q) => q.lsa[l]!)}`)].join(", ")}; both cov and lsa better: ${questions.filter((q) => q.cover[0]! > q.hybrid + 1e-9 && q.lsa[0]! > q.hybrid + 1e-9).length}`);
}

/** Δ over hybrid per collection (all, even, odd) of a per-question choice. */
const measure = (choose: (q: Question) => number) =>
  collections.map(({ questions }) => {
    const base = halves(questions.map((q) => q.hybrid));
    const chosen = halves(questions.map(choose));
    return chosen.map((x, i) => x - base[i]!) as unknown as [number, number, number];
  });
const rows: Array<{ label: string; deltas: Array<[number, number, number]>; shares: number[] }> = [];
const add = (label: string, choose: (q: Question) => number, low?: (q: Question) => boolean) =>
  rows.push({ label, deltas: measure(choose), shares: collections.map(({ questions }) => (low ? questions.filter(low).length / questions.length : 1)) });

COVER_WEIGHTS.forEach((cw, c) =>
  LSA_WEIGHTS.forEach((lw, l) => {
    const tag = `cov ${cw} lsa ${lw}`;
    if (l === 0) add(`cov ${cw} everywhere`, (q) => q.cover[c]!);
    if (c === 0) add(`lsa ${lw} everywhere`, (q) => q.lsa[l]!);
    add(`${tag}: both fused everywhere`, (q) => q.both[c]![l]!);
    add(`${tag}: sliding (cov × first, lsa × (1 − first))`, (q) => q.sliding[c]![l]!);
    add(`${tag}: oracle best of hybrid/cov/lsa (labels)`, (q) => Math.max(q.hybrid, q.cover[c]!, q.lsa[l]!));
    for (const [name, thresholds] of Object.entries(THRESHOLDS))
      for (const t of thresholds) {
        const low = (q: Question) => (q.features[name as keyof Question["features"]] as number) < t;
        const gate = `${name}<${t}`;
        if (l === 0) {
          add(`cov ${cw} if ${gate}`, (q) => (low(q) ? q.cover[c]! : q.hybrid), low);
          add(`cov ${cw} if not ${gate}`, (q) => (low(q) ? q.hybrid : q.cover[c]!), low);
        }
        if (c === 0) {
          add(`lsa ${lw} if ${gate}`, (q) => (low(q) ? q.lsa[l]! : q.hybrid), low);
          add(`lsa ${lw} if not ${gate}`, (q) => (low(q) ? q.hybrid : q.lsa[l]!), low);
        }
        add(`${tag}: cov if ${gate}, lsa if not`, (q) => (low(q) ? q.cover[c]! : q.lsa[l]!), low);
        add(`${tag}: lsa if ${gate}, cov if not`, (q) => (low(q) ? q.lsa[l]! : q.cover[c]!), low);
      }
  }),
);

const format = (row: (typeof rows)[number]) =>
  `${row.label.padEnd(52)} ${row.deltas.map(([all, even, odd], i) => `${signed(all)} (${signed(even, 3)}/${signed(odd, 3)}) [${(row.shares[i]! * 100).toFixed(0)}%]`).join("  ")}`;
console.log(`\nΔ nDCG@10 over hybrid (halves even/odd) [share of questions below the threshold]: ${collections.map((c) => c.name).join(" | ")}`);
for (const row of rows) console.log(format(row));
const worst = (row: (typeof rows)[number]) => Math.min(...row.deltas.map(([all]) => all));
console.log("\nranked by the worst Δ over all collections (oracle rows left out), top 25:");
for (const row of [...rows].filter((r) => !r.label.includes("oracle")).sort((a, b) => worst(b) - worst(a)).slice(0, 25)) console.log(format(row));
console.log("\nranked by the second-best Δ with no Δ below −0.001, top 15:");
const second = (row: (typeof rows)[number]) => [...row.deltas.map(([all]) => all)].sort((a, b) => b - a)[1]!;
for (const row of [...rows].filter((r) => !r.label.includes("oracle") && worst(r) >= -0.001).sort((a, b) => second(b) - second(a)).slice(0, 15)) console.log(format(row));

// Transfer: pick the row (gate, threshold, weights; oracle rows left out) with the best worst Δ over every collection
// but one, and show what it does on the one left out.
console.log("\nleave one collection out: the row with the best worst Δ on the others, measured on the one left out:");
collections.forEach(({ name }, held) => {
  const others = (row: (typeof rows)[number]) => Math.min(...row.deltas.filter((_, i) => i !== held).map(([all]) => all));
  const pick = [...rows].filter((r) => !r.label.includes("oracle")).sort((a, b) => others(b) - others(a))[0]!;
  const [all, even, odd] = pick.deltas[held]!;
  console.log(`  ${name.padEnd(10)} ${pick.label.padEnd(52)} others ≥ ${signed(others(pick))}, ${name} ${signed(all)} (${signed(even, 3)}/${signed(odd, 3)})`);
});
