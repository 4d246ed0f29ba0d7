import { createDatabase, type Database } from "@frontdesk/db";
import { createBm25Index, LocalEmbeddings, type Bm25Index } from "@frontdesk/rag";
import { readCachedCorpus } from "./corpus-cache";
import { documentText, loadBeir, type BeirCollection } from "./load-beir";

/** A collection ingested earlier by `bench:retrieval --keep-database`, opened for scoring search variants on it. */
export interface KeptCollection {
  collection: BeirCollection;
  db: Database;
  /** database document id → BEIR ids */
  ids: Map<string, string[]>;
  scope: { organizationId: string; knowledgeBaseIds: string[] };
  /** Every query's vector, in the collection's query order. */
  vectors: number[][];
  /** The in-memory BM25 baseline over the same documents. */
  bm25: Bm25Index;
  judged: (queryId: string) => Map<string, number>;
}

export async function openKeptCollection(folder: string, url: string): Promise<KeptCollection> {
  const collection = await loadBeir(folder);
  const cached = await readCachedCorpus(url, collection);
  if (!cached) throw new Error(`no corpus of ${collection.name} kept in ${url}: run npm run bench:retrieval -- ${folder} --keep-database ${url} first`);
  const db = await createDatabase({ databaseUrl: url, env: {} });
  const scope = { organizationId: cached.corpus.organizationId, knowledgeBaseIds: [cached.corpus.knowledgeBaseId] };
  const vectors = await new LocalEmbeddings().embedDocuments(collection.queries.map((query) => query.text));
  const bm25 = createBm25Index(collection.documents.map((document) => ({ id: document.id, text: documentText(document) })));
  const judged = (id: string) => collection.qrels.get(id) ?? new Map<string, number>();
  return { collection, db, ids: cached.corpus.beirIdsByDocumentId, scope, vectors, bm25, judged };
}
