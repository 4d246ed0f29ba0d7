// The extraction worker thread: parses untrusted files (PDF, DOCX, HTML, CSV, sitemaps, crawled pages) under the
// heap limit the main thread gave it (resourceLimits), so a decompression bomb or a parser gone wild ends this
// thread, not the server. Never imported directly: worker-bundle.ts compiles it with esbuild into one plain
// JavaScript file (packages stay plain imports), so the thread starts under plain node without a TypeScript loader.
import { parentPort } from "node:worker_threads";
import { runSandboxJob, toSandboxFailure, type SandboxJob } from "./sandbox-jobs";

const port = parentPort;
if (!port) throw new Error("extraction-worker runs as a worker thread");

port.on("message", async ({ id, job }: { id: number; job: SandboxJob }) => {
  try {
    port.postMessage({ id, ok: true, result: await runSandboxJob(job) });
  } catch (error) {
    port.postMessage({ id, ok: false, failure: toSandboxFailure(error) });
  }
});
port.postMessage({ type: "ready" });
