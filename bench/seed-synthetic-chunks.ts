import type { PrismaClient } from "@frontdesk/db";
import { countTokens, replaceDocumentChunks, type EmbeddingsProvider } from "@frontdesk/rag";
import { pick, question, seededRandom, sentence, TOPICS, type Random } from "./synthetic-prose";
import { zipfCorpus } from "./zipf-corpus";

export interface SeedScope {
  organizationId: string;
  knowledgeBaseId: string;
}

export interface SeedResult {
  chunks: number;
  documents: number;
  /** Texts embedded with the real model: sentences, or vocabulary words. */
  embeddedSentences: number;
  embedSeconds: number;
  insertSeconds: number;
}

const SENTENCES_PER_TOPIC = 16;
const CHUNKS_PER_DOCUMENT = 200;
/** Zipf mode: the most frequent words embedded with the real model; a chunk's vector mixes those it contains. */
const EMBEDDED_WORDS = 3_000;

/**
 * "zipf" (default): chunks of 150–400 words drawn from a Zipf distribution over a 60k-word vocabulary
 * (zipf-corpus.ts), so most words are rare, as in real documents. "sentences": the older corpus, 4–7 of 160
 * front-desk sentences per chunk, where every word occurs in a large share of the chunks.
 */
export type SyntheticCorpusKind = "zipf" | "sentences";

export function syntheticCorpusKind(value = process.env.BENCH_CORPUS): SyntheticCorpusKind {
  if (value === undefined || value === "" || value === "zipf") return "zipf";
  if (value === "sentences") return "sentences";
  throw new Error(`BENCH_CORPUS must be "zipf" or "sentences", not "${value}"`);
}

interface ChunkDraft {
  content: string;
  metadata: Record<string, string>;
  embedding: number[];
}

/** Draws one chunk at a time (with its vector) for documents of CHUNKS_PER_DOCUMENT chunks. */
interface ChunkSource {
  embeddedTexts: number;
  embedSeconds: number;
  /** A new document's chunks come from one topic mostly (sentences) or from the shared distribution (zipf). */
  documentDrafter(): () => ChunkDraft;
}

/**
 * Fills a knowledge base with `total` ready chunks of synthetic text without embedding every chunk.
 *
 * Embedding 100k chunks with the local model would take hours, so only a pool of short texts is embedded for
 * real: 160 sentences (16 per topic), or the 3,000 most frequent words of the Zipf vocabulary. A chunk's vector is
 * the normalized (weighted) mean of the vectors of what it is made of: close to what the model gives the joined
 * text, and varied the way the contents are, so the HNSW index and the full-text index see realistic data.
 * Rows are written with the same replaceDocumentChunks the worker uses, as a bulk load: the HNSW index for this
 * dimension and the full-text GIN index are dropped first and recreated from their own definitions afterwards
 * (inserting 100k rows one by one into them takes far longer than building them once).
 */
