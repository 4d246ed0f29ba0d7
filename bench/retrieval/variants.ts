import { createDatabase } from "@frontdesk/db";
import { createBm25Index, DEFAULT_CANDIDATES, hybridSearch, LocalEmbeddings, type HybridSearchInput } from "@frontdesk/rag";
import { readCachedCorpus } from "./corpus-cache";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// tsx bench/retrieval/variants.ts <BEIR folder> <database url kept by bench:retrieval --keep-database> '<JSON list of hybridSearch options>'
// Scores hybrid search with each option set on an already ingested collection, e.g. '[{},{"feedback":false}]'.
const [folder, url, variantsJson] = process.argv.slice(2);
if (!folder || !url || !variantsJson) throw new Error("usage: variants.ts <BEIR folder> <kept database url> '<JSON options list>'");
const c = await loadBeir(folder);
const cached = await readCachedCorpus(url, c);
if (!cached) throw new Error(`no corpus of ${c.name} kept in ${url}: run npm run bench:retrieval -- ${folder} --keep-database ${url} first`);
const db = await createDatabase({ databaseUrl: url, env: {} });
const ids = cached.corpus.beirIdsByDocumentId;
const scope = { organizationId: cached.corpus.organizationId, knowledgeBaseIds: [cached.corpus.knowledgeBaseId] };
const vecs = await new LocalEmbeddings().embedDocuments(c.queries.map((q) => q.text));
const bm25 = createBm25Index(c.documents.map((d) => ({ id: d.id, text: documentText(d) })));
const f = (m: { ndcg10: number; recall10: number; mrr10: number }) => `${m.ndcg10.toFixed(3)}/${m.recall10.toFixed(3)}/${m.mrr10.toFixed(3)}`;
const b = meanMetrics(c.queries.map((q) => rankingMetrics(bm25.search(q.text, 10).map((h) => h.id), c.qrels.get(q.id) ?? new Map())));
console.log(`${c.name} bm25 ${f(b)}`);
for (const options of JSON.parse(variantsJson) as Array<Partial<HybridSearchInput>>) {
  const per = [];
  for (const [i, q] of c.queries.entries()) {
    const hits = await hybridSearch(db.prisma, { ...scope, query: q.text, queryVector: vecs[i]!, limit: 50, candidates: DEFAULT_CANDIDATES, ...options });
    per.push(rankingMetrics(toDocumentRanking(hits.flatMap((h) => ids.get(h.documentId) ?? [])).slice(0, 10), c.qrels.get(q.id) ?? new Map()));
  }
  const m = meanMetrics(per);
  console.log(`${c.name} ${JSON.stringify(options).padEnd(60)} ${f(m)}  ×${(m.ndcg10 / b.ndcg10).toFixed(3)}`);
}
await db.close();
process.exit(0);
