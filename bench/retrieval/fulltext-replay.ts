import pg from "pg";
import { stopwordList } from "../../packages/rag/src/retrieval/query-terms";
import { readCachedCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";

// WEIGHTS=0,0.25,1 SIBLINGS=0,0.5 [LENGTH=words] [B=0.75] [DOCLEVEL=1] tsx bench/retrieval/fulltext-replay.ts <BEIR folder> <kept database url>
// Full text's BM25 replayed in memory from a kept database's stored tsvectors (chunk level, token-count lengths, as
// fullTextSearch's SQL; no vectors, no feedback), to separate what tokenization, function words, chunking and length
// cost against the BM25 baseline: WEIGHTS keeps the question's function words at that weight (0: dropped, as the
// product), SIBLINGS credits a chunk, at that discount, with query words other chunks of its document hold,
// LENGTH=words measures length in indexed words instead of tokenCount, DOCLEVEL=1 merges each document's chunks.
const [folder, url] = process.argv.slice(2);
const c = await loadBeir(folder!);
const cached = await readCachedCorpus(url!, c);
if (!cached) throw new Error("not kept");
const client = new pg.Client({ connectionString: url });
await client.connect();
const kb = cached.corpus.knowledgeBaseId;
const rows = (await client.query<{ id: string; doc: string; dl: number; lexeme: string; tf: number }>(
  `SELECT c.id, c."documentId" AS doc, greatest(c."tokenCount", 1) AS dl, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf
     FROM chunk c CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights) WHERE c."knowledgeBaseId" = $1`, [kb])).rows;
const chunks = new Map<string, { doc: string; dl: number; tf: Map<string, number> }>();
const words = process.env.LENGTH === "words";
for (const r of rows) {
  const ch = chunks.get(r.id) ?? { doc: r.doc, dl: words ? 0 : r.dl, tf: new Map() };
  ch.tf.set(r.lexeme, r.tf);
  if (words) ch.dl += r.tf;
  chunks.set(r.id, ch);
}
if (process.env.DOCLEVEL === "1") {
  // Every document as one chunk: its chunks' term frequencies and lengths added up (overlap counted twice).
  const merged = new Map<string, { doc: string; dl: number; tf: Map<string, number> }>();
  for (const ch of chunks.values()) {
    const m = merged.get(ch.doc) ?? { doc: ch.doc, dl: 0, tf: new Map() };
    m.dl += ch.dl;
    for (const [t, f] of ch.tf) m.tf.set(t, (m.tf.get(t) ?? 0) + f);
    merged.set(ch.doc, m);
  }
  chunks.clear();
  for (const [doc, m] of merged) chunks.set(doc, m);
}
const byDoc = new Map<string, string[]>();
for (const [id, ch] of chunks) byDoc.set(ch.doc, [...(byDoc.get(ch.doc) ?? []), id]);
const df = new Map<string, number>();
for (const ch of chunks.values()) for (const t of ch.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
const n = chunks.size;
const avg = [...chunks.values()].reduce((a, ch) => a + ch.dl, 0) / n;
const stop = new Set(stopwordList);
const qlex = new Map<string, string[]>();
for (const q of c.queries) {
  const r = await client.query<{ l: string[] }>(`SELECT tsvector_to_array(to_tsvector('simple', frontdesk_search_text($1))) AS l`, [q.text]);
  qlex.set(q.id, r.rows[0]!.l);
}
await client.end();
const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
const B = Number(process.env.B ?? 0.75);
const part = (f: number, dl: number) => (f * 2.2) / (f + 1.2 * (1 - B + (B * dl) / avg));
const docIds = cached.corpus.beirIdsByDocumentId;
function run(w: number, sibling: number) {
  const per = c.queries.map((q) => {
    const terms = qlex.get(q.id)!.map((t) => ({ t, w: stop.has(t) ? w : 1 })).filter((x) => x.w > 0);
    const content = terms.filter((x) => !stop.has(x.t));
    const contrib = new Map<string, Map<string, number>>(); // chunk -> term -> weighted score
    for (const [id, ch] of chunks) {
      if (!content.some((x) => ch.tf.has(x.t))) continue;
      const m = new Map<string, number>();
      for (const { t, w: wt } of terms) { const f = ch.tf.get(t); if (f) m.set(t, wt * idf(t) * part(f, ch.dl)); }
      contrib.set(id, m);
    }
    const scored = [...contrib].map(([id, m]) => {
      let s = [...m.values()].reduce((a, b) => a + b, 0);
      if (sibling > 0) {
        for (const { t } of terms) {
          if (m.has(t)) continue;
          let best = 0;
          for (const other of byDoc.get(chunks.get(id)!.doc) ?? []) best = Math.max(best, contrib.get(other)?.get(t) ?? 0);
          s += sibling * best;
        }
      }
      return { id, s };
    });
    scored.sort((a, b) => b.s - a.s || a.id.localeCompare(b.id));
    const ranking = toDocumentRanking(scored.slice(0, 100).flatMap((x) => docIds.get(chunks.get(x.id)!.doc) ?? [])).slice(0, 10);
    return rankingMetrics(ranking, c.qrels.get(q.id) ?? new Map());
  });
  return meanMetrics(per).ndcg10.toFixed(4);
}
const multi = [...byDoc.values()].filter((ids) => ids.length > 1).length;
console.log(`${c.name}: ${n} chunks, ${byDoc.size} documents, ${multi} with several chunks`);
for (const w of (process.env.WEIGHTS ?? "0,0.1,0.25,1").split(",").map(Number)) {
  console.log(`  w=${w}: ` + (process.env.SIBLINGS ?? "0,0.25,0.5,1").split(",").map(Number).map((s) => `sib ${s} ${run(w, s)}`).join("  "));
}
