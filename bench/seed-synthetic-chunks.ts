import { randomUUID } from "node:crypto";
import { toVectorLiteral, type PrismaClient } from "@frontdesk/db";
import { countTokens, packSentenceVectors, sentenceTextsOf, type EmbeddingsProvider } from "@frontdesk/rag";
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
  /** Chunks written, indexes built, statistics counted and analyzed. */
  insertSeconds: number;
  /** Seconds of each step after the chunks were written (each index build, the statistics, ANALYZE). */
  finishSeconds: Record<string, number>;
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
  /** Packed vectors of its sentences (packSentenceVectors), made like the chunk's, as ingestion stores them. */
  sentenceVectors: Uint8Array;
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
 * Each chunk's sentence vectors, which ingestion stores for extractive answers, are made the same way from each
 * sentence's own words (or pool sentence), so chat reads stored vectors as it does on real knowledge bases.
 *
 * Written as a bulk load, which is what makes 1M chunks possible in minutes rather than hours: multi-row INSERTs
 * straight into chunk (not through staging like the worker's replaceDocumentChunks), the next batch generated
 * while one is written; the HNSW index for this dimension and the full-text GIN index dropped first and recreated
 * from their own definitions afterwards; the full-text statistics triggers off meanwhile and the knowledge base's
 * statistics counted once at the end (per-batch upserts of every lexeme dominated a 1M load). Only for a database
 * of the bench's own: other writers' chunks would miss their statistics while the triggers are off.
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
  const bulkLoad = await startBulkLoad(prisma, embeddings.dimensions);
  // One batch is written while the next is generated (generation is CPU-bound here, the insert in PostgreSQL).
  let pending: Promise<unknown> = Promise.resolve();
  while (written < total) {
    const count = Math.min(CHUNKS_PER_DOCUMENT, total - written);
    const draft = source.documentDrafter();
    const chunks = Array.from({ length: count }, (_, position) => {
      const { content, metadata, embedding, sentenceVectors } = draft();
      // Made-up words split into many BPE pieces (and tiktoken takes ~20 ms a chunk): English-like 1.3 tokens a word.
      const tokenCount = corpus === "zipf" ? Math.round(1.3 * content.split(" ").length) : countTokens(content);
      return { content, position, tokenCount, metadata, embedding, sentenceVectors };
    });
    const documentNumber = documents + 1;
    const title = `${corpus === "zipf" ? "Notes" : `${pick(random, TOPICS).name} notes`} ${documentNumber}`;
    await pending;
    pending = insertDocument(prisma, scope, embeddings, { title, number: documentNumber, chunks });
    written += count;
    documents += 1;
    onProgress(written);
  }
  await pending;
  const finishSeconds = await bulkLoad.finish(scope.knowledgeBaseId, (line) => process.stderr.write(`${line}\n`));
  return {
    chunks: written,
    documents,
    embeddedSentences: source.embeddedTexts,
    embedSeconds: source.embedSeconds,
    insertSeconds: (performance.now() - insertStarted) / 1000,
    finishSeconds,
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
  const poolVectorOf = new Map(pools.flat().map((text, index) => [text, vectors[index]!]));
  return {
    embeddedTexts: vectors.length,
    embedSeconds,
    documentDrafter() {
      const main = Math.floor(random() * TOPICS.length);
      return () => {
        const topic = random() < 0.7 ? main : Math.floor(random() * TOPICS.length);
        const picked = sample(random, SENTENCES_PER_TOPIC, 4 + Math.floor(random() * 4));
        const content = picked.map((i) => pools[topic]![i]!).join(" ");
        const embedding = normalizedMean(picked.map((i) => poolVectors[topic]![i]!));
        // A sentence answering splits out as it was drawn has its own vector; any other text (joined short ones) the chunk's.
        const texts = sentenceTextsOf(content);
        const sentenceVectors = packSentenceVectors(texts, texts.map((text) => poolVectorOf.get(text) ?? embedding));
        return { content, metadata: { topic: TOPICS[topic]!.name }, embedding, sentenceVectors };
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
  // Each distinct embedded word counts by how rare it is (a rough IDF from its rank), so the most frequent
  // words, present in nearly every chunk, do not make all vectors alike. Sentences get theirs the same way.
  const vectorOfText = (text: string): Float32Array => {
    const sum = new Float32Array(embeddings.dimensions);
    for (const word of new Set(text.toLowerCase().match(/\p{L}+/gu) ?? [])) {
      const rank = rankOf.get(word);
      if (rank === undefined) continue;
      const weight = Math.log(2 + rank / 10);
      const vector = vectors[rank]!;
      for (let d = 0; d < sum.length; d += 1) sum[d]! += weight * vector[d]!;
    }
    let norm = 0;
    for (let d = 0; d < sum.length; d += 1) norm += sum[d]! ** 2;
    const scale = 1 / (Math.sqrt(norm) || 1);
    for (let d = 0; d < sum.length; d += 1) sum[d]! *= scale;
    return sum;
  };
  return {
    embeddedTexts: vectors.length,
    embedSeconds,
    documentDrafter() {
      return () => {
        const content = zipf.chunk(random);
        const texts = sentenceTextsOf(content);
        const sentenceVectors = packSentenceVectors(texts, texts.map(vectorOfText));
        return { content, metadata: { corpus: "zipf" }, embedding: Array.from(vectorOfText(content)), sentenceVectors };
      };
    },
  };
}

const CHUNK_ROWS_PER_INSERT = 100;

async function insertDocument(
  prisma: PrismaClient,
  scope: SeedScope,
  embeddings: EmbeddingsProvider,
  document: { title: string; number: number; chunks: Array<{ content: string; position: number; tokenCount: number; metadata: Record<string, string>; embedding: number[]; sentenceVectors: Uint8Array }> },
): Promise<void> {
  const { id: documentId } = await prisma.document.create({
    data: {
      organizationId: scope.organizationId,
      knowledgeBaseId: scope.knowledgeBaseId,
      sourceKind: "text",
      title: document.title,
      mimeType: "text/plain",
      sizeBytes: document.chunks.reduce((sum, chunk) => sum + chunk.content.length, 0),
      contentHash: `bench-${document.number}`,
      status: "ready",
      chunkCount: document.chunks.length,
      tokenCount: document.chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0),
      processedAt: new Date(),
    },
    select: { id: true },
  });
  for (let start = 0; start < document.chunks.length; start += CHUNK_ROWS_PER_INSERT) {
    const params: unknown[] = [];
    const values = document.chunks.slice(start, start + CHUNK_ROWS_PER_INSERT).map((chunk) => {
      const first = params.length + 1;
      const sentences = Buffer.from(chunk.sentenceVectors.buffer, chunk.sentenceVectors.byteOffset, chunk.sentenceVectors.byteLength);
      params.push(randomUUID(), chunk.content, chunk.position, chunk.tokenCount, JSON.stringify(chunk.metadata), toVectorLiteral(chunk.embedding), sentences);
      const p = (offset: number) => `$${first + offset}`;
      return `(${p(0)}, ${p(1)}, ${p(2)}::int, ${p(3)}::int, ${p(4)}::jsonb, ${p(5)}::vector, ${p(6)}::bytea)`;
    });
    params.push(scope.organizationId, scope.knowledgeBaseId, documentId, embeddings.model, embeddings.dimensions);
    const n = params.length;
    await prisma.$executeRawUnsafe(
      `INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", metadata, embedding,
                          "embeddingModel", "embeddingDimensions", "sentenceVectors")
       SELECT v.id, $${n - 4}, $${n - 3}, $${n - 2}, v.content, v.position, v.tokens, v.metadata, v.embedding, $${n - 1}, $${n}::int, v.sentences
         FROM (VALUES ${values.join(",\n")}) AS v(id, content, position, tokens, metadata, embedding, sentences)`,
      ...params,
    );
  }
}

/**
 * The full-text statistics triggers on chunk (migration 20261204211500_retrieval_term_stats), which also keep the
 * impact-ordered postings (20261205033000_impact_ordered_postings).
 */
const TEXT_STATS_TRIGGERS = ["chunk_text_stats_insert", "chunk_text_stats_delete", "chunk_text_stats_update"];

/**
 * Turns the statistics triggers off. `resume` turns them on again; `count` counts one knowledge base's statistics
 * from its chunks and builds its impact-ordered postings, as the migrations do for existing chunks.
 */
export async function pauseTextStats(prisma: PrismaClient): Promise<{ resume(): Promise<void>; count(knowledgeBaseId: string): Promise<void> }> {
  for (const trigger of TEXT_STATS_TRIGGERS) await prisma.$executeRawUnsafe(`ALTER TABLE chunk DISABLE TRIGGER "${trigger}"`);
  return {
    async resume() {
      for (const trigger of TEXT_STATS_TRIGGERS) await prisma.$executeRawUnsafe(`ALTER TABLE chunk ENABLE TRIGGER "${trigger}"`);
    },
    count: (knowledgeBaseId) =>
      prisma.$transaction(
      async (tx) => {
        await raiseWorkMemory(tx, "work_mem", WORK_MEM_BYTES);
        await tx.$executeRaw`DELETE FROM knowledge_base_term WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
        await tx.$executeRaw`DELETE FROM knowledge_base_text_stats WHERE "knowledgeBaseId" = ${knowledgeBaseId}`;
        await tx.$executeRaw`
          INSERT INTO knowledge_base_text_stats ("knowledgeBaseId", "chunkCount", "tokenSum")
          SELECT "knowledgeBaseId", count(*), sum(greatest("tokenCount", 1)) FROM chunk WHERE "knowledgeBaseId" = ${knowledgeBaseId} GROUP BY 1`;
        await tx.$executeRaw`
          INSERT INTO knowledge_base_term ("knowledgeBaseId", lexeme, "chunkCount")
          SELECT c."knowledgeBaseId", u.lexeme, count(*)
            FROM chunk c CROSS JOIN LATERAL unnest(tsvector_to_array(c.fts)) AS u(lexeme)
           WHERE c."knowledgeBaseId" = ${knowledgeBaseId}
           GROUP BY 1, 2`;
        await tx.$executeRaw`SELECT frontdesk_rebuild_top_postings(${knowledgeBaseId}, NULL)`;
      },
      { timeout: 3_600_000, maxWait: 120_000 },
    ),
  };
}

const MB = 2 ** 20;
/** Aggregating the statistics (a hash of every lexeme; PostgreSQL may use twice this for hashing). */
const WORK_MEM_BYTES = 256 * MB;
/** A GIN build collects entries in maintenance_work_mem; beyond this it merges from disk, which costs little. */
const GIN_MEMORY_BYTES = 1024 * MB;
/**
 * An HNSW build is fast only while the whole graph fits in maintenance_work_mem; past that pgvector inserts the
 * remaining vectors into the on-disk index one by one, many times slower. Capped to stay within ~6 GB with the GIN
 * build and the statistics running at the same time; PGlite's WebAssembly heap stops at 2 GB.
 */
const HNSW_MEMORY_CAP = { postgres: 4096 * MB, pglite: 768 * MB };
/**
 * pgvector (≥ 0.6) builds an HNSW graph with parallel workers, planned like a btree build from
 * max_parallel_maintenance_workers: set here so that a server configured with 0 does not build 1M vectors on one
 * core (the GIN build and the statistics take one core each meanwhile; PostgreSQL 15 builds GIN serially). The
 * workers share the one graph in dynamic shared memory, so the memory above is not multiplied.
 */
const HNSW_BUILD_WORKERS = 2;

/**
 * What one vector costs in pgvector's in-memory HNSW graph (m = 16, the product's indexes): the vector, up to
 * 2m neighbours on the ground layer at ~16 B each plus upper layers, the element's header; with a 25 % margin
 * (pgvector 0.8.0 measured 2,828 B a 512-dimension vector: the graph outgrew 16 MB after 5,932 vectors).
 */
export function hnswBuildMemoryBytes(vectors: number, dimensions: number): number {
  return Math.ceil(vectors * (dimensions * 4 + 800) * 1.25);
}

function isPglite(version: string | undefined): boolean {
  return /emscripten|wasm/i.test(version ?? "");
}

async function serverIsPglite(tx: Pick<PrismaClient, "$queryRaw">): Promise<boolean> {
  const [server] = await tx.$queryRaw<{ version: string }[]>`SELECT version()`;
  return isPglite(server?.version);
}

/** Sets a memory setting for this transaction (at least PostgreSQL's 64 MB default; at most the cap on PGlite). */
async function raiseWorkMemory(tx: Pick<PrismaClient, "$queryRaw" | "$executeRawUnsafe">, setting: "work_mem" | "maintenance_work_mem", bytes: number): Promise<void> {
  const pglite = await serverIsPglite(tx);
  const capped = Math.min(bytes, pglite ? HNSW_MEMORY_CAP.pglite : HNSW_MEMORY_CAP.postgres);
  const megabytes = Math.max(64, Math.ceil(capped / MB));
  await tx.$executeRawUnsafe(`SET LOCAL ${setting} = '${megabytes}MB'`);
}

export interface BulkLoadIndex {
  name: string;
  /** Creates the index again, exactly as it was, with memory for `rows` rows; resolves to the seconds it took. */
  build(rows: number): Promise<number>;
}

/** Drops the partial HNSW index for `dimensions` and the full-text GIN index, to be built again by `build`. */
export async function dropBulkLoadIndexes(prisma: PrismaClient, dimensions: number): Promise<BulkLoadIndex[]> {
  const indexes = await prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
    SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'chunk'
       AND ((indexdef ILIKE '%using hnsw%' AND indexdef LIKE ${`%vector(${dimensions})%`}) OR indexdef ILIKE '%using gin%')`;
  for (const index of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);
  return indexes.map((index) => ({
    name: index.indexname,
    async build(rows) {
      const started = performance.now();
      const hnsw = /using hnsw/i.test(index.indexdef);
      await prisma.$transaction(
        async (tx) => {
          await raiseWorkMemory(tx, "maintenance_work_mem", hnsw ? hnswBuildMemoryBytes(rows, dimensions) : GIN_MEMORY_BYTES);
          if (hnsw && !(await serverIsPglite(tx))) await tx.$executeRawUnsafe(`SET LOCAL max_parallel_maintenance_workers = ${HNSW_BUILD_WORKERS}`);
          await tx.$executeRawUnsafe(index.indexdef);
        },
        { timeout: 4 * 3_600_000, maxWait: 120_000 },
      );
      return (performance.now() - started) / 1000;
    },
  }));
}

/** A bulk load into chunk: its indexes dropped and the statistics triggers off until `finish`. */
export interface BulkLoad {
  /**
   * Turns the triggers on, builds the indexes again and counts the knowledge base's statistics, then analyzes
   * chunk. On PostgreSQL the index builds and the statistics run at once, each on its own connection (they only
   * read chunk, and each is one backend's work: on 2 shared cores, one after another took an hour at 1M chunks);
   * PGlite has one connection. Resolves to the seconds of each step. `statistics` replaces the counting (a
   * replicated knowledge base derives its statistics from the originals').
   */
  finish(knowledgeBaseId: string, log?: (line: string) => void, statistics?: () => Promise<void>): Promise<Record<string, number>>;
}

export async function startBulkLoad(prisma: PrismaClient, dimensions: number): Promise<BulkLoad> {
  const indexes = await dropBulkLoadIndexes(prisma, dimensions);
  const stats = await pauseTextStats(prisma);
  return {
    async finish(knowledgeBaseId, log = () => undefined, statistics = () => stats.count(knowledgeBaseId)) {
      const seconds: Record<string, number> = {};
      // Before any index build: enabling a trigger locks chunk against the builds' share locks.
      await stats.resume();
      const [{ rows } = { rows: 0 }] = await prisma.$queryRaw<{ rows: number }[]>`
        SELECT count(*)::int AS rows FROM chunk WHERE "embeddingDimensions" = ${dimensions}`;
      const steps: Array<[string, () => Promise<number>]> = [
        ...indexes.map((index): [string, () => Promise<number>] => [index.name, () => index.build(rows)]),
        ["statistics", () => timed(statistics)],
      ];
      const run = async ([name, step]: [string, () => Promise<number>]) => {
        log(`bulk load: ${name} started`);
        seconds[name] = Math.round((await step()) * 10) / 10;
        log(`bulk load: ${name} ${seconds[name]} s`);
      };
      if (await serverIsPglite(prisma)) for (const step of steps) await run(step);
      else await Promise.all(steps.map(run));
      seconds.analyze = Math.round((await timed(() => prisma.$executeRawUnsafe("ANALYZE chunk"))) * 10) / 10;
      return seconds;
    },
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
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
