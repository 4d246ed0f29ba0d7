import { countTokens, normalizeSearchText, tokenize } from "@frontdesk/rag";
import { joinedLetters } from "../../packages/rag/src/retrieval/letter-parts";
import { ara } from "stopword";
import { functionWordsByLanguage, stopwords } from "../../packages/rag/src/retrieval/stopwords";
import { documentText, loadBeir } from "./load-beir";
import { rankingMetrics } from "./metrics";

// [RARE=0.05] tsx bench/retrieval/letter-parts-study.ts <BEIR folder> ...
// In memory, BM25 at the document level (k1 1.2, b 0.75, lengths in tokens; no word forms, no vectors): what the
// question's lone letters are worth. `today` drops every stop word (the 26 Latin letters among them); `joined` keeps
// the letters joined to a token by punctuation ("I/O", "C++", "-n"; letter-parts.ts); `every letter` keeps all 26.
// nDCG@10 over all queries (halves even / odd).
// Two rules for stop words of one language that are another's content words ("vi", "io": Italian function words,
// English names; bench/README.md, session 13 `langs`): `unsignalled` keeps a stop word (2+ letters) when no other word
// of the question is a function word of a language it belongs to; `unsignalled+rare` only when it is also in fewer
// than RARE (default 0.05) of the collection's documents.
const stop = new Set([...stopwords].map(normalizeSearchText));
const RARE = Number(process.env.RARE ?? 0.05);
const languagesOf = new Map<string, Set<string>>();
for (const [language, list] of Object.entries({ ...functionWordsByLanguage, ar: ara })) {
  for (const word of list) {
    const lower = word.toLowerCase();
    for (const folded of [normalizeSearchText(lower), normalizeSearchText(lower.normalize("NFKD").replace(/\p{M}+/gu, ""))]) {
      languagesOf.set(folded, (languagesOf.get(folded) ?? new Set()).add(language));
    }
  }
}
const shareLanguage = (a: string, b: string) => [...(languagesOf.get(a) ?? [])].some((language) => languagesOf.get(b)?.has(language));
const unsignalled = (terms: string[]) =>
  new Set(terms.filter((term) => term.length > 1 && stop.has(term) && !terms.some((other) => other !== term && other.length > 1 && shareLanguage(term, other))));
const letters = new Set([..."abcdefghijklmnopqrstuvwxyz"]);
const termsOf = (text: string) => tokenize(normalizeSearchText(text));
const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(4);

for (const folder of process.argv.slice(2)) {
  const collection = await loadBeir(folder);
  const docs = collection.documents.filter((d) => documentText(d).trim() !== "").map((d) => {
    const tf = new Map<string, number>();
    for (const word of termsOf(documentText(d))) tf.set(word, (tf.get(word) ?? 0) + 1);
    return { id: d.id, tf, length: Math.max(1, countTokens(documentText(d))) };
  });
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  const ranking = (terms: string[]) =>
    docs
      .map((doc) => {
        let score = 0;
        for (const term of new Set(terms)) {
          const f = doc.tf.get(term);
          const d = df.get(term) ?? 0;
          if (f) score += Math.log(1 + (n - d + 0.5) / (d + 0.5)) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / average)));
        }
        return { id: doc.id, score };
      })
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, 10)
      .map((hit) => hit.id);
  const rules: Record<string, (term: string, joined: Set<string>, kept: Set<string>) => boolean> = {
    today: (term) => !stop.has(term),
    joined: (term, joined) => !stop.has(term) || joined.has(term),
    "every letter": (term) => !stop.has(term) || letters.has(term),
    unsignalled: (term, joined, kept) => !stop.has(term) || joined.has(term) || kept.has(term),
    "unsignalled+rare": (term, joined, kept) => !stop.has(term) || joined.has(term) || (kept.has(term) && (df.get(term) ?? 0) / n < RARE),
  };
  const cells = Object.entries(rules).map(([name, keep]) => {
    const per = collection.queries.map((query) => {
      const joined = joinedLetters(query.text);
      const terms = termsOf(query.text);
      const kept = unsignalled([...new Set(terms)]);
      return rankingMetrics(ranking(terms.filter((term) => keep(term, joined, kept))), collection.qrels.get(query.id) ?? new Map()).ndcg10;
    });
    return `${name} ${mean(per)} (${mean(per.filter((_, i) => i % 2 === 0))}/${mean(per.filter((_, i) => i % 2 === 1))})`;
  });
  console.log(collection.name.padEnd(10), cells.join("  "));
}
