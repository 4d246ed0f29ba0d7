import { writeFile } from "node:fs/promises";
import { DEFAULT_CANDIDATES, hybridSearch, type HybridSearchInput } from "@frontdesk/rag";
import { openKeptCollection } from "./kept-collection";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";

// tsx bench/retrieval/per-query.ts <BEIR folder> <kept database url> '<JSON: {name: hybridSearch options}>' <out.json>
// Like variants.ts, but keeps every query's metrics per variant (and BM25's), so that a rule choosing a variant per
// query (decision-study.ts) can be scored offline without searching again.
const [folder, url, variantsJson, out] = process.argv.slice(2);
if (!folder || !url || !variantsJson || !out) throw new Error("usage: per-query.ts <BEIR folder> <kept database url> '<JSON {name: options}>' <out.json>");
const { collection, db, ids, scope, vectors, bm25, judged } = await openKeptCollection(folder, url);
const variants = JSON.parse(variantsJson) as Record<string, Partial<HybridSearchInput>>;
const perQuery: Record<string, Record<string, RankingMetrics>> = {};
for (const query of collection.queries) perQuery[query.id] = { bm25: rankingMetrics(bm25.search(query.text, 10).map((hit) => hit.id), judged(query.id)) };
for (const [name, options] of Object.entries(variants)) {
  for (const [index, query] of collection.queries.entries()) {
    const hits = await hybridSearch(db.prisma, { ...scope, query: query.text, queryVector: vectors[index]!, limit: 50, candidates: DEFAULT_CANDIDATES, ...options });
    perQuery[query.id]![name] = rankingMetrics(toDocumentRanking(hits.flatMap((hit) => ids.get(hit.documentId) ?? [])).slice(0, 10), judged(query.id));
  }
  const mean = meanMetrics(Object.values(perQuery).map((metrics) => metrics[name]!));
  console.log(`${collection.name} ${name.padEnd(24)} ${mean.ndcg10.toFixed(3)}/${mean.recall10.toFixed(3)}/${mean.mrr10.toFixed(3)}`);
}
await writeFile(out, JSON.stringify({ collection: collection.name, queries: perQuery }));
await db.close();
process.exit(0);
