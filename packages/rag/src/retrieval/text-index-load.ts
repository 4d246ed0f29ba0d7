import type { PrismaClient } from "@frontdesk/db";
import { TextIndexBuilder, type TextIndex } from "./text-index";

/** Chunks read per statement while building: small enough that other queries (PGlite has one connection) interleave. */
export const LOAD_BATCH_CHUNKS = 2_000;

export type LoadResult = { kind: "built"; index: TextIndex } | { kind: "too-large"; postings: number; generation: bigint } | { kind: "changed" };

/**
 * Builds a knowledge base's in-memory index from its chunks' stored tsvectors, in batches by chunk id, outside a
 * transaction. The knowledge base's generation is read before and after: if a write committed meanwhile (the
 * triggers bump it in the writing transaction) the batches may mix two states, so the result is "changed" and
 * nothing is kept. `maxPostings` is checked first against the kept document frequencies (their sum is the number
 * of postings), so an index over the budget is never built.
 */
export async function loadTextIndex(prisma: PrismaClient, knowledgeBaseId: string, maxPostings: number): Promise<LoadResult> {
  const before = await generationOf(prisma, knowledgeBaseId);
  const [{ postings } = { postings: 0 }] = await prisma.$queryRaw<Array<{ postings: number }>>`
    SELECT coalesce(sum("chunkCount"), 0)::float8 AS postings FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  if (Number(postings) > maxPostings) return { kind: "too-large", postings: Number(postings), generation: before };
  const builder = new TextIndexBuilder();
  let after = "";
  for (;;) {
    const rows = await prisma.$queryRaw<Array<{ id: string; documentId: string; tokenCount: number; fts: string }>>`
      SELECT c.id, c."documentId", c."tokenCount", c.fts::text AS fts
        FROM chunk c
       WHERE c."knowledgeBaseId" = ${knowledgeBaseId} AND c.id > ${after}
       ORDER BY c.id
       LIMIT ${LOAD_BATCH_CHUNKS}`;
    for (const row of rows) {
      const { lexemes, tfs } = parseTsvector(row.fts);
      builder.add({ id: row.id, documentId: row.documentId, length: Number(row.tokenCount), lexemes, tfs });
      if (builder.postings > maxPostings) return { kind: "too-large", postings: builder.postings, generation: before };
    }
    if (rows.length < LOAD_BATCH_CHUNKS) break;
    after = rows[rows.length - 1]!.id;
  }
  if ((await generationOf(prisma, knowledgeBaseId)) !== before) return { kind: "changed" };
  return { kind: "built", index: builder.build(knowledgeBaseId, before) };
}

/** knowledge_base_text_stats.generation (positive: from a sequence); -1 before the knowledge base's first chunk. */
export async function generationOf(prisma: PrismaClient, knowledgeBaseId: string): Promise<bigint> {
  const [row] = await prisma.$queryRaw<Array<{ generation: string }>>`
    SELECT generation::text AS generation FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  return row ? BigInt(row.generation) : -1n;
}

/**
 * Lexemes and their numbers of positions from a tsvector's text form (tsvectorout): `'lexeme':1,5B 'it''s':3`,
 * quotes doubled and backslashes escaped inside a lexeme; a stripped lexeme has no positions and counts once, as
 * `coalesce(array_length(positions, 1), 1)` does in the SQL scorer.
 */
export function parseTsvector(text: string): { lexemes: string[]; tfs: number[] } {
  const lexemes: string[] = [];
  const tfs: number[] = [];
  let at = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) !== QUOTE) {
      at += 1;
      continue;
    }
    at += 1;
    let lexeme = "";
    let start = at;
    for (;;) {
      const char = text.charCodeAt(at);
      if (Number.isNaN(char)) throw new Error("unterminated lexeme in tsvector text");
      if (char === BACKSLASH) {
        lexeme += text.slice(start, at) + text.charAt(at + 1);
        at += 2;
        start = at;
      } else if (char === QUOTE && text.charCodeAt(at + 1) === QUOTE) {
        lexeme += text.slice(start, at + 1);
        at += 2;
        start = at;
      } else if (char === QUOTE) {
        lexeme += text.slice(start, at);
        at += 1;
        break;
      } else {
        at += 1;
      }
    }
    let tf = 1;
    if (text.charCodeAt(at) === COLON) {
      while (at < text.length && text.charCodeAt(at) !== SPACE) {
        if (text.charCodeAt(at) === COMMA) tf += 1;
        at += 1;
      }
    }
    lexemes.push(lexeme);
    tfs.push(tf);
  }
  return { lexemes, tfs };
}

const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const SPACE = 32;
