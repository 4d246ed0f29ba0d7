import { writeFile } from "node:fs/promises";
import { DEFAULT_CANDIDATES, hybridSearch, type HybridSearchInput } from "@frontdesk/rag";
import { openKeptCollection } from "./kept-collection";
import { toDocumentRanking } from "./metrics";

// tsx bench/retrieval/loss-study.ts <BEIR folder> <kept url> <out.json> ['{"name": options}']
// Per query, the rank (1-based, 0 = not in the top 50) of its best judged document in BM25 and in hybrid search
// with each option set, to see which kind of question loses to BM25 and where the right document was instead.
const [folder, url, out, variantsJson] = process.argv.slice(2);
if (!folder || !url || !out) throw new Error("usage: loss-study.ts <BEIR folder> <kept url> <out.json> ['{name: options}']");
const variants: Record<string, Partial<HybridSearchInput>> = { default: {}, ...(variantsJson ? JSON.parse(variantsJson) : {}) };
const { collection, db, ids, scope, vectors, bm25, judged } = await openKeptCollection(folder, url);
const titles = new Map(collection.documents.map((d) => [d.id, d.title]));
const rows = [];
const rankOf = (ranking: string[], relevant: Map<string, number>) => {
  const index = ranking.findIndex((id) => (relevant.get(id) ?? 0) > 0);
  return index + 1;
};
for (const [index, query] of collection.queries.entries()) {
  const relevant = judged(query.id);
  const b = bm25.search(query.text, 50).map((hit) => hit.id);
  const row: Record<string, unknown> = { id: query.id, text: query.text, relevant: [...relevant.keys()].map((id) => titles.get(id)), bm25: rankOf(b, relevant), bm25Top: titles.get(b[0] ?? "") };
  for (const [name, options] of Object.entries(variants)) {
    const hits = await hybridSearch(db.prisma, { ...scope, query: query.text, queryVector: vectors[index]!, limit: 50, candidates: DEFAULT_CANDIDATES, ...options });
    const ranking = toDocumentRanking(hits.flatMap((hit) => ids.get(hit.documentId) ?? []));
    row[name] = rankOf(ranking, relevant);
    row[`${name}Top`] = titles.get(ranking[0] ?? "");
  }
  rows.push(row);
}
await writeFile(out, JSON.stringify(rows, null, 1));
await db.close();
process.exit(0);
