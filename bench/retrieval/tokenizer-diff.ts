import pg from "pg";
import { normalizeSearchText, tokenize } from "@frontdesk/rag";
import { documentText, loadBeir } from "./load-beir";

// tsx bench/retrieval/tokenizer-diff.ts <BEIR folder> <postgres url of a migrated database>
// Where full text's words (to_tsvector('simple', frontdesk_search_text(…)), as chunks and questions are indexed)
// differ from the BM25 baseline's (tokenize(normalizeSearchText(…))): per query and per document, and the words
// only one side has, most frequent first. Found the XML-tag and entity words PostgreSQL's parser dropped
// (migration 20261205113000_search_text_angle_brackets).
const [folder, url] = process.argv.slice(2);
if (!folder || !url) throw new Error("usage: tokenizer-diff.ts <BEIR folder> <postgres url>");
const collection = await loadBeir(folder);
const client = new pg.Client({ connectionString: url });
await client.connect();
const only = new Map<string, number>();
const compare = async (text: string): Promise<boolean> => {
  const sql = (await client.query<{ l: string[] }>(`SELECT tsvector_to_array(to_tsvector('simple', frontdesk_search_text($1))) AS l`, [text])).rows[0]!.l;
  const js = [...new Set(tokenize(normalizeSearchText(text)))];
  const sqlOnly = sql.filter((word) => !js.includes(word));
  const jsOnly = js.filter((word) => !sql.includes(word));
  for (const word of sqlOnly) only.set(`full text: ${word}`, (only.get(`full text: ${word}`) ?? 0) + 1);
  for (const word of jsOnly) only.set(`baseline: ${word}`, (only.get(`baseline: ${word}`) ?? 0) + 1);
  return sqlOnly.length + jsOnly.length > 0;
};
let queries = 0;
for (const query of collection.queries) if (await compare(query.text)) queries += 1;
let documents = 0;
for (const document of collection.documents) if (await compare(documentText(document))) documents += 1;
await client.end();
console.log(`${collection.name}: ${queries} of ${collection.queries.length} queries and ${documents} of ${collection.documents.length} documents differ`);
console.log([...only].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([word, count]) => `${word} ×${count}`).join("\n"));
