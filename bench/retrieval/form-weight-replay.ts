import pg from "pg";
import { stopwordList } from "../../packages/rag/src/retrieval/query-terms";
import { FORM_WEIGHT, formPrefix, formShare, takesForms, wordFormsOf } from "../../packages/rag/src/retrieval/word-forms";
import { readCachedCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// tsx bench/retrieval/form-weight-replay.ts <BEIR folder> <kept database url> [VARIANTS=none,fixed,formShare,...] [PER_QUERY=a,b] [FUNCTION=0.25]
// Full text's BM25 with word forms replayed in memory from a kept database's stored tsvectors (chunk level, as
// fullTextSearch ranks: function words dropped, the forms wordFormsOf keeps among the chunks' lexemes, no feedback,
// no vectors), with each way a form may weigh in its class (form-weight-study.ts is the same at the document level,
// from the collection's text). PER_QUERY=a,b prints the queries whose nDCG@10 differs between variants a and b.
const [folder, url] = process.argv.slice(2);
const collection = await loadBeir(folder!);
const cached = await readCachedCorpus(url!, collection);
if (!cached) throw new Error("not kept");
const client = new pg.Client({ connectionString: url });
await client.connect();
const rows = (await client.query<{ id: string; doc: string; dl: number; lexeme: string; tf: number }>(
  `SELECT c.id, c."documentId" AS doc, greatest(c."tokenCount", 1) AS dl, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf
     FROM chunk c CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights) WHERE c."knowledgeBaseId" = $1`, [cached.corpus.knowledgeBaseId])).rows;
const chunks = new Map<string, { doc: string; dl: number; tf: Map<string, number> }>();
for (const row of rows) {
  const chunk = chunks.get(row.id) ?? { doc: row.doc, dl: row.dl, tf: new Map() };
  chunk.tf.set(row.lexeme, row.tf);
  chunks.set(row.id, chunk);
}
const questions = new Map<string, string[]>();
const functionWords = new Map<string, string[]>();
for (const query of collection.queries) {
  const result = await client.query<{ l: string[] }>(`SELECT tsvector_to_array(to_tsvector('simple', frontdesk_search_text($1))) AS l`, [query.text]);
  questions.set(query.id, result.rows[0]!.l.filter((lexeme) => !stopwordList.includes(lexeme)));
  functionWords.set(query.id, result.rows[0]!.l.filter((lexeme) => stopwordList.includes(lexeme)));
}
await client.end();

const df = new Map<string, number>();
for (const chunk of chunks.values()) for (const term of chunk.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
const vocabulary = [...df.keys()];
const n = chunks.size;
const average = [...chunks.values()].reduce((sum, chunk) => sum + chunk.dl, 0) / n;
const idf = (d: number) => Math.log(1 + (n - d + 0.5) / (d + 0.5));

/** A form's share from its typed word's and its own document frequencies; dfShare: counted at it in the class's df. */
const variants: Record<string, { share?: (typedDf: number, formDf: number) => number; dfShare?: boolean; dfWeight?: (share: number) => number; unionDf?: boolean }> = {
  none: {},
  fixed: { share: () => FORM_WEIGHT },
  dfShare: { share: () => FORM_WEIGHT, dfShare: true },
  ratio: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, t / f)) },
  ratioDfShare: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, t / f)), dfShare: true },
  idfRatioDfShare: { share: (t, f) => FORM_WEIGHT * Math.min(1, idf(f) / idf(t)), dfShare: true },
  ratio2DfShare: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, (2 * t) / f)), dfShare: true },
  ratio3DfShare: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, (3 * t) / f)), dfShare: true },
  ratio15DfShare: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, (1.5 * t) / f)), dfShare: true },
  // The product's rule (word-forms.ts formShare): the typed word's part of the two words' document frequencies, at
  // most FORM_WEIGHT, and the class's df at the same shares.
  formShare: { share: formShare, dfShare: true },
  sqrtRatioDfShare: { share: (t, f) => (t <= 0 ? FORM_WEIGHT : FORM_WEIGHT * Math.min(1, Math.sqrt(t / f))), dfShare: true },
  // formShare's term frequency; in the class's df a form no commoner than the typed word counts whole (the class
  // stands for the chunks holding any of its words), a commoner one at min(1, share / FORM_WEIGHT) of its chunks.
  formShareRarerWhole: { share: formShare, dfWeight: (share) => Math.min(1, share / FORM_WEIGHT) },
  // formShare's term frequency, the class's df the number of chunks holding any of its words.
  formShareUnionDf: { share: formShare, unionDf: true },
};

