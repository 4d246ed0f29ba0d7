import type { PrismaClient } from "@frontdesk/db";
import { countTokens, replaceDocumentChunks, type EmbeddingsProvider } from "@frontdesk/rag";
import { pick, seededRandom, sentence, TOPICS, type Random } from "./synthetic-prose";

export interface SeedScope {
  organizationId: string;
  knowledgeBaseId: string;
}

export interface SeedResult {
  chunks: number;
  documents: number;
  embeddedSentences: number;
  embedSeconds: number;
  insertSeconds: number;
}

const SENTENCES_PER_TOPIC = 16;
const CHUNKS_PER_DOCUMENT = 200;

/**
 * Fills a knowledge base with `total` ready chunks of synthetic front-desk prose without embedding every chunk.
 *
 * Embedding 10k chunks with the local model would take longer than the whole bench budget, so only a pool of
 * short sentences (16 per topic) is embedded for real. Each chunk is 4–7 sentences drawn from one topic's pool,
 * and its vector is the normalized mean of those sentences' vectors: close to what the model gives the joined
 * text, and varied in the same way the contents are, so the HNSW index and the full-text index see realistic
 * data. Rows are written with the same replaceDocumentChunks the worker uses, as a bulk load: the migration's
 * HNSW index for this dimension is dropped first and recreated from its own definition afterwards (inserting
 * 10k rows one by one into the graph takes minutes on PGlite; building it once takes seconds).
 */
export async function seedSyntheticChunks(
  prisma: PrismaClient,
  embeddings: EmbeddingsProvider,
  scope: SeedScope,
  total: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<SeedResult> {
  const random = seededRandom(42);
  const pools = TOPICS.map((topic) => Array.from({ length: SENTENCES_PER_TOPIC }, () => sentence(random, topic)));
  const embedStarted = performance.now();
  const vectors = await embeddings.embeddings.embedDocuments(pools.flat());
  const embedSeconds = (performance.now() - embedStarted) / 1000;
  const poolVectors = pools.map((_, t) => vectors.slice(t * SENTENCES_PER_TOPIC, (t + 1) * SENTENCES_PER_TOPIC));

  const insertStarted = performance.now();
  let written = 0;
  let documents = 0;
  const recreateIndex = await dropVectorIndex(prisma, embeddings.dimensions);
  while (written < total) {
    const count = Math.min(CHUNKS_PER_DOCUMENT, total - written);
    const main = Math.floor(random() * TOPICS.length);
    const chunks = Array.from({ length: count }, (_, position) => {
      const topic = random() < 0.7 ? main : Math.floor(random() * TOPICS.length);
      const picked = sample(random, SENTENCES_PER_TOPIC, 4 + Math.floor(random() * 4));
      const content = picked.map((i) => pools[topic]![i]!).join(" ");
      return {
        content,
        position,
        tokenCount: countTokens(content),
        metadata: { topic: TOPICS[topic]!.name },
        embedding: normalizedMean(picked.map((i) => poolVectors[topic]![i]!)),
      };
    });
    const document = await prisma.document.create({
      data: {
        organizationId: scope.organizationId,
        knowledgeBaseId: scope.knowledgeBaseId,
        sourceKind: "text",
        title: `${pick(random, TOPICS).name} notes ${documents + 1}`,
        mimeType: "text/plain",
        sizeBytes: chunks.reduce((sum, chunk) => sum + chunk.content.length, 0),
        contentHash: `bench-${documents + 1}`,
        status: "ready",
        chunkCount: chunks.length,
        tokenCount: chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0),
        processedAt: new Date(),
      },
    });
    await replaceDocumentChunks(prisma, {
      ...scope,
      documentId: document.id,
      embeddingModel: embeddings.model,
      dimensions: embeddings.dimensions,
      chunks,
    });
    written += count;
    documents += 1;
    onProgress(written);
  }
  await recreateIndex();
  return { chunks: written, documents, embeddedSentences: vectors.length, embedSeconds, insertSeconds: (performance.now() - insertStarted) / 1000 };
}

/** Drops the partial HNSW index for `dimensions`; the returned function creates it again, exactly as it was. */
async function dropVectorIndex(prisma: PrismaClient, dimensions: number): Promise<() => Promise<void>> {
  const indexes = await prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
    SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'chunk' AND indexdef ILIKE '%using hnsw%' AND indexdef LIKE ${`%vector(${dimensions})%`}`;
  for (const index of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);
  return async () => {
    for (const index of indexes) await prisma.$executeRawUnsafe(index.indexdef);
  };
}

/** `k` distinct indexes below `n`, in random order. */
function sample(random: Random, n: number, k: number): number[] {
  const indexes = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes.slice(0, k);
}

function normalizedMean(vectors: number[][]): number[] {
  const mean = vectors[0]!.map((_, d) => vectors.reduce((sum, vector) => sum + vector[d]!, 0) / vectors.length);
  const norm = Math.hypot(...mean) || 1;
  return mean.map((value) => value / norm);
}
