import type { PrismaClient } from "@frontdesk/db";

// The SQL of replicate-chunks.ts: a seeded knowledge base made `times` as large by copying its documents and chunks
// (copy k of id X is "X-k"), and its full-text statistics made to match without counting them again.

const LONG_TRANSACTION = { timeout: 3_600_000, maxWait: 3_600_000 };

/** Copies 2..times of every original document (cuid ids: the originals are those without "-"). */
export async function copyDocuments(prisma: PrismaClient, knowledgeBaseId: string, times: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO document
    SELECT r.* FROM document d CROSS JOIN generate_series(2, ${times}::int) AS k
     CROSS JOIN LATERAL jsonb_populate_record(null::document,
           to_jsonb(d) || jsonb_build_object('id', d.id || '-' || k, 'contentHash', d."contentHash" || '-' || k, 'title', d.title || ' (' || k || ')')) AS r
     WHERE d."knowledgeBaseId" = ${knowledgeBaseId} AND d.id NOT LIKE '%-%'`;
}

/**
 * Copy `copy` of every chunk of the original documents: the text as it is, the vector moved by a little random
 * noise and normalized again, so the HNSW graph holds no exact duplicates.
 */
export async function copyChunks(prisma: PrismaClient, knowledgeBaseId: string, copy: number, dimensions: number): Promise<void> {
  await prisma.$transaction(
    (tx) => tx.$executeRawUnsafe(
      `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", metadata, embedding, "embeddingModel", "embeddingDimensions", "sentenceVectors")
       SELECT c.id || '-' || $2::int, c."organizationId", c."knowledgeBaseId", c."documentId" || '-' || $2::int, c.content, c.position, c."tokenCount", c.metadata,
              l2_normalize(c.embedding::vector(${dimensions}) + (SELECT array_agg((random() - 0.5) * 0.05)::vector(${dimensions}) FROM generate_series(1, ${dimensions}) WHERE c.id IS NOT NULL)),
              c."embeddingModel", c."embeddingDimensions", c."sentenceVectors"
         FROM chunk c WHERE c."knowledgeBaseId" = $1 AND c."documentId" NOT LIKE '%-%'`,
      knowledgeBaseId,
      copy,
    ),
    LONG_TRANSACTION,
  );
}

/**
 * Makes the knowledge base's full-text statistics those of its chunks after copyChunks(2..times), from the
 * statistics of the originals alone. Recounting reads every posting (~200M at 1M chunks; ~2 h on the loaded
 * 2-core machine); here nothing about a chunk changes but its number of copies: chunk count, token sum and each
 * lexeme's document frequency grow `times`-fold, the average length stays, so each posting's impact stays. A
 * lexeme's new top postings are its best originals' copies: the first ceil(limit / times) + 1 originals of its
 * list, each expanded to its `times` ids, ranked by impact then id as frontdesk_rebuild_top_postings ranks, cut at
 * the limit. The floor is the best impact cut, or the old floor if higher; so the lists keep the invariant of
 * migration 20261205033000_impact_ordered_postings (every posting not listed has an impact at most the floor) and
 * hold what a rebuild would, up to which of the postings tied at the floor are listed.
 * Only for the statistics counted over exactly the originals (the seeder's), with the statistics triggers off
 * while the copies were written (startBulkLoad).
 */
export async function scaleTextStats(prisma: PrismaClient, knowledgeBaseId: string, times: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
    await tx.$executeRaw`
      UPDATE knowledge_base_text_stats SET "chunkCount" = "chunkCount" * ${times}::int, "tokenSum" = "tokenSum" * ${times}::int
       WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
    await tx.$executeRaw`
      UPDATE knowledge_base_term t
         SET "topChunkIds" = l.ids, "topImpacts" = l.impacts, "impactFloor" = greatest(t."impactFloor", l.cut)
        FROM (
          SELECT lexeme,
                 array_agg(id ORDER BY rank) FILTER (WHERE rank <= frontdesk_top_postings()) AS ids,
                 array_agg(impact ORDER BY rank) FILTER (WHERE rank <= frontdesk_top_postings()) AS impacts,
                 max(impact) FILTER (WHERE rank > frontdesk_top_postings()) AS cut
            FROM (
              SELECT t.lexeme, x.id, e.impact, row_number() OVER (PARTITION BY t.lexeme ORDER BY e.impact DESC, x.id) AS rank
                FROM knowledge_base_term t
               CROSS JOIN LATERAL unnest(t."topChunkIds", t."topImpacts") WITH ORDINALITY AS e(id, impact, ord)
               CROSS JOIN LATERAL (SELECT e.id UNION ALL SELECT e.id || '-' || k FROM generate_series(2, ${times}::int) AS k) AS x(id)
               WHERE t."knowledgeBaseId" = ${knowledgeBaseId}
                 AND e.ord <= ceil(frontdesk_top_postings()::numeric / ${times}::int) + 1
            ) ranked
           GROUP BY lexeme
        ) l
       WHERE t."knowledgeBaseId" = ${knowledgeBaseId} AND t.lexeme = l.lexeme`;
    await tx.$executeRaw`
      UPDATE knowledge_base_term SET "chunkCount" = "chunkCount" * ${times}::int WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
  }, LONG_TRANSACTION);
}
