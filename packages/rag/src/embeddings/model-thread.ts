import { Worker } from "node:worker_threads";

type WorkerMessage =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type: "result"; id: number; dimensions: number; packed: Float32Array; runs: number; error?: undefined }
  | { type: "result"; id: number; error: string };

/** One thread running the local model (~30 MB of weights and its own WASM heap). */
export interface ModelThread {
  /** Settles once the model is loaded; rejects if it cannot load. */
  readonly ready: Promise<void>;
  /** The texts' vectors as one batch; `exact`: each bit for bit its vector alone (the thread groups by token count). */
  embed(texts: string[], exact?: boolean): Promise<number[][]>;
  /** Called once when the thread dies (load failure, crash, exit): its pending requests are rejected. */
  onExit(listener: () => void): void;
}

let modelRuns = 0;

/** Times the local model's graph has run in this process, on every thread (a load-independent count for benches). */
export function localModelRuns(): number {
  return modelRuns;
}

export function startModelThread(): ModelThread {
  const worker = new Worker(new URL("./local-embeddings-worker.mjs", import.meta.url));
  // The thread keeps the process alive only while the model loads or a request is outstanding.
  let holds = 1;
  const release = () => {
    holds -= 1;
    if (holds === 0) worker.unref();
  };
  const pending = new Map<number, { resolve: (v: number[][]) => void; reject: (e: Error) => void }>();
  const exitListeners: Array<() => void> = [];
  let nextId = 0;
  let dead = false;
  let settleReady!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => undefined);

  const fail = (error: Error) => {
    if (dead) return;
    dead = true;
    // A dead thread must not keep the process alive; the pool starts a fresh one for the next request.
    worker.unref();
    void worker.terminate();
    settleReady.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    for (const listener of exitListeners) listener();
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
    modelRuns += message.runs;
    const vectors: number[][] = [];
    for (let start = 0; start < message.packed.length; start += message.dimensions) {
      vectors.push(Array.from(message.packed.subarray(start, start + message.dimensions)));
    }
    request.resolve(vectors);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`local embedding thread exited (code ${code})`)));

  return {
    ready,
    embed(texts, exact = false) {
      if (dead) return Promise.reject(new Error("local embedding thread is gone"));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        if (holds++ === 0) worker.ref();
        worker.postMessage({ id, texts, exact });
      });
    },
    onExit(listener) {
      if (dead) listener();
      else exitListeners.push(listener);
    },
  };
}
