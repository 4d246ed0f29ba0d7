import { writeFile } from "node:fs/promises";
import { chunkSimilarities, searchFullText, sentenceSimilarities, vectorSearch } from "@frontdesk/rag";
import { openBenchApi } from "../open-bench-api";
import { ingestOrReuseCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";

// tsx bench/retrieval/dump-candidates.ts <BEIR folder> <out.json> [--keep-database <postgres url>] [--word-forms] [--no-sentence-vectors]
// Ingests once and writes every query's vector and full-text candidates (with scores and the cosine similarity of
// each full-text hit, and the cosine of each candidate's stored sentence vectors, rounded to 3 decimals) so that
// fusion methods can be compared offline without re-ingesting (fusion-study.ts, sentence-study.ts), and how many
// terms of the question were searched. --word-forms: the full-text side searches with other forms of the question's
// words (the first pass of hybridSearch({ wordForms: true })). --no-sentence-vectors: ingest without sentence vectors
// (as `bench:retrieval --no-sentence-vectors`; about 5x faster, and the dump's `sentences` are then empty).

const DEPTH = 200;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [folder, out] = args.filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--keep-database");
  const wordForms = args.includes("--word-forms");
  if (!folder || !out) throw new Error("usage: dump-candidates.ts <BEIR folder> <out.json> [--keep-database <postgres url>]");
  const keepDatabaseUrl = args.includes("--keep-database") ? args[args.indexOf("--keep-database") + 1] : undefined;
  const collection = await loadBeir(folder);
  const api = await openBenchApi({ keepDatabaseUrl, sentenceVectors: !args.includes("--no-sentence-vectors") });
  try {
    const { corpus } = await ingestOrReuseCorpus(api, collection, keepDatabaseUrl);
    const { prisma } = api.deps;
    const scope = { organizationId: corpus.organizationId, knowledgeBaseIds: [corpus.knowledgeBaseId] };
    const vectors = await api.deps.rag.embeddings.embeddings.embedDocuments(collection.queries.map((query) => query.text));
    const queries = [];
    for (const [index, query] of collection.queries.entries()) {
      const queryVector = vectors[index] ?? [];
      const vector = await vectorSearch(prisma, { ...scope, queryVector, limit: DEPTH });
      const { hits: text, queryTerms } = await searchFullText(prisma, { ...scope, query: query.text, limit: DEPTH, wordForms });
      const sims = await chunkSimilarities(prisma, scope, queryVector, text.map((hit) => hit.chunkId));
      const candidates = [...new Set([...vector, ...text].map((hit) => hit.chunkId))];
      const sentences = await sentenceSimilarities(prisma, scope, queryVector, candidates);
      queries.push({
        id: query.id,
        text: query.text,
        terms: queryTerms,
        vector: vector.map((hit) => ({ chunkId: hit.chunkId, documentId: hit.documentId, score: hit.score })),
        fullText: text.map((hit) => ({ chunkId: hit.chunkId, documentId: hit.documentId, score: hit.score, coverage: hit.coverage, similarity: sims.get(hit.chunkId) ?? null })),
        sentences: Object.fromEntries([...sentences].map(([id, values]) => [id, values.map((value) => Math.round(value * 1000) / 1000)])),
      });
    }
    const documents = Object.fromEntries(corpus.beirIdsByDocumentId);
    const qrels = Object.fromEntries([...collection.qrels].map(([id, judged]) => [id, Object.fromEntries(judged)]));
    await writeFile(out, JSON.stringify({ collection: collection.name, documents, qrels, queries }));
    console.log(`wrote ${queries.length} queries to ${out}`);
  } finally {
    await api.close();
  }
}

await main();
