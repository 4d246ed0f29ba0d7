import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDatabase, describePrismaSchema, diffSchemas } from "./schema-drift";
import { createTestDatabase, type Database } from "./testing";

const schemaPath = new URL("../prisma/schema.prisma", import.meta.url);

// One partial HNSW index per supported dimension on an untyped vector column (see the migrations).
const hnswIndexes = (table: string, prefix: string) =>
  [384, 512, 768, 1024, 1536].map(
    (n) =>
      new RegExp(
        `^index ${table}\\.${prefix}_${n}_idx INDEX USING hnsw \\(\\(\\(embedding\\)::vector\\(${n}\\)\\) vector_cosine_ops\\) ` +
          `WHERE \\("embeddingDimensions" = ${n}\\)$`,
      ),
  );

// Database objects only the migrations have: pgvector/full-text indexes schema.prisma cannot express, and the
// migration bookkeeping table. Anything else found only in the database is drift.
const ALLOWED_DATABASE_ONLY = [
  /^table _prisma_migrations$/,
  /^column _prisma_migrations\./,
  /^index _prisma_migrations\._prisma_migrations_pkey /,
  /^index chunk\.chunk_fts_idx INDEX gin \(fts\)$/,
  ...hnswIndexes("chunk", "chunk_embedding"),
  /^index message_embedding\.message_embedding_fts_idx INDEX gin \(fts\)$/,
  ...hnswIndexes("message_embedding", "message_embedding"),
  /^index knowledge_base_term\.knowledge_base_term_prefix_idx INDEX USING btree \("knowledgeBaseId", "left"\(lexeme, 4\)\)$/,
];

describe("schema.prisma and the SQL migrations", () => {
  let db: Database;
  const query = (sql: string) => db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("describe the same tables, columns, enums, indexes and foreign keys", async () => {
    const expected = describePrismaSchema(readFileSync(schemaPath, "utf8"));
    const actual = await describeDatabase(query);
    expect(diffSchemas(expected, actual, ALLOWED_DATABASE_ONLY)).toEqual({ missingInDatabase: [], extraInDatabase: [] });
    // The allow-list is not hiding the indexes the retrieval code depends on.
    expect(actual.filter((fact) => /chunk_(fts|embedding_\d+)_idx/.test(fact))).toHaveLength(6);
    expect(actual.filter((fact) => /message_embedding_(fts|\d+)_idx/.test(fact))).toHaveLength(6);
  });

  it("reports a field added to schema.prisma without a migration", async () => {
    const schema = readFileSync(schemaPath, "utf8").replace(
      /(model User \{\n)/,
      '$1  nickname      String?\n  plan          MemberRole @default(member)\n',
    );
    const diff = diffSchemas(describePrismaSchema(schema), await describeDatabase(query), ALLOWED_DATABASE_ONLY);
    expect(diff.missingInDatabase).toEqual([
      "column user.nickname text",
      `column user.plan MemberRole NOT NULL DEFAULT 'member'::"MemberRole"`,
    ]);
    expect(diff.extraInDatabase).toEqual([]);
  });

  it("reports database changes the schema does not have", async () => {
    const expected = describePrismaSchema(readFileSync(schemaPath, "utf8"));
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "message" DROP COLUMN "latencyMs"`);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "bot" ALTER COLUMN "greeting" DROP DEFAULT`);
    await db.prisma.$executeRawUnsafe(`ALTER TYPE "Channel" ADD VALUE 'email'`);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "chunk" DROP CONSTRAINT "chunk_documentId_fkey"`);
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE "chunk" ADD CONSTRAINT "chunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id")`,
    );
    await db.prisma.$executeRawUnsafe(`CREATE INDEX "bot_name_idx" ON "bot"("name")`);
    const diff = diffSchemas(expected, await describeDatabase(query), ALLOWED_DATABASE_ONLY);
    expect(diff.missingInDatabase).toEqual([
      `column bot.greeting text NOT NULL DEFAULT 'Hi! How can I help you today?'::text`,
      "column message.latencyMs integer",
      "enum Channel (web, sms, whatsapp, voice, api)",
      "foreign key chunk.chunk_documentId_fkey (documentId) -> document (id) ON DELETE CASCADE ON UPDATE CASCADE",
    ]);
    expect(diff.extraInDatabase).toEqual([
      "column bot.greeting text NOT NULL",
      "enum Channel (web, sms, whatsapp, voice, api, email)",
      "foreign key chunk.chunk_documentId_fkey (documentId) -> document (id) ON DELETE NO ACTION ON UPDATE NO ACTION",
      "index bot.bot_name_idx INDEX btree (name)",
    ]);
  });
});
