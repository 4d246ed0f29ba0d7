import { writeFile } from "node:fs/promises";
import { DEFAULT_CANDIDATES, fullTextSearch, hybridSearch } from "@frontdesk/rag";
import { openBenchApi } from "../open-bench-api";
import { ingestOrReuseCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";

// tsx bench/retrieval/dump-hybrid.ts <BEIR folder> <out.json> <kept postgres url>
// Ingests once (no sentence vectors, as `bench:retrieval --no-sentence-vectors`; later runs reuse the kept database)
// and writes every query's default hybridSearch ranking at the document level (BEIR ids, the best chunk's fused
// score, top 50, as variants.ts) and its full-text ranking alone (`fullText`, as the `fulltext` system), so that another signal can be fused with the product's ranking offline (lsa-study.ts --hybrid).
const [folder, out, url] = process.argv.slice(2);
if (!folder || !out || !url) throw new Error("usage: dump-hybrid.ts <BEIR folder> <out.json> <kept postgres url>");
const collection = await loadBeir(folder);
const api = await openBenchApi({ keepDatabaseUrl: url, sentenceVectors: false });
try {
  const { corpus, ingestSeconds, reused } = await ingestOrReuseCorpus(api, collection, url);
  console.log(`${collection.name}: ${corpus.chunks} chunks, ${reused ? "reused" : `ingested in ${ingestSeconds.toFixed(0)} s`}`);
  const scope = { organizationId: corpus.organizationId, knowledgeBaseIds: [corpus.knowledgeBaseId] };
  const vectors = await api.deps.rag.embeddings.embeddings.embedDocuments(collection.queries.map((query) => query.text));
  const queries: Record<string, Array<[string, number]>> = {};
  const fullText: Record<string, Array<[string, number]>> = {};
  const documentLevel = (hits: Array<{ documentId: string; score: number }>) => {
    const best = new Map<string, number>();
    for (const hit of hits) for (const id of corpus.beirIdsByDocumentId.get(hit.documentId) ?? []) if (!best.has(id)) best.set(id, hit.score);
    return [...best];
  };
  for (const [index, query] of collection.queries.entries()) {
    const hits = await hybridSearch(api.deps.prisma, { ...scope, query: query.text, queryVector: vectors[index] ?? [], limit: 50, candidates: DEFAULT_CANDIDATES });
    queries[query.id] = documentLevel(hits);
    fullText[query.id] = documentLevel(await fullTextSearch(api.deps.prisma, { ...scope, query: query.text, limit: 50 }));
  }
  await writeFile(out, JSON.stringify({ collection: collection.name, queries, fullText }));
  console.log(`wrote ${collection.queries.length} queries to ${out}`);
} finally {
  await api.close();
}
