import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, readMigrations } from "./migrate";
import type { SqlExecutor } from "./sql-executor";
import { createEmptyDatabase, testBackends, type EmptyDatabase } from "./test-backends";

// Migrations that change frontdesk_search_text re-parse what was stored with the old one: chunks whose words change
// (an UPDATE of their content, so the chunk triggers move the knowledge base's term statistics and impact-ordered
// postings) and conversation search's message words. Here a database is migrated up to the migration before one,
// filled as the product stored text then, and migrated on; everything kept must then equal a recount from the text.

const CJK_MIGRATION = "20261205061500_search_text_cjk_bigrams";
const ANGLE_BRACKETS_MIGRATION = "20261205113000_search_text_angle_brackets";
const MORE_SCRIPTS_MIGRATION = "20261206003000_search_text_more_scripts";
const IDENTIFIER_MIGRATION = "20261206033000_search_text_identifier_parts";
const HEADING_MIGRATION = "20261206041500_search_text_heading_twice";
const DIMENSIONS = 8;
const vector = `[${Array.from({ length: DIMENSIONS }, (_, i) => (i === 0 ? 1 : 0)).join(",")}]`;

const JAPANESE = "ファイルを一覧表示する。ディレクトリの内容を一覧表示します";
const chunks = [
  JAPANESE,
  "ls コマンドはファイルを一覧表示する",
  "列出目录内容",
  "디렉터리 내용을 나열합니다",
  "Opening hours: weekdays nine to five, café open.",
  "Parking is free on weekdays.",
];
const messages = ["一覧表示のやり方は？", "When are you open on weekdays?"];

/** Migrations before `name` only, copied into their own folder (same files, so the same checksums). */
async function migrationsBefore(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "frontdesk-migrations-before-"));
  for (const migration of await readMigrations()) {
    if (migration.name >= name) break;
    cpSync(join(defaultMigrationsDir, migration.name), join(dir, migration.name), { recursive: true });
  }
  return dir;
}

/** Rows of the query as sorted JSON lines, to compare sets of rows regardless of order. */
const rowsOf = async (db: SqlExecutor, sql: string) => (await db.query(sql)).map((row) => JSON.stringify(row)).sort();

/** The knowledge base's statistics and postings as kept by the triggers, and as counted from the chunks' text. */
async function keptAndCounted(db: SqlExecutor) {
  const kept = {
    corpus: await rowsOf(db, `SELECT "chunkCount"::int AS chunks, "tokenSum"::int AS tokens FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = 'kb'`),
    terms: await rowsOf(db, `SELECT lexeme, "chunkCount"::int AS n FROM knowledge_base_term WHERE "knowledgeBaseId" = 'kb'`),
    // Every list here is shorter than frontdesk_top_postings(), so it must hold every posting (floor NULL).
    postings: await rowsOf(
      db,
      `SELECT lexeme, (SELECT array_agg(id ORDER BY id) FROM unnest("topChunkIds") AS id) AS ids, "impactFloor" AS floor
         FROM knowledge_base_term WHERE "knowledgeBaseId" = 'kb'`,
    ),
  };
  const counted = {
    corpus: await rowsOf(db, `SELECT count(*)::int AS chunks, sum(greatest("tokenCount", 1))::int AS tokens FROM chunk WHERE "knowledgeBaseId" = 'kb'`),
    terms: await rowsOf(
      db,
      `SELECT u.lexeme, count(*)::int AS n FROM chunk c CROSS JOIN LATERAL unnest(tsvector_to_array(c.fts)) AS u(lexeme)
        WHERE c."knowledgeBaseId" = 'kb' GROUP BY u.lexeme`,
    ),
    postings: await rowsOf(
      db,
      `SELECT u.lexeme, array_agg(c.id ORDER BY c.id) AS ids, NULL AS floor
         FROM chunk c CROSS JOIN LATERAL unnest(tsvector_to_array(c.fts)) AS u(lexeme)
        WHERE c."knowledgeBaseId" = 'kb' GROUP BY u.lexeme`,
    ),
  };
  return { kept, counted };
}

/** An organization with one knowledge base, document and conversation. */
async function seedOwners(db: SqlExecutor): Promise<void> {
  await db.exec(`
    INSERT INTO organization (id, name, slug) VALUES ('org', 'Org', 'org');
    INSERT INTO knowledge_base (id, "organizationId", name, "embeddingModel", "embeddingDimensions", "updatedAt")
      VALUES ('kb', 'org', 'KB', 'test/${DIMENSIONS}', ${DIMENSIONS}, now());
    INSERT INTO document (id, "organizationId", "knowledgeBaseId", "sourceKind", title, "mimeType", "sizeBytes", "contentHash", status, "updatedAt")
      VALUES ('doc', 'org', 'kb', 'text', 'Doc', 'text/plain', 1, 'hash', 'ready', now());
    INSERT INTO bot (id, "organizationId", name, "publicKey") VALUES ('bot', 'org', 'Bot', 'pk');
    INSERT INTO conversation (id, "organizationId", "botId") VALUES ('conv', 'org', 'bot');`);
}