export async function seedSyntheticChunks(
  prisma: PrismaClient,
  embeddings: EmbeddingsProvider,
  scope: SeedScope,
  total: number,
  onProgress: (done: number) => void = () => undefined,
  corpus: SyntheticCorpusKind = syntheticCorpusKind(),
): Promise<SeedResult> {
  const random = seededRandom(42);
  const source = corpus === "zipf" ? await zipfSource(embeddings, random) : await sentenceSource(embeddings, random);

  const insertStarted = performance.now();
  let written = 0;
  let documents = 0;
  const recreateIndexes = await dropBulkLoadIndexes(prisma, embeddings.dimensions);
  while (written < total) {
    const count = Math.min(CHUNKS_PER_DOCUMENT, total - written);
    const draft = source.documentDrafter();
    const chunks = Array.from({ length: count }, (_, position) => {
      const { content, metadata, embedding } = draft();
      // Made-up words split into many BPE pieces (and tiktoken takes ~20 ms a chunk): English-like 1.3 tokens a word.
      const tokenCount = corpus === "zipf" ? Math.round(1.3 * content.split(" ").length) : countTokens(content);
      return { content, position, tokenCount, metadata, embedding };
    });
    const document = await prisma.document.create({
      data: {
        organizationId: scope.organizationId,
        knowledgeBaseId: scope.knowledgeBaseId,
        sourceKind: "text",
        title: `${corpus === "zipf" ? "Notes" : `${pick(random, TOPICS).name} notes`} ${documents + 1}`,
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
  await recreateIndexes();
  return {
    chunks: written,
    documents,
    embeddedSentences: source.embeddedTexts,
    embedSeconds: source.embedSeconds,
    insertSeconds: (performance.now() - insertStarted) / 1000,
  };
}

/** Questions for the synthetic corpus: Zipf words (plus a rare one in about half), or front-desk questions. */
export function syntheticQuestions(count: number, corpus: SyntheticCorpusKind = syntheticCorpusKind(), seed = 99): string[] {
  const random = seededRandom(seed);
  if (corpus === "sentences") return Array.from({ length: count }, () => question(random, pick(random, TOPICS)));
  const zipf = zipfCorpus();
  return Array.from({ length: count }, () => zipf.query(random));
}

async function sentenceSource(embeddings: EmbeddingsProvider, random: Random): Promise<ChunkSource> {
  const pools = TOPICS.map((topic) => Array.from({ length: SENTENCES_PER_TOPIC }, () => sentence(random, topic)));
  const started = performance.now();
  const vectors = await embeddings.embeddings.embedDocuments(pools.flat());
  const embedSeconds = (performance.now() - started) / 1000;
  const poolVectors = pools.map((_, t) => vectors.slice(t * SENTENCES_PER_TOPIC, (t + 1) * SENTENCES_PER_TOPIC));
  return {
    embeddedTexts: vectors.length,
    embedSeconds,
    documentDrafter() {
      const main = Math.floor(random() * TOPICS.length);
      return () => {
        const topic = random() < 0.7 ? main : Math.floor(random() * TOPICS.length);
        const picked = sample(random, SENTENCES_PER_TOPIC, 4 + Math.floor(random() * 4));
        return {
          content: picked.map((i) => pools[topic]![i]!).join(" "),
          metadata: { topic: TOPICS[topic]!.name },
          embedding: normalizedMean(picked.map((i) => poolVectors[topic]![i]!)),
        };
      };
    },
  };
}

async function zipfSource(embeddings: EmbeddingsProvider, random: Random): Promise<ChunkSource> {
  const zipf = zipfCorpus();
  const embedded = zipf.words.slice(0, EMBEDDED_WORDS);
  const started = performance.now();
  const vectors = await embeddings.embeddings.embedDocuments([...embedded]);
  const embedSeconds = (performance.now() - started) / 1000;
  const rankOf = new Map(embedded.map((word, rank) => [word, rank]));
  return {
    embeddedTexts: vectors.length,
    embedSeconds,
    documentDrafter() {
      return () => {
        const content = zipf.chunk(random);
        // Each distinct embedded word counts by how rare it is (a rough IDF from its rank), so the most
        // frequent words, present in nearly every chunk, do not make all vectors alike.
        const sum = new Array<number>(embeddings.dimensions).fill(0);
        for (const word of new Set(content.toLowerCase().match(/\p{L}+/gu) ?? [])) {
          const rank = rankOf.get(word);
          if (rank === undefined) continue;
          const weight = Math.log(2 + rank / 10);
          const vector = vectors[rank]!;
          for (let d = 0; d < sum.length; d += 1) sum[d]! += weight * vector[d]!;
        }
        const norm = Math.hypot(...sum) || 1;
        return { content, metadata: { corpus: "zipf" }, embedding: sum.map((value) => value / norm) };
      };
    },
  };
}

/**
 * Drops the partial HNSW index for `dimensions` and the full-text GIN index; the returned function creates them
 * again, exactly as they were.
 */
async function dropBulkLoadIndexes(prisma: PrismaClient, dimensions: number): Promise<() => Promise<void>> {
  const indexes = await prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
    SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'chunk'
       AND ((indexdef ILIKE '%using hnsw%' AND indexdef LIKE ${`%vector(${dimensions})%`}) OR indexdef ILIKE '%using gin%')`;
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
