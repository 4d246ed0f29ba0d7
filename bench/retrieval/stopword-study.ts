import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import * as lists from "stopword";
import { stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics } from "./metrics";

// LENGTH=words|tokens CJK=1 tsx bench/retrieval/stopword-study.ts <BEIR folder> ...
// In-memory BM25 at the document level (k1 1.2, b 0.75; lengths in cl100k tokens like chunk.tokenCount, or in
// words) with different ways of dropping a question's function words: none (the BM25 baseline), the product's list
// (stopwords.ts), the stopword package's lists as the product used them until 2026-12-05 (its 621-word German list,
// no Russian), and only the lists of the languages with most hits in the question. With CJK=1 also over CJK
// bigrams (frontdesk_search_text) against runs of letters. Prints nDCG@10/R@10/MRR@10 per collection and rule.
const table = lists as unknown as Record<string, string[]>;
const extra = "when why does doesn don dont will shall may just whom whose please tell know want need let hi hello thanks".split(" ");
const fold = (word: string) => normalizeSearchText(word.toLowerCase().normalize("NFC"));
const variants = (word: string) => [fold(word), fold(word.normalize("NFKD").replace(/\p{M}+/gu, ""))];
const foldAll = (words: readonly string[]) => new Set(words.flatMap(variants));

const product = foldAll([...stopwords]);
const packageLists = foldAll(["eng", "spa", "fra", "deu", "por", "ita", "nld", "ara"].flatMap((l) => table[l]!).concat(extra));
const perLanguage = new Map(
  ["eng", "spa", "fra", "deu", "por", "ita", "nld", "ara", "rus"].map((l) => [l, foldAll([...table[l]!, ...(l === "eng" ? extra : [])])]),
);
const detected = (terms: string[]) => {
  const hits = [...perLanguage].map(([language, set]) => ({ set, hits: terms.filter((t) => set.has(t)).length }));
  const best = Math.max(...hits.map((x) => x.hits));
  const sets = best === 0 ? [] : hits.filter((x) => x.hits === best).map((x) => x.set);
  return terms.filter((t) => !sets.some((set) => set.has(t)));
};
const rules: Record<string, (terms: string[]) => string[]> = {
  none: (t) => t,
  product: (t) => t.filter((w) => !product.has(w)),
  "package lists": (t) => t.filter((w) => !packageLists.has(w)),
  "question's languages": detected,
};

const words = (text: string) => tokenize(normalizeSearchText(text));
const runs = (text: string) => tokenize(text); // the baseline's words: CJK phrases stay whole
for (const folder of process.argv.slice(2)) {
  const c = await loadBeir(folder);
  for (const [split, tokens] of Object.entries(process.env.CJK === "1" ? { bigrams: words, runs } : { words })) {
    const docs = c.documents
      .filter((d) => documentText(d).trim() !== "")
      .map((d) => {
        const all = tokens(documentText(d));
        const tf = new Map<string, number>();
        for (const t of all) tf.set(t, (tf.get(t) ?? 0) + 1);
        return { id: d.id, tf, len: Math.max(1, process.env.LENGTH === "words" ? all.length : countTokens(documentText(d))) };
      });
    const df = new Map<string, number>();
    for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    const avg = docs.reduce((a, d) => a + d.len, 0) / n;
    for (const [name, rule] of Object.entries(rules)) {
      const per = c.queries.map((q) => {
        const terms = rule([...new Set(tokens(q.text))]);
        const ranked = docs
          .map((d) => {
            let s = 0;
            for (const t of terms) {
              const f = d.tf.get(t);
              if (!f) continue;
              const idf = Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
              s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avg));
            }
            return { id: d.id, s };
          })
          .filter((x) => x.s > 0)
          .sort((a, b) => b.s - a.s)
          .slice(0, 10)
          .map((x) => x.id);
        return rankingMetrics(ranked, c.qrels.get(q.id) ?? new Map());
      });
      const m = meanMetrics(per);
      console.log(`${c.name.padEnd(14)} ${split.padEnd(7)} ${name.padEnd(22)} ${m.ndcg10.toFixed(3)}/${m.recall10.toFixed(3)}/${m.mrr10.toFixed(3)}`);
    }
  }
}