/**
 * Chunks c<first>, c<first + 1>, … (in one statement, as ingestion writes them) and messages m<first>, … with their
 * words as the database's current frontdesk_search_text gives them.
 */
async function seedText(db: SqlExecutor, first: number, contents: readonly string[], texts: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", embedding, "embeddingModel", "embeddingDimensions")
     SELECT 'c' || (i + $3 - 1), 'org', 'kb', 'doc', content, i + $3 - 1, 3 + i, $2::vector, 'test/${DIMENSIONS}', ${DIMENSIONS}
       FROM unnest($1::text[]) WITH ORDINALITY AS t(content, i)`,
    [contents, vector, first],
  );
  for (const [index, content] of texts.entries()) {
    const id = `m${first + index}`;
    await db.query(`INSERT INTO message (id, "organizationId", "conversationId", role, content) VALUES ($1, 'org', 'conv', 'user', $2)`, [id, content]);
    await db.query(
      `INSERT INTO message_embedding ("messageId", "organizationId", "conversationId", embedding, "embeddingModel", "embeddingDimensions", fts)
       VALUES ($1, 'org', 'conv', $2::vector, 'test/${DIMENSIONS}', ${DIMENSIONS}, to_tsvector('simple', frontdesk_search_text($3)))`,
      [id, vector, content],
    );
  }
}

const lexemesOf = async (db: SqlExecutor, sql: string, params: unknown[]) =>
  (await db.query<{ lexemes: string[] }>(`SELECT tsvector_to_array(fts) AS lexemes FROM ${sql}`, params))[0]?.lexemes ?? [];

// One database walks through both migrations (a full migration run on PGlite takes a minute under load).
describe.each(testBackends)("migrations that re-parse stored text, on $name", ({ serverUrl }) => {
  let database: EmptyDatabase;
  let db: SqlExecutor & { close(): Promise<void> };
  const folders: string[] = [];

  // Three migration runs on one database: minutes for PGlite on a loaded machine.
  beforeEach(async () => {
    database = await createEmptyDatabase(serverUrl);
    db = await database.connect();
  }, 300_000);
  afterEach(async () => {
    await db?.close();
    await database?.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("moves chunk statistics, postings and message words to the new words, and leaves other text as it was", async () => {
    for (const name of [CJK_MIGRATION, ANGLE_BRACKETS_MIGRATION, MORE_SCRIPTS_MIGRATION, IDENTIFIER_MIGRATION, HEADING_MIGRATION]) folders.push(await migrationsBefore(name));
    const { applied } = await migrate(db, { migrationsDir: folders[0] });
    expect(applied.at(-1)! < CJK_MIGRATION).toBe(true);
    await seedOwners(db);
    await seedText(db, 1, chunks, messages);

    // Before the CJK migration: a CJK phrase is one word, and the kept statistics match the chunks.
    const stored = await keptAndCounted(db);
    expect(stored.kept).toEqual(stored.counted);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c1"])).toContain("ファイルを一覧表示する");
    const latinChunks = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE content !~ '[ア-ン가-힣一-龥]'`);
    const latinMessage = await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m2"]);

    const { applied: cjk } = await migrate(db, { migrationsDir: folders[1] });
    expect(cjk[0]).toBe(CJK_MIGRATION);

    // After: bigrams everywhere CJK letters were, and every kept count is a recount of the new words.
    const migrated = await keptAndCounted(db);
    expect(migrated.kept).toEqual(migrated.counted);
    expect(migrated.kept.terms).not.toEqual(stored.kept.terms);
    const japanese = await lexemesOf(db, `chunk WHERE id = $1`, ["c1"]);
    expect(japanese).toEqual(expect.arrayContaining(["一覧", "覧表", "表示", "ファ", "イル"]));
    expect(japanese).not.toContain("ファイルを一覧表示する");
    expect(migrated.kept.terms).toContain(JSON.stringify({ lexeme: "一覧", n: 2 }));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c2"])).toEqual(expect.arrayContaining(["ls", "コマ", "一覧"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c3"])).toEqual(expect.arrayContaining(["列出", "目录", "内容"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c4"])).toEqual(expect.arrayContaining(["디렉", "나열"]));
    expect(await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE content !~ '[ア-ン가-힣一-龥]'`)).toEqual(latinChunks);
    const current = `SELECT e."messageId", e.fts = to_tsvector('simple', frontdesk_search_text(m.content)) AS current
                       FROM message_embedding e JOIN message m ON m.id = e."messageId"`;
    expect(await rowsOf(db, current)).toEqual(["m1", "m2"].map((messageId) => JSON.stringify({ messageId, current: true })));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m1"])).toEqual(expect.arrayContaining(["一覧", "表示"]));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m2"])).toEqual(latinMessage);

    // Angle brackets and entities: the parser read "<destination>" as an XML tag and "&amp;" as an entity.
    await seedText(db, 11, ["Usage: cp <source> <destination>", "Front desk <frontdesk@clinic.example>, parking &amp; access"], ["Is <destination> required?"]);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c11"])).not.toContain("destination");
    const other = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE content !~ '[<>&]'`);

    const { applied: angle } = await migrate(db, { migrationsDir: folders[2] });
    expect(angle[0]).toBe(ANGLE_BRACKETS_MIGRATION);
    const unbracketed = await keptAndCounted(db);
    expect(unbracketed.kept).toEqual(unbracketed.counted);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c11"])).toEqual(expect.arrayContaining(["cp", "source", "destination"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c12"])).toEqual(expect.arrayContaining(["frontdesk", "clinic", "example", "amp", "access"]));
    expect(unbracketed.kept.terms).toContain(JSON.stringify({ lexeme: "destination", n: 1 }));
    expect(await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE content !~ '[<>&]'`)).toEqual(other);
    expect(await rowsOf(db, current)).toEqual(["m1", "m11", "m2"].map((messageId) => JSON.stringify({ messageId, current: true })));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m11"])).toContain("destination");

    // Russian "ё", Greek tonos and final sigma, Persian yeh and keheh, Arabic-Indic digits, Hebrew points were kept.
    await seedText(
      db,
      21,
      ["Её ёлка зелёная", "Το όνομα του αρχείου σας", "فایل کوچک ۱۰ صفحه", "שָׁלוֹם עוֹלָם"],
      ["Ещё одна ёлка?"],
    );
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c21"])).toContain("ёлка");
    const unchanged = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id NOT IN ('c21', 'c22', 'c23', 'c24')`);

    const { applied: scripts } = await migrate(db, { migrationsDir: folders[3] });
    expect(scripts[0]).toBe(MORE_SCRIPTS_MIGRATION);
    const folded = await keptAndCounted(db);
    expect(folded.kept).toEqual(folded.counted);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c21"])).toEqual(expect.arrayContaining(["елка", "зеленая"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c22"])).toEqual(expect.arrayContaining(["ονομα", "αρχειου", "σασ"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c23"])).toEqual(expect.arrayContaining(["فايل", "كوچك", "10"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c24"])).toEqual(expect.arrayContaining(["שלום", "עולם"]));
    expect(folded.kept.terms).toContain(JSON.stringify({ lexeme: "елка", n: 1 }));
    expect(folded.kept.terms).not.toContain(JSON.stringify({ lexeme: "ёлка", n: 1 }));
    expect(await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id NOT IN ('c21', 'c22', 'c23', 'c24')`)).toEqual(unchanged);
    expect(await rowsOf(db, current)).toEqual(["m1", "m11", "m2", "m21"].map((messageId) => JSON.stringify({ messageId, current: true })));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m21"])).toContain("елка");

    // camelCase identifiers were one word ("getElementById"); the folded text decides ("caféBar" → "cafeBar").
    await seedText(db, 31, ["Call getElementById() on the document", "The caféBar opens at nine", "PDFs and FAQs"], ["Is getElementById slow?"]);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c31"])).not.toContain("element");
    const plain = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id NOT IN ('c31', 'c32')`);

    const { applied: identifiers } = await migrate(db, { migrationsDir: folders[4] });
    expect(identifiers[0]).toBe(IDENTIFIER_MIGRATION);
    const split = await keptAndCounted(db);
    expect(split.kept).toEqual(split.counted);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c31"])).toEqual(expect.arrayContaining(["getelementbyid", "get", "element", "id", "document"]));
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c32"])).toEqual(expect.arrayContaining(["cafebar", "cafe", "bar"]));
    expect(split.kept.terms).toContain(JSON.stringify({ lexeme: "element", n: 1 }));
    expect(await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id NOT IN ('c31', 'c32')`)).toEqual(plain);
    expect(await rowsOf(db, current)).toEqual(["m1", "m11", "m2", "m21", "m31"].map((messageId) => JSON.stringify({ messageId, current: true })));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m31"])).toEqual(expect.arrayContaining(["getelementbyid", "element"]));

    // A heading line (a blank line after it) counted once, like every other line.
    await seedText(db, 41, ["Parking\n\nFree behind the clinic.", "Parking is free\nbehind the clinic."], ["Parking\n\nWhere?"]);
    const positions = async (id: string) => (await db.query<{ fts: string }>(`SELECT fts::text FROM chunk WHERE id = $1`, [id]))[0]?.fts;
    expect(await positions("c41")).toContain("'parking':1 ");
    const unheaded = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id <> 'c41'`);

    const { applied: headings } = await migrate(db);
    expect(headings[0]).toBe(HEADING_MIGRATION);
    const twice = await keptAndCounted(db);
    expect(twice.kept).toEqual(twice.counted);
    expect(await positions("c41")).toContain("'parking':1,");
    // Chunks written with no heading line keep their words: the earlier chunks, and wrapped prose.
    expect(await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE id <> 'c41'`)).toEqual(unheaded);
    expect(await rowsOf(db, current)).toEqual(["m1", "m11", "m2", "m21", "m31", "m41"].map((messageId) => JSON.stringify({ messageId, current: true })));
  }, 300_000);
});