/** FUNCTION=w: the question's function words count at weight w, each its own class (0: dropped, as the product). */
const FUNCTION = Number(process.env.FUNCTION ?? 0);

function ranking(terms: readonly string[], variant: (typeof variants)[string], functionTerms: readonly string[]): string[] {
  const found = variant.share ? wordFormsOf(terms, [...new Set(terms.filter(takesForms).map(formPrefix))].flatMap((prefix) => vocabulary.filter((word) => word.startsWith(prefix))).filter((word, at, all) => all.indexOf(word) === at).map((lexeme) => ({ lexeme, df: df.get(lexeme)! }))) : [];
  const classes = terms.map((term) => {
    const typedDf = df.get(term) ?? 0;
    const members = [{ term, share: 1 }, ...found.filter((form) => form.of === term).map((form) => ({ term: form.lexeme, share: variant.share!(typedDf, form.df) }))];
    const weighed = (member: { share: number }) => (member.share === 1 ? 1 : variant.dfWeight ? variant.dfWeight(member.share) : variant.dfShare ? member.share : 1);
    const classDf = variant.unionDf
      ? [...chunks.values()].filter((chunk) => members.some((member) => chunk.tf.has(member.term))).length
      : Math.min(n, members.reduce((sum, member) => sum + (df.get(member.term) ?? 0) * weighed(member), 0));
    return { members, idf: idf(classDf), weight: 1 };
  });
  if (FUNCTION > 0) classes.push(...functionTerms.map((term) => ({ members: [{ term, share: 1 }], idf: idf(df.get(term) ?? 0), weight: FUNCTION })));
  const scored: Array<{ id: string; score: number }> = [];
  for (const [id, chunk] of chunks) {
    let score = 0;
    for (const termClass of classes) {
      const tf = termClass.members.reduce((sum, member) => sum + (chunk.tf.get(member.term) ?? 0) * member.share, 0);
      if (tf > 0) score += (termClass.weight * termClass.idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * chunk.dl) / average));
    }
    if (score > 0) scored.push({ id, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return toDocumentRanking(scored.slice(0, 100).flatMap((hit) => cached!.corpus.beirIdsByDocumentId.get(chunks.get(hit.id)!.doc) ?? [])).slice(0, 10);
}

const names = (process.env.VARIANTS ?? Object.keys(variants).join(",")).split(",");
const perQuery = new Map<string, number[]>();
const cells = names.map((name) => {
  const per = collection.queries.map((query) => rankingMetrics(ranking(questions.get(query.id)!, variants[name]!, functionWords.get(query.id)!), collection.qrels.get(query.id) ?? new Map()));
  perQuery.set(name, per.map((metrics) => metrics.ndcg10));
  const mean = meanMetrics(per);
  return `${name} ${mean.ndcg10.toFixed(3)}/${mean.recall10.toFixed(3)}/${mean.mrr10.toFixed(3)}`;
});
console.log(`${collection.name} (${n} chunks)`.padEnd(30), cells.join("  "));
const [a, b] = (process.env.PER_QUERY ?? "").split(",");
if (a && b && perQuery.has(a) && perQuery.has(b)) {
  collection.queries.forEach((query, at) => {
    const before = perQuery.get(a)![at]!;
    const after = perQuery.get(b)![at]!;
    if (Math.abs(after - before) > 1e-9) console.log(`  ${(after - before).toFixed(3)}  ${query.text}  [${questions.get(query.id)!.join(" ")}]`);
  });
}
