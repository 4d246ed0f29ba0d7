import type { ModelThread } from "./model-thread";

/** Queries (a chat's or a search's one text) go before queued document batches. */
export type Lane = "query" | "document";

interface Job {
  texts: string[];
  exact: boolean;
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  thread: ModelThread;
  loaded: boolean;
  busy: boolean;
}

/**
 * Model threads and the batches waiting for them. Each thread runs one batch at a time, so a query waits for at
 * most the batch in flight on a thread, never behind the whole queue: with the query lane it is next. The first
 * thread starts on demand; more (up to `maxThreads`) only when `widen()` is asked for, since each costs a model
 * load (~2 s of CPU, ~100 MB) that only a long run of batches pays back.
 */
export class ModelPool {
  private readonly slots: Slot[] = [];
  private readonly lanes: Record<Lane, Job[]> = { query: [], document: [] };
  /** An extra thread failed to load (memory, a broken WASM start): the pool stays as wide as it is. */
  private widenFailed = false;

  constructor(
    private readonly startThread: () => ModelThread,
    public maxThreads: number,
  ) {}

  /** Resolves when a thread has the model loaded (starting the first if none is running). */
  ready(): Promise<void> {
    const slot = this.slots[0] ?? this.start();
    return slot.thread.ready;
  }

  get threadCount(): number {
    return this.slots.length;
  }

  /** Starts one more thread if below maxThreads and every running one has loaded (one load at a time). */
  widen(): void {
    if (this.widenFailed || this.slots.length >= this.maxThreads || !this.slots.every((slot) => slot.loaded)) return;
    if (this.slots.length > 0) this.start().thread.ready.catch(() => (this.widenFailed = true));
  }

  /** The texts' vectors from one message to a thread; `exact`: each is its vector alone (see ModelThread.embed). */
  embed(texts: string[], lane: Lane, exact = false): Promise<number[][]> {
    return new Promise((resolve, reject) => {
      this.lanes[lane].push({ texts, exact, resolve, reject });
      if (this.slots.length === 0) this.start();
      this.dispatch();
    });
  }

  private start(): Slot {
    const slot: Slot = { thread: this.startThread(), loaded: false, busy: false };
    this.slots.push(slot);
    slot.thread.onExit(() => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      // A crash after loading: the jobs still waiting get a fresh thread.
      if (slot.loaded && this.slots.length === 0 && this.waiting()) this.start();
    });
    slot.thread.ready.then(
      () => {
        slot.loaded = true;
        this.dispatch();
      },
      (error: Error) => {
        // The model cannot load (the thread is gone already): fail what waits rather than retry forever.
        if (this.slots.length === 0) this.failWaiting(error);
      },
    );
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.loaded || slot.busy) continue;
      const job = this.lanes.query.shift() ?? this.lanes.document.shift();
      if (!job) return;
      slot.busy = true;
      slot.thread.embed(job.texts, job.exact).then(job.resolve, job.reject).finally(() => {
        slot.busy = false;
        this.dispatch();
      });
    }
  }

  private waiting(): boolean {
    return this.lanes.query.length > 0 || this.lanes.document.length > 0;
  }

  private failWaiting(error: Error): void {
    for (const lane of [this.lanes.query, this.lanes.document]) for (const job of lane.splice(0)) job.reject(error);
  }
}
