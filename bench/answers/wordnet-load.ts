// tsx bench/answers/wordnet-load.ts [--warm]   (node --expose-gc for exact heap numbers)
import { warmWordNet, wordNetBaseForms, wordNetStatus } from "@frontdesk/rag";

/**
 * What reading WordNet costs (packages/rag/src/wording/wordnet): wall-clock and CPU time of the load, and the memory
 * it adds (heap, typed arrays' contents outside it, resident), as one JSON line. `--warm` loads it as the API does at
 * start (asynchronously, in steps).
 */
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const cpu = process.cpuUsage();
const started = performance.now();
if (process.argv.includes("--warm")) await warmWordNet();
else wordNetBaseForms("warm");
const wallMs = Math.round(performance.now() - started);
const used = process.cpuUsage(cpu);
gc?.();
const after = process.memoryUsage();
console.log(
  JSON.stringify({
    bench: "wordnet-load",
    mode: process.argv.includes("--warm") ? "warm" : "sync",
    wallMs,
    cpuMs: Math.round((used.user + used.system) / 1000),
    heapMB: Math.round((after.heapUsed - before.heapUsed) / 1e6),
    rssMB: Math.round((after.rss - before.rss) / 1e6),
    // Typed arrays' contents live outside the JS heap: counted here, not in heapMB.
    arrayBuffersMB: Math.round((after.arrayBuffers - before.arrayBuffers) / 1e6),
    exactHeap: gc !== undefined,
    ...wordNetStatus(),
    loadMs: Math.round(wordNetStatus().loadMs ?? 0),
  }),
);
