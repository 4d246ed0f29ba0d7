import { normalizeSearchText, tokenize } from "@frontdesk/rag";
import { sameStem } from "../../packages/rag/src/answering/score-units";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { inMemoryStatistics } from "./in-memory-statistics";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// tsx bench/retrieval/word-forms-study.ts <BEIR folder> ...   [W=0,0.5,1]
// In memory, at the document level: BM25 as the SQL full text ranks (stop words dropped, lengths in words) with each
// query word's class of forms from the collection's vocabulary (sameWordForm, as FullTextSearchInput.wordForms does;
// STEM=english: sameStem, English endings only, the rule before word-endings.ts):
// term frequency = typed form + W × other forms, document frequency of any form. W=0 is plain BM25.
const stop = new Set([...stopwords].map(normalizeSearchText));
const weights = (process.env.W ?? "0,0.5,1").split(",").map(Number);
for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const docs = collection.documents.filter((d) => documentText(d).trim() !== "").map((d) => {
    const words = tokenize(normalizeSearchText(documentText(d)));
    const tf = new Map<string, number>();
    for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
    return { id: d.id, tf, length: Math.max(1, words.length) };
  });
  const { df, documents: n, averageLength: average, forms } = inMemoryStatistics(docs, process.env.STEM === "english" ? sameStem : undefined);
  const cells = weights.map((weight) => {
    const metrics = meanMetrics(collection.queries.map((query) => {
      const terms = [...new Set(tokenize(normalizeSearchText(query.text)).filter((term) => !stop.has(term)))];
      const classes = terms.map((term) => (weight > 0 ? [term, ...forms(term).filter((form) => !terms.includes(form))] : [term]));
      const classDf = classes.map((forms) => (forms.length === 1 ? (df.get(forms[0]!) ?? 0) : docs.filter((doc) => forms.some((form) => doc.tf.has(form))).length));
      const ranking = docs
        .map((doc) => {
          let score = 0;
          classes.forEach((forms, index) => {
            const tf = forms.reduce((sum, form, at) => sum + (doc.tf.get(form) ?? 0) * (at === 0 ? 1 : weight), 0);
            if (tf === 0) return;
            const idf = Math.log(1 + (n - classDf[index]! + 0.5) / (classDf[index]! + 0.5));
            score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * doc.length) / average));
          });
          return { id: doc.id, score };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, 10)
        .map((hit) => hit.id);
      return rankingMetrics(ranking, collection.qrels.get(query.id) ?? new Map());
    }));
    return `W ${weight}: ${metrics.ndcg10.toFixed(3)}/${metrics.recall10.toFixed(3)}/${metrics.mrr10.toFixed(3)}`;
  });
  console.log(collection.name.padEnd(18), cells.join("   "));
}
