import { readFile } from "node:fs/promises";
import { type SparseRow, truncatedSvd } from "./lsa";
import { rankingMetrics } from "./metrics";
import { stop, termsOf, questionTerms, mean, cell, topScores, rankOf, studyIndex } from "./study-index";

// [DIMS=100,200,300] [WEIGHTS=0.05,0.1,0.2,0.3,0.4] tsx bench/retrieval/lsa-study.ts <BEIR folder>[=<hybrid.json>] ...
// In memory, at the document level: is a semantic signal learned from the collection itself (LSA: truncated SVD of
// the document × term TF-IDF matrix) worth fusing with BM25 on known-item questions? (issue 13; bench/README.md,
// "A semantic signal learned from the knowledge base: LSA", session 18 `lsa`).
// - BM25 as letter-parts-study.ts (k1 1.2, b 0.75, lengths in cl100k tokens, stop words dropped, joined letters kept).
// - LSA: rows (1 + ln tf) × idf over the non-stop words found in ≥ 2 documents, each row L2-normalised; rank-k
//   randomized SVD (Halko et al. 2011: k + 10 Gaussian probes, 2 power iterations, Jacobi on the small problem),
//   documents are U_k Σ_k, a question is folded in as q V_k, score = cosine.
// - fused: convex sum of min-max normalised scores over each signal's top 100 (0 outside it), weight w on LSA;
//   `rerank` lets LSA only reorder BM25's top 100 (no document BM25 did not find).
// - expand: the 5 vocabulary words nearest the question in LSA space (rows of V_k Σ_k, cosine) added to the BM25
//   question at weight 0.3 (pseudo-synonyms).
// - hybrid, fulltext (when a folder is followed by =<file from dump-hybrid.ts>): the product's default hybridSearch
//   ranking and its full-text search alone (top 50 documents, scores min-max normalised), each fused with LSA in the
//   same way: does LSA add to the product's ranking, and is it a better second signal than the local model's vectors?
// - gap<g (GAPS=…): hybrid+lsa only for questions whose hybrid runner-up's normalised score is within g of the
//   leader's (an unsure first place), the rest left as hybrid ranks them.
// nDCG@10 over all queries (halves even / odd).
const DIMS = (process.env.DIMS ?? "100,200,300").split(",").map(Number);
const WEIGHTS = (process.env.WEIGHTS ?? "0.05,0.1,0.2,0.3,0.4").split(",").map(Number);
const DEPTH = 100;
// GAPS: also fuse hybrid with LSA only for questions whose hybrid runner-up is within the gap of the leader.
const GAPS = (process.env.GAPS ?? "").split(",").filter(Boolean).map(Number);
// COVERS: also fuse hybrid with LSA only for questions whose hybrid first document holds less than that share of
// the question's words (idf-weighted): where the writer used other words.
const COVERS = (process.env.COVERS ?? "").split(",").filter(Boolean).map(Number);
// SIGMA: documents U_k Σ_k^SIGMA and questions q V_k Σ_k^(SIGMA−1) (1: the usual A V_k space).
const SIGMA = Number(process.env.SIGMA ?? 1);


const rankOfIndex = (scores: Map<number, number>) => [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];

