import { Worker } from "node:worker_threads";
import { ExtractionError } from "../loaders/extraction-error";
import type { ExtractedText, ExtractTextInput } from "../loaders/extract-text";
import type { WebPage } from "../web/read-web-page";
import type { ParsedSitemap } from "../web/sitemap";
import type { ContentReader } from "./content-reader";
import type { SandboxFailure, SandboxJob, SandboxResult, SandboxResults } from "./sandbox-jobs";
import { extractionWorkerUrl } from "./worker-bundle";

export interface SandboxLimits {
  /** Heap (V8 old generation) of each worker thread, in MB: past it the thread dies, not the process. */
  maxHeapMb: number;
  /** Wall-clock limit of one job, in ms: past it the thread is terminated. */
  timeoutMs: number;
  /** Most bytes a compressed input (DOCX parts, a gzipped sitemap) may expand to. */
  maxExpandedBytes: number;
  /** Worker threads at most; more jobs wait their turn. */
  workers: number;
}

type WorkerMessage =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type?: undefined; id: number; ok: true; result: SandboxResult }
  | { type?: undefined; id: number; ok: false; failure: SandboxFailure };

interface CurrentJob {
  id: number;
  resolve: (result: SandboxResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread, one job at a time. A job that runs out of heap or time ends the thread with it. */
class SandboxThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private current: CurrentJob | undefined;
  private nextId = 0;
  dead = false;

  constructor(
    workerUrl: URL,
    private readonly limits: SandboxLimits,
  ) {
    this.worker = new Worker(workerUrl, {
      // Not the parent's flags: a TypeScript loader (tsx) in them would transform pdf.js & co. again in here.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    let settleReady!: { resolve: () => void; reject: (error: Error) => void };
    this.ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
    this.ready.catch(() => undefined);
    this.worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") return settleReady.resolve();
      if (message.type === "failed") {
        this.kill();
        return settleReady.reject(new Error(`the extraction worker could not start: ${message.error}`));
      }
      const job = this.current;
      if (!job || job.id !== message.id) return;
      this.finish();
      if (message.ok) job.resolve(message.result);
      else job.reject(new ExtractionError(message.failure.code, message.failure.message));
    });
    this.worker.on("error", (error: Error & { code?: string }) => {
      this.dead = true;
      settleReady.reject(error);
      const job = this.current;
      if (!job) return;
      this.finish();
      job.reject(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new ExtractionError("too_large", `reading the file needs more than ${limits.maxHeapMb} MB of memory (the limit)`, { cause: error })
          : new ExtractionError("corrupt", `the extractor crashed reading the file: ${error.message}`, { cause: error }),
      );
    });
    this.worker.on("exit", (code) => {
      this.dead = true;
      settleReady.reject(new Error(`the extraction worker exited (code ${code})`));
      const job = this.current;
      if (!job) return;
      this.finish();
      job.reject(new ExtractionError("corrupt", `the extractor stopped reading the file (exit code ${code})`));
    });
    // An idle thread must not keep the process alive.
    this.worker.unref();
  }

  async run(job: SandboxJob): Promise<SandboxResult> {
    // Held from here: a thread still starting must keep the process alive for the job waiting on it.
    this.worker.ref();
    try {
      await this.ready;
    } catch (error) {
      this.worker.unref();
      throw error;
    }
    if (this.dead) throw new Error("the extraction worker has stopped");
    return new Promise<SandboxResult>((resolve, reject) => {
      const id = this.nextId++;
      // The clock starts once the thread is ready: loading the parsers is not the file's fault.
      const timer = setTimeout(() => {
        this.finish();
        this.kill();
        reject(new ExtractionError("timeout", `extraction took longer than ${formatSeconds(this.limits.timeoutMs)}`));
      }, this.limits.timeoutMs);
      this.current = { id, resolve, reject, timer };
      this.worker.postMessage({ id, job });
    });
  }

  kill(): void {
    this.dead = true;
    void this.worker.terminate();
  }

  private finish() {
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    this.worker.unref();
  }
}

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10 || ms / 1000} s`;

/**
 * Runs every parser of untrusted bytes in a small pool of worker threads with `resourceLimits` (heap) and a
 * wall-clock timeout. A job that exhausts either fails alone with a readable ExtractionError ("reading the file
 * needs more than N MB of memory", "extraction took longer than N s"); its thread is replaced, the process and
 * the other jobs carry on. Threads start on first use and stay (unref'd) for the next job.
 */
export class ExtractionSandbox implements ContentReader {
  private readonly idle: SandboxThread[] = [];
  private readonly waiting: Array<(thread: SandboxThread) => void> = [];
  private alive = 0;

  constructor(readonly limits: SandboxLimits) {}

  extractText(input: ExtractTextInput): Promise<ExtractedText> {
    return this.run({ kind: "extractText", input, limits: { maxExpandedBytes: this.limits.maxExpandedBytes } });
  }

  readWebPage(source: Uint8Array, pageUrl: string): Promise<WebPage> {
    return this.run({ kind: "readWebPage", source, pageUrl });
  }

  parseSitemap(bytes: Uint8Array): Promise<ParsedSitemap | null> {
    return this.run({ kind: "parseSitemap", bytes, limits: { maxExpandedBytes: this.limits.maxExpandedBytes } });
  }

  /** Ends the idle threads (busy ones end with their job). */
  close(): void {
    for (const thread of this.idle.splice(0)) {
      thread.kill();
      this.alive -= 1;
    }
  }

  private async run<K extends SandboxJob["kind"]>(job: Extract<SandboxJob, { kind: K }>): Promise<SandboxResults[K]> {
    const workerUrl = await extractionWorkerUrl();
    const thread = await this.acquire(workerUrl);
    try {
      return (await thread.run(job)) as SandboxResults[K];
    } finally {
      this.release(thread, workerUrl);
    }
  }

  private acquire(workerUrl: URL): Promise<SandboxThread> {
    for (let thread = this.idle.pop(); thread; thread = this.idle.pop()) {
      if (!thread.dead) return Promise.resolve(thread);
      this.alive -= 1;
    }
    if (this.alive < this.limits.workers) {
      this.alive += 1;
      return Promise.resolve(new SandboxThread(workerUrl, this.limits));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(thread: SandboxThread, workerUrl: URL) {
    const next = this.waiting.shift();
    if (!thread.dead) {
      if (next) next(thread);
      else this.idle.push(thread);
      return;
    }
    if (next) next(new SandboxThread(workerUrl, this.limits));
    else this.alive -= 1;
  }
}

const sandboxes = new Map<string, ExtractionSandbox>();

/** The process-wide sandbox for these limits (threads are shared by everything that reads with them). */
export function extractionSandbox(limits: SandboxLimits): ExtractionSandbox {
  const key = JSON.stringify([limits.maxHeapMb, limits.timeoutMs, limits.maxExpandedBytes, limits.workers]);
  let sandbox = sandboxes.get(key);
  if (!sandbox) sandboxes.set(key, (sandbox = new ExtractionSandbox(limits)));
  return sandbox;
}
