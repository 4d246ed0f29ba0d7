import { normalizeSearchText, tokenize } from "@frontdesk/rag";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { inMemoryStatistics } from "./in-memory-statistics";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/proximity-study.ts <BEIR folder> ...   [LAMBDA=0,0.1,0.2,0.4] [WINDOW=5] [K1=1.2] [B=0.75] [COMPOUND=0]
// In memory, at the document level: BM25 as the SQL full text ranks it (stop words dropped, word forms at 0.5)
// plus a term-proximity part (BM25TP, Rasolofo & Savoy 2003): every pair of occurrences of two different query
// terms at most WINDOW words apart adds 1/distance² to both terms' accumulators, and each term then adds
// min(1, idf) × acc × (k1 + 1) / (acc + K) (K: BM25's length-normalised k1), weighted by LAMBDA.
const stop = new Set([...stopwords].map(normalizeSearchText));
const lambdas = (process.env.LAMBDA ?? "0,0.1,0.2,0.4,0.7,1").split(",").map(Number);
const window = Number(process.env.WINDOW ?? 5);
const compoundWeight = Number(process.env.COMPOUND ?? 0);
const K1 = Number(process.env.K1 ?? 1.2);
const B = Number(process.env.B ?? 0.75);
const FORM_WEIGHT = 0.5;
for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const docs = collection.documents.filter((d) => documentText(d).trim() !== "").map((d) => {
    const words = tokenize(normalizeSearchText(documentText(d)));
    const tf = new Map<string, number>();
    const positions = new Map<string, number[]>();
    let kept = 0;
    words.forEach((word, at) => {
      if (stop.has(word)) return;
      kept += 1;
      tf.set(word, (tf.get(word) ?? 0) + 1);
      positions.set(word, [...(positions.get(word) ?? []), at]);
    });
    return { id: d.id, tf, positions, length: Math.max(1, kept) };
  });
  const { df, documents: n, averageLength: average, forms } = inMemoryStatistics(docs);
  const queries = collection.queries.map((query) => {
    const sequence = tokenize(normalizeSearchText(query.text)).filter((term) => !stop.has(term));
    const terms = [...new Set(sequence)];
    // COMPOUND > 0: adjacent content words written as one word in the collection ("read line" → "readline").
    const compounds = compoundWeight > 0 ? [...new Set(sequence.flatMap((_, at) => [2, 3].map((size) => sequence.slice(at, at + size)).filter((run) => run.length > 1).map((run) => run.join(""))))].filter((word) => df.has(word) && !terms.includes(word)) : [];
    const classes = [...terms.map((term) => [term, ...forms(term).filter((form) => !terms.includes(form))]), ...compounds.map((word) => [word])];
    const classWeight = classes.map((_, index) => (index < terms.length ? 1 : compoundWeight));
    const classDf = classes.map((forms) => (forms.length === 1 ? (df.get(forms[0]!) ?? 0) : docs.filter((doc) => forms.some((form) => doc.tf.has(form))).length));
    const idf = classDf.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    const parts = docs.map((doc) => {
      const norm = K1 * (1 - B + (B * doc.length) / average);
      let bm25 = 0;
      const occurrences: Array<{ at: number; term: number }> = [];
      classes.forEach((forms, index) => {
        const tf = forms.reduce((sum, form, at) => sum + (doc.tf.get(form) ?? 0) * (at === 0 ? 1 : FORM_WEIGHT), 0);
        if (tf === 0) return;
        bm25 += (classWeight[index]! * idf[index]! * tf * (K1 + 1)) / (tf + norm);
        for (const form of forms) for (const at of doc.positions.get(form) ?? []) occurrences.push({ at, term: index });
      });
      let proximity = 0;
      if (bm25 > 0 && classes.length > 1) {
        occurrences.sort((a, b) => a.at - b.at);
        const acc = new Array<number>(classes.length).fill(0);
        for (let i = 0; i < occurrences.length; i += 1) {
          for (let j = i + 1; j < occurrences.length && occurrences[j]!.at - occurrences[i]!.at <= window; j += 1) {
            if (occurrences[j]!.term === occurrences[i]!.term) continue;
            const weight = 1 / (occurrences[j]!.at - occurrences[i]!.at) ** 2;
            acc[occurrences[i]!.term]! += weight;
            acc[occurrences[j]!.term]! += weight;
          }
        }
        acc.forEach((value, index) => {
          if (value > 0) proximity += (Math.min(1, idf[index]!) * value * (K1 + 1)) / (value + norm);
        });
      }
      return { id: doc.id, bm25, proximity };
    });
    return { query, parts: parts.filter((part) => part.bm25 > 0) };
  });
  const cells = lambdas.map((lambda) => {
    const metrics = meanMetrics(queries.map(({ query, parts }) => {
      const ranking = parts
        .map((part) => ({ id: part.id, score: part.bm25 + lambda * part.proximity }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10)
        .map((hit) => hit.id);
      return rankingMetrics(ranking, collection.qrels.get(query.id) ?? new Map());
    }));
    return `λ ${lambda}: ${metrics.ndcg10.toFixed(3)}/${metrics.mrr10.toFixed(3)}`;
  });
  console.log(collection.name.padEnd(14), cells.join("  "));
}
