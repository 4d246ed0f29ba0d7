import { Worker } from "node:worker_threads";
import { BM25_B, BM25_K1 } from "./bm25-parameters";
import type { PackedTextIndex, TextIndexBatch } from "./text-index-build.mjs";

type Reply = { type: "added"; postings: number } | { type: "built"; packed: PackedTextIndex } | { type: "failed"; error: string };

/** One index build in its own thread: batches in, the packed index out (its arrays transferred, not copied). */
export interface TextIndexThread {
  /** Resolves with the postings packed so far once the thread has taken this batch. */
  add(batch: TextIndexBatch): Promise<number>;
  finish(): Promise<PackedTextIndex>;
  /** Ends the thread (after finish, or to abandon the build). */
  close(): void;
}

/**
 * Starts a build thread (text-index-worker.mjs, plain JavaScript found next to this file, as the embedding model's
 * thread is). Replies come in the order of the requests. The thread keeps the process alive only while a request is
 * outstanding.
 */
export function startTextIndexThread(): TextIndexThread {
  const worker = new Worker(new URL("./text-index-worker.mjs", import.meta.url));
  worker.unref();
  const waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const request of waiting.splice(0)) request.reject(failure);
  };
  worker.on("message", (reply: Reply) => {
    if (reply.type === "failed") return fail(new Error(`text index build failed: ${reply.error}`));
    waiting.shift()?.resolve(reply);
    if (waiting.length === 0) worker.unref();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`text index thread exited (code ${code})`)));
  const request = (message: { type: "add"; batch: TextIndexBatch } | { type: "finish"; bm25: { k1: number; b: number } }) =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
      worker.ref();
      worker.postMessage(message);
    });
  return {
    async add(batch) {
      const reply = await request({ type: "add", batch });
      if (reply.type !== "added") throw new Error(`text index thread answered ${reply.type} to a batch`);
      return reply.postings;
    },
    async finish() {
      const reply = await request({ type: "finish", bm25: { k1: BM25_K1, b: BM25_B } });
      if (reply.type !== "built") throw new Error(`text index thread answered ${reply.type} to finish`);
      return reply.packed;
    },
    close() {
      void worker.terminate();
    },
  };
}
