// Builds one in-memory full-text index off the main thread (started by text-index-thread.ts): parsing every
// chunk's tsvector and packing its postings is a loop over all postings, seconds at 100k chunks, which on the main
// thread stalled every request of the API process. The main thread reads the rows and posts them here in batches.
import { parentPort } from "node:worker_threads";
import { TextIndexPacker, transferables } from "./text-index-build.mjs";

const packer = new TextIndexPacker();

parentPort.on("message", (message) => {
  try {
    if (message.type === "add") {
      packer.addBatch(message.batch);
      parentPort.postMessage({ type: "added", postings: packer.postings });
    } else if (message.type === "finish") {
      const packed = packer.finish(message.bm25);
      parentPort.postMessage({ type: "built", packed }, transferables(packed));
    }
  } catch (error) {
    parentPort.postMessage({ type: "failed", error: String(error?.stack ?? error) });
  }
});