for (const argument of process.argv.slice(2)) {
  const [folder = "", hybridFile] = argument.split("=");
  const started = performance.now();
  const { collection, kept, ids, docs, df, n, average, idf } = await studyIndex(folder);
  const bm25 = (terms: Map<string, number>) => {
    const scores = new Float64Array(n);
    docs.forEach((doc, i) => {
      let score = 0;
      for (const [term, weight] of terms) {
        const f = doc.tf.get(term);
        if (f) score += weight * idf(term) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / average)));
      }
      scores[i] = score;
    });
    return scores;
  };

  // The LSA matrix: non-stop words in ≥ 2 documents.
  const vocabulary = [...df].filter(([term, count]) => count >= 2 && !stop.has(term)).map(([term]) => term);
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const lsaIdf = (term: string) => Math.log(n / (df.get(term) ?? 1));
  const weigh = (tf: Map<string, number>): SparseRow => {
    const entries = [...tf].filter(([term]) => index.has(term)).map(([term, f]) => [index.get(term)!, (1 + Math.log(f)) * lsaIdf(term)] as const);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return { terms: Int32Array.from(entries, ([t]) => t), weights: Float64Array.from(entries, ([, w]) => w / norm) };
  };
  const rows = docs.map((doc) => weigh(doc.tf));

  const queries = collection.queries.map((query) => {
    const terms = questionTerms(query.text);
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    return { terms: new Map([...new Set(terms)].map((term) => [term, 1])), row: weigh(tf), judged: collection.qrels.get(query.id) ?? new Map<string, number>() };
  });
  const bm25Scores = queries.map((query) => bm25(query.terms));
  const position = new Map(ids.map((id, i) => [id, i]));
  type Ranked = Record<string, Array<[string, number]>>;
  const dumped = hybridFile ? (JSON.parse(await readFile(hybridFile, "utf8")) as { queries: Ranked; fullText?: Ranked }) : undefined;
  const scoresOf = (ranked: Ranked | undefined) =>
    ranked &&
    collection.queries.map((query) => {
      const scores = new Float64Array(n);
      for (const [id, score] of ranked[query.id] ?? []) if (position.has(id)) scores[position.get(id)!] = score;
      return scores;
    });
  const hybridScores = scoresOf(dumped?.queries);
  const fullTextScores = scoresOf(dumped?.fullText);
  const ndcg = (ranking: string[], judged: Map<string, number>) => rankingMetrics(ranking, judged).ndcg10;
  const lines: string[] = [`bm25 ${cell(queries.map((query, q) => ndcg(rankOf(topScores(bm25Scores[q]!, DEPTH), ids), query.judged)))}`];
  if (hybridScores) lines.push(`hybrid ${cell(queries.map((query, q) => ndcg(rankOf(topScores(hybridScores[q]!, DEPTH), ids), query.judged)))}`);
  if (fullTextScores) lines.push(`fulltext ${cell(queries.map((query, q) => ndcg(rankOf(topScores(fullTextScores[q]!, DEPTH), ids), query.judged)))}`);

  for (const k of DIMS) {
    const svdStarted = performance.now();
    const svd = truncatedSvd(rows, vocabulary.length, k);
    const seconds = ((performance.now() - svdStarted) / 1000).toFixed(1);
    const dk = svd.k;
    const scale = Float64Array.from(svd.singular, (value) => (value > 0 ? value ** (SIGMA - 1) : 0));
    const documentVectors = Float64Array.from(svd.documents, (value, position) => value * scale[position % dk]!);
    const docNorms = Float64Array.from({ length: n }, (_, i) => Math.hypot(...documentVectors.subarray(i * dk, (i + 1) * dk)) || 1);
    const fold = (row: SparseRow) => {
      const v = new Float64Array(dk);
      for (let p = 0; p < row.terms.length; p++) for (let d = 0; d < dk; d++) v[d] = v[d]! + row.weights[p]! * svd.terms[row.terms[p]! * dk + d]!;
      return v.map((value, d) => value * scale[d]!);
    };
    const lsaScores = queries.map((query) => {
      const v = fold(query.row);
      const norm = Math.hypot(...v) || 1;
      return Float64Array.from({ length: n }, (_, i) => {
        let dot = 0;
        for (let d = 0; d < dk; d++) dot += v[d]! * documentVectors[i * dk + d]!;
        return Math.max(0, dot / norm / docNorms[i]!);
      });
    });
    const lsaTop = lsaScores.map((scores) => topScores(scores, DEPTH));
    const bmTop = bm25Scores.map((scores) => topScores(scores, DEPTH));
    const hyTop = hybridScores?.map((scores) => topScores(scores, DEPTH));
    const ftTop = fullTextScores?.map((scores) => topScores(scores, DEPTH));
    const fused = (w: number, rerank: boolean, base = bmTop, gap = Infinity, cover = Infinity) =>
      queries.map((query, q) => {
        const combined = new Map<number, number>();
        const bm = base[q]!;
        // cover: fuse only when the base's first document holds less than `cover` of the question's words (idf-weighted).
        if (cover !== Infinity && bm.size > 0) {
          const first = docs[rankOfIndex(bm)]!;
          const all = [...query.terms.keys()].reduce((sum, term) => sum + idf(term), 0);
          const held = [...query.terms.keys()].filter((term) => first.tf.has(term)).reduce((sum, term) => sum + idf(term), 0);
          if (all > 0 && held / all >= cover) return ndcg(rankOf(bm, ids), query.judged);
        }
        // gap: fuse only when the base ranking's runner-up is within `gap` of its leader (normalised scores).
        const runnerUp = [...bm.values()].sort((a, b) => b - a)[1];
        if (gap !== Infinity && (runnerUp === undefined || 1 - runnerUp >= gap)) return ndcg(rankOf(bm, ids), query.judged);
        // rerank: LSA min-max normalised over BM25's candidates only.
        const lsa = rerank ? topScores(Float64Array.from(lsaScores[q]!, (value, i) => (bm.has(i) ? value : 0)), DEPTH) : lsaTop[q]!;
        const candidates = rerank ? [...bm.keys()] : [...new Set([...bm.keys(), ...lsa.keys()])];
        for (const i of candidates) combined.set(i, (1 - w) * (bm.get(i) ?? 0) + w * (lsa.get(i) ?? 0));
        return ndcg(rankOf(combined, ids), query.judged);
      });
    // Expansion: term vectors V_k Σ_k, the 5 nearest words not in the question, weight 0.3 each.
    const termVectors = Float64Array.from(svd.terms, (value, position) => value * svd.singular[position % dk]!);
    const termNorms = Float64Array.from({ length: vocabulary.length }, (_, t) => Math.hypot(...termVectors.subarray(t * dk, (t + 1) * dk)) || 1);
    const expanded = queries.map((query) => {
      const v = fold(query.row);
      const norm = Math.hypot(...v) || 1;
      const near = vocabulary
        .map((term, t) => {
          let dot = 0;
          for (let d = 0; d < dk; d++) dot += v[d]! * termVectors[t * dk + d]!;
          return { term, cosine: dot / norm / termNorms[t]! };
        })
        .filter((hit) => !query.terms.has(hit.term))
        .sort((a, b) => b.cosine - a.cosine)
        .slice(0, 5);
      const terms = new Map(query.terms);
      for (const hit of near) terms.set(hit.term, 0.3);
      return ndcg(rankOf(topScores(bm25(terms), DEPTH), ids), query.judged);
    });
    lines.push(`k=${dk} (${seconds} s) lsa ${cell(lsaTop.map((top, q) => ndcg(rankOf(top, ids), queries[q]!.judged)))}`);
    for (const w of WEIGHTS) lines.push(`  w=${w} fused ${cell(fused(w, false))}  rerank ${cell(fused(w, true))}`);
    if (ftTop) for (const w of WEIGHTS) lines.push(`  w=${w} fulltext+lsa ${cell(fused(w, false, ftTop))}  rerank ${cell(fused(w, true, ftTop))}`);
    if (hyTop) for (const w of WEIGHTS) lines.push(`  w=${w} hybrid+lsa ${cell(fused(w, false, hyTop))}  rerank ${cell(fused(w, true, hyTop))}`);
    if (hyTop) for (const cover of COVERS) for (const w of WEIGHTS) lines.push(`  cover<${cover} w=${w} hybrid+lsa ${cell(fused(w, false, hyTop, Infinity, cover))}`);
    if (hyTop) for (const gap of GAPS) for (const w of WEIGHTS) lines.push(`  gap<${gap} w=${w} hybrid+lsa ${cell(fused(w, false, hyTop, gap))}`);
    lines.push(`  expand ${cell(expanded)}`);
  }
  console.log(`${collection.name}: ${n} documents, ${vocabulary.length} LSA words, ${queries.length} queries (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const line of lines) console.log(`  ${line}`);
}
