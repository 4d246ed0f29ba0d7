import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, readMigrations } from "./migrate";
import type { SqlExecutor } from "./sql-executor";
import { createEmptyDatabase, testBackends, type EmptyDatabase } from "./test-backends";

// Migration 20261205061500_search_text_cjk_bigrams changes frontdesk_search_text and re-parses what was stored with
// the old one: chunks holding CJK letters (an UPDATE of their content, so the chunk triggers move the knowledge base's
// term statistics and impact-ordered postings) and conversation search's message words. Here a database is migrated
// up to the migration before it, filled as the product stored text then, and migrated on; everything kept must then
// equal a recount from the text itself.

const CJK_MIGRATION = "20261205061500_search_text_cjk_bigrams";
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

const lexemesOf = async (db: SqlExecutor, sql: string, params: unknown[]) =>
  (await db.query<{ lexemes: string[] }>(`SELECT tsvector_to_array(fts) AS lexemes FROM ${sql}`, params))[0]?.lexemes ?? [];

describe.each(testBackends)("migration $name: CJK bigrams re-parse stored text", ({ serverUrl }) => {
  let database: EmptyDatabase;
  let db: SqlExecutor & { close(): Promise<void> };
  let before: string;

  beforeEach(async () => {
    database = await createEmptyDatabase(serverUrl);
    db = await database.connect();
    before = await migrationsBefore(CJK_MIGRATION);
  });
  afterEach(async () => {
    await db?.close();
    await database?.close();
    rmSync(before, { recursive: true, force: true });
  });

  it("moves chunk statistics, postings and message words to bigrams, and leaves other text as it was", async () => {
    const { applied } = await migrate(db, { migrationsDir: before });
    expect(applied.at(-1)! < CJK_MIGRATION).toBe(true);

    await db.exec(`
      INSERT INTO organization (id, name, slug) VALUES ('org', 'Org', 'org');
      INSERT INTO knowledge_base (id, "organizationId", name, "embeddingModel", "embeddingDimensions", "updatedAt")
        VALUES ('kb', 'org', 'KB', 'test/${DIMENSIONS}', ${DIMENSIONS}, now());
      INSERT INTO document (id, "organizationId", "knowledgeBaseId", "sourceKind", title, "mimeType", "sizeBytes", "contentHash", status, "updatedAt")
        VALUES ('doc', 'org', 'kb', 'text', 'Doc', 'text/plain', 1, 'hash', 'ready', now());
      INSERT INTO bot (id, "organizationId", name, "publicKey") VALUES ('bot', 'org', 'Bot', 'pk');
      INSERT INTO conversation (id, "organizationId", "botId") VALUES ('conv', 'org', 'bot');`);
    // One statement, as ingestion writes a document's chunks.
    await db.query(
      `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", embedding, "embeddingModel", "embeddingDimensions")
       SELECT 'c' || i, 'org', 'kb', 'doc', content, i, 3 + i, $2::vector, 'test/${DIMENSIONS}', ${DIMENSIONS}
         FROM unnest($1::text[]) WITH ORDINALITY AS t(content, i)`,
      [chunks, vector],
    );
    for (const [index, content] of messages.entries()) {
      await db.query(`INSERT INTO message (id, "organizationId", "conversationId", role, content) VALUES ($1, 'org', 'conv', 'user', $2)`, [`m${index}`, content]);
      await db.query(
        `INSERT INTO message_embedding ("messageId", "organizationId", "conversationId", embedding, "embeddingModel", "embeddingDimensions", fts)
         VALUES ($1, 'org', 'conv', $2::vector, 'test/${DIMENSIONS}', ${DIMENSIONS}, to_tsvector('simple', frontdesk_search_text($3)))`,
        [`m${index}`, vector, content],
      );
    }

    // Before: a CJK phrase is one word, and the kept statistics match the chunks.
    const stored = await keptAndCounted(db);
    expect(stored.kept).toEqual(stored.counted);
    expect(await lexemesOf(db, `chunk WHERE id = $1`, ["c1"])).toContain("ファイルを一覧表示する");
    const latinChunks = await rowsOf(db, `SELECT id, fts::text FROM chunk WHERE content !~ '[ア-ン가-힣一-龥]'`);
    const latinMessage = await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m1"]);

    const { applied: rest } = await migrate(db);
    expect(rest[0]).toBe(CJK_MIGRATION);

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

    const messageWords = await rowsOf(
      db,
      `SELECT e."messageId", e.fts = to_tsvector('simple', frontdesk_search_text(m.content)) AS current
         FROM message_embedding e JOIN message m ON m.id = e."messageId"`,
    );
    expect(messageWords).toEqual([JSON.stringify({ messageId: "m0", current: true }), JSON.stringify({ messageId: "m1", current: true })]);
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m0"])).toEqual(expect.arrayContaining(["一覧", "表示"]));
    expect(await lexemesOf(db, `message_embedding WHERE "messageId" = $1`, ["m1"])).toEqual(latinMessage);
  });
});
