import { openBenchApi } from "../open-bench-api";
import { evaluate, SYSTEMS, type SystemName } from "./evaluate";
import { ingestOrReuseCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";

// npm run bench:retrieval -- <BEIR folder> [--not-relevant-grades 5] [--keep-database <postgres url>] [--no-sentence-vectors]
// Ingests the corpus through the product pipeline into a fresh knowledge base (embedded PGlite in a temp dir,
// or a fresh database on the DATABASE_URL server), then scores BM25 (in memory, the baseline), vector,
// full-text and hybrid search at the document level. The last line of output is one JSON object.

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const takesValue = new Set(["--not-relevant-grades", "--keep-database"]);
  const folder = args.find((arg, index) => !arg.startsWith("--") && !takesValue.has(args[index - 1] ?? ""));
  if (!folder) {
    console.error("usage: npm run bench:retrieval -- <BEIR folder: corpus.jsonl, queries.jsonl, qrels/test.tsv> [--not-relevant-grades 5] [--keep-database <postgres url>] [--no-sentence-vectors]");
    process.exit(2);
  }
  const gradesArg = args[args.indexOf("--not-relevant-grades") + 1];
  const notRelevantGrades = args.includes("--not-relevant-grades") && gradesArg !== undefined ? gradesArg.split(",").map(Number) : undefined;
  const collection = await loadBeir(folder, { notRelevantGrades });
  const keepDatabaseUrl = args.includes("--keep-database") ? args[args.indexOf("--keep-database") + 1] : undefined;
  // --no-sentence-vectors: ingest without the sentence vectors of extractive answers (no system here reads them).
  const api = await openBenchApi({ keepDatabaseUrl, sentenceVectors: !args.includes("--no-sentence-vectors") });
  try {
    const { model } = api.deps.rag.embeddings;
    console.log(
      `${collection.name}: ${collection.documents.length} documents, ${collection.queries.length} judged queries; ` +
        `${model} embeddings, ${api.databaseLabel}` +
        (collection.notRelevantGrades.length > 0 ? `; grades ${collection.notRelevantGrades.join(",")} count as not relevant` : ""),
    );
    const { corpus, ingestSeconds, reused } = await ingestOrReuseCorpus(api, collection, keepDatabaseUrl);
    console.log(`${reused ? "reused" : "ingested"} ${corpus.beirIdsByDocumentId.size} documents as ${corpus.chunks} chunks (ingested in ${ingestSeconds.toFixed(1)} s)`);

    const results = await evaluate(api, collection, corpus);
    console.log("");
    console.log("system            nDCG@10  R@10   MRR@10  ms/query");
    for (const system of SYSTEMS) {
      const r = results[system];
      console.log(`${system.padEnd(17)} ${fmt(r.ndcg10)}   ${fmt(r.recall10)}  ${fmt(r.mrr10)}   ${r.msPerQuery.toFixed(1)}`);
    }
    console.log(`hybrid / bm25 nDCG@10: ${(results.hybrid.ndcg10 / Math.max(1e-9, results.bm25.ndcg10)).toFixed(3)}`);
    const metrics = (system: SystemName) => ({
      ndcg10: round(results[system].ndcg10),
      recall10: round(results[system].recall10),
      mrr10: round(results[system].mrr10),
    });
    console.log(
      JSON.stringify({
        collection: collection.name,
        documents: collection.documents.length,
        queries: collection.queries.length,
        bm25: metrics("bm25"),
        vector: metrics("vector"),
        fulltext: metrics("fulltext"),
        hybrid: metrics("hybrid"),
        hybridNoFeedback: metrics("hybridNoFeedback"),
        hybridRrf: metrics("hybridRrf"),
        hybridRerank: metrics("hybridRerank"),
        ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      }),
    );
  } finally {
    await api.close();
  }
}

const fmt = (value: number) => value.toFixed(3);
const round = (value: number) => Math.round(value * 1000) / 1000;

await main();
