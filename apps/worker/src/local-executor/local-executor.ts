import { randomUUID } from "node:crypto";
import type { InngestFunction } from "inngest";
import { parseCron } from "./cron";
import { compileWaitCondition } from "./match-event";
import { resumeFunction, runFunction, type ExecutorEvent, type ParkedState, type PendingWait, type RunResult } from "./run-function";

export interface LocalExecutorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LocalExecutorOptions {
  functions: InngestFunction.Any[];
  logger: LocalExecutorLogger;
  /** Runs executing at once (default 2). */
  concurrency?: number;
  /** Backoff before retry `attempt` (default 1 s, 2 s, 4 s … capped at 30 s). */
  retryDelay?: (attempt: number) => number;
  maxSleepMs?: number;
  /**
   * Makes keyed limit-1 constraints (one run per document, per knowledge base…) hold across processes: API
   * replicas on one database each run this executor, and a document re-queued by one (e.g. at start) may be
   * running on another. A run whose slot is taken elsewhere waits its turn, as Inngest would queue it.
   */
  exclusive?: { tryAcquire(slot: string): Promise<(() => Promise<void>) | null> };
  /** Wait before trying a run whose slot another process holds again (default 2 s). */
  exclusiveRetryMs?: number;
  /** Run cron-triggered functions on their schedule (default true); `tick()` runs them on demand either way. */
  schedule?: boolean;
}

export interface LocalExecutor {
  enqueue(event: { name: string; data: Record<string, unknown>; id?: string }): void;
  /** Resolves once nothing is queued or running. */
  drain(): Promise<void>;
  /** Stops taking events, drops queued ones, cuts retry waits short and waits for running steps to end. */
  close(): Promise<void>;
  /** Settled runs, newest last (bounded); useful in tests and logs. */
  readonly results: readonly RunResult[];
  /** Queues the cron-triggered functions whose schedule matches `at` (its minute, UTC), as Inngest's scheduler would. */
  tick(at?: Date): void;
  /** Runs parked on step.sleep or step.waitForEvent (drain() does not wait for them, as they may wait for days). */
  readonly waiting: number;
}

/** A queued run: a new one for an event, or a parked one to continue with the step's result. */
interface Job {
  fn: InngestFunction.Any;
  event: ExecutorEvent;
  resume?: { state: ParkedState; wait: PendingWait; data: unknown };
}

/** A run held until its sleep ends, its awaited event arrives or its wait times out. */
interface ParkedRun {
  fn: InngestFunction.Any;
  event: ExecutorEvent;
  state: ParkedState;
  wait: PendingWait;
  matches: (trigger: ExecutorEvent, incoming: ExecutorEvent) => boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

// setTimeout's longest delay (about 24.8 days); longer waits re-arm.
const MAX_TIMER_MS = 2_147_483_647;

const defaultRetryDelay = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 30_000);
const MAX_KEPT_RESULTS = 100;

/** The in-process stand-in for the Inngest server: a bounded queue feeding runFunction. */
export function createLocalExecutor(options: LocalExecutorOptions): LocalExecutor {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const abort = new AbortController();
  const queue: Job[] = [];
  const parked = new Set<ParkedRun>();
  const results: RunResult[] = [];
  const idleWaiters: Array<() => void> = [];
  let active = 0;
  let closed = false;
  // Runs put back because another process holds their slot (counted so drain() waits for them).
  const deferred = new Set<ReturnType<typeof setTimeout>>();

  const notifyIfIdle = () => {
    if (active === 0 && queue.length === 0 && deferred.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  };

  // Runs per function-level and keyed concurrency constraint ("fnId" / "fnId:key=value"), as Inngest counts them.
  const running = new Map<string, number>();
  const slotsOf = (job: Job) =>
    concurrencyLimits(job.fn).map(({ key, limit }) => ({
      slot: key ? `${job.fn.id()}:${key}=${String(readKey(job.event, key))}` : job.fn.id(),
      limit,
    }));
  const allowed = (job: Job) =>
    slotsOf(job).every(({ slot, limit }) => (running.get(slot) ?? 0) < limit);

  const pump = () => {
    while (!closed && active < concurrency && queue.length > 0) {
      // The first queued job whose constraints have room; others wait their turn.
      const index = queue.findIndex(allowed);
      if (index < 0) return;
      const job = queue.splice(index, 1)[0]!;
      const slots = slotsOf(job).map(({ slot }) => slot);
      for (const slot of slots) running.set(slot, (running.get(slot) ?? 0) + 1);
      active += 1;
      void runExclusive(job).finally(() => {
        active -= 1;
        for (const slot of slots) running.set(slot, (running.get(slot) ?? 1) - 1);
        pump();
        notifyIfIdle();
      });
    }
  };

  const runExclusive = async (job: Job) => {
    const exclusive = options.exclusive;
    if (!exclusive) return run(job);
    const slots = slotsOf(job).filter(({ slot, limit }) => limit === 1 && slot !== job.fn.id());
    const releases: Array<() => Promise<void>> = [];
    try {
      for (const { slot } of slots) {
        const release = await exclusive.tryAcquire(slot);
        if (!release) return defer(job, slot);
        releases.push(release);
      }
      await run(job);
    } catch (error) {
      // The lock store is unreachable: try later rather than risk two processes on one document.
      options.logger.warn({ functionId: job.fn.id(), eventId: job.event.id, err: error }, "could not claim the job; retrying");
      defer(job);
    } finally {
      await Promise.all(releases.map((release) => release().catch(() => undefined)));
    }
  };

  const defer = (job: Job, heldSlot?: string) => {
    if (closed) return;
    if (heldSlot) options.logger.info({ functionId: job.fn.id(), eventId: job.event.id, slot: heldSlot }, "job waits: running in another process");
    const timer = setTimeout(() => {
      deferred.delete(timer);
      if (closed) return notifyIfIdle();
      queue.push(job);
      pump();
      notifyIfIdle();
    }, options.exclusiveRetryMs ?? 2000);
    deferred.add(timer);
  };

  // Scheduled functions: checked once a minute, each minute at most once (a late timer never runs one twice).
  const schedules = options.functions.flatMap((fn) => cronTriggers(fn).map((cron) => ({ fn, cron, matches: parseCron(cron) })));
  let lastMinute = -1;
  const tick = (at = new Date()) => {
    const minute = Math.floor(at.getTime() / 60_000);
    for (const { fn, cron, matches } of schedules) {
      if (closed || !matches(at)) continue;
      queue.push({ fn, event: { id: `cron-${fn.id()}-${minute}`, name: "inngest/scheduled.timer", data: { cron }, ts: at.getTime() } });
    }
    pump();
  };
  const timer =
    schedules.length > 0 && options.schedule !== false
      ? setInterval(() => {
          const now = new Date();
          const minute = Math.floor(now.getTime() / 60_000);
          if (minute === lastMinute) return;
          lastMinute = minute;
          tick(now);
        }, 15_000)
      : undefined;
  timer?.unref();

  // Parking: a sleeping or waiting run leaves the pool (it holds no concurrency slot, as on Inngest) and comes
  // back as a resume job when its timer fires or an enqueued event matches.
  const resume = (run: ParkedRun, data: unknown) => {
    if (!parked.delete(run)) return;
    if (run.timer) clearTimeout(run.timer);
    if (closed) return;
    queue.push({ fn: run.fn, event: run.event, resume: { state: run.state, wait: run.wait, data } });
    pump();
  };
  const arm = (run: ParkedRun) => {
    const left = run.wait.until - Date.now();
    run.timer = setTimeout(() => (left > MAX_TIMER_MS ? arm(run) : resume(run, null)), Math.max(0, Math.min(left, MAX_TIMER_MS)));
    run.timer.unref?.();
  };
  const park = (job: Job, result: Extract<RunResult, { status: "waiting" }>) => {
    const { wait } = result;
    const run: ParkedRun = {
      fn: job.fn,
      event: job.event,
      state: result.state,
      wait,
      matches: wait.kind === "event" ? compileWaitCondition(wait.if) : () => false,
      timer: undefined,
    };
    parked.add(run);
    arm(run);
  };
  const wakeWaiters = (incoming: ExecutorEvent) => {
    for (const run of [...parked]) {
      if (run.wait.kind === "event" && run.wait.event === incoming.name && run.matches(run.event, incoming)) resume(run, incoming);
    }
  };

  const run = async (job: Job) => {
    const { fn, event } = job;
    const context = { functionId: fn.id(), eventName: event.name, eventId: event.id };
    try {
      const runOptions = {
        retryDelay: options.retryDelay ?? defaultRetryDelay,
        maxSleepMs: options.maxSleepMs ?? 60_000,
        signal: abort.signal,
        park: true,
      };
      const result = job.resume ? await resumeFunction(fn, event, job.resume, runOptions) : await runFunction(fn, event, runOptions);
      if (result.status === "waiting") {
        // An unsupported wait condition fails the run here rather than leaving it parked forever.
        try {
          park(job, result);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results.push({ status: "failed", runId: result.runId, error: { name: "Error", message } });
          options.logger.warn({ ...context, runId: result.runId, error: message }, "job failed");
        }
        return;
      }
      results.push(result);
      if (results.length > MAX_KEPT_RESULTS) results.shift();
      if (result.status === "failed") options.logger.warn({ ...context, runId: result.runId, error: result.error }, "job failed");
      else options.logger.info({ ...context, runId: result.runId, status: result.status }, "job finished");
    } catch (error) {
      // Only the executor itself can throw here (the engine reports function errors as results).
      options.logger.error({ ...context, err: error }, "job crashed in the local executor");
    }
  };

  return {
    enqueue(event) {
      if (closed) throw new Error("the in-process job executor is closed");
      const full: ExecutorEvent = { id: event.id ?? randomUUID(), name: event.name, data: event.data, ts: Date.now() };
      for (const fn of options.functions) {
        if (triggerNames(fn).includes(full.name)) queue.push({ fn, event: full });
      }
      wakeWaiters(full);
      pump();
    },
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIfIdle();
      });
    },
    tick,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      queue.length = 0;
      for (const timer of deferred) clearTimeout(timer);
      deferred.clear();
      for (const run of parked) if (run.timer) clearTimeout(run.timer);
      parked.clear();
      abort.abort();
      await this.drain();
    },
    results,
    get waiting() {
      return parked.size;
    },
  };
}

/** The function's Inngest `concurrency` option as a list of {key?, limit}. */
function concurrencyLimits(fn: InngestFunction.Any): Array<{ key?: string; limit: number }> {
  const option = (fn as unknown as { opts: { concurrency?: unknown } }).opts.concurrency;
  const list = Array.isArray(option) ? option : option === undefined ? [] : [option];
  return list.flatMap((entry: unknown) => {
    if (typeof entry === "number") return [{ limit: entry }];
    if (entry && typeof entry === "object" && typeof (entry as { limit?: unknown }).limit === "number") {
      const { key, limit } = entry as { key?: unknown; limit: number };
      return limit > 0 ? [{ ...(typeof key === "string" ? { key } : {}), limit }] : [];
    }
    return [];
  });
}

/** Evaluates the simple keys our functions use ("event.data.documentId"); Inngest evaluates full CEL. */
function readKey(event: ExecutorEvent, key: string): unknown {
  const path = key.replace(/^event\./, "").split(".");
  let value: unknown = event;
  for (const part of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function cronTriggers(fn: InngestFunction.Any): string[] {
  const triggers = (fn as unknown as { opts: { triggers?: Array<{ cron?: string }> } }).opts.triggers ?? [];
  return triggers.flatMap((trigger) => (typeof trigger.cron === "string" ? [trigger.cron] : []));
}

function triggerNames(fn: InngestFunction.Any): string[] {
  const triggers = (fn as unknown as { opts: { triggers?: Array<{ event?: string | { name: string } }> } }).opts.triggers ?? [];
  return triggers.flatMap((trigger) =>
    typeof trigger.event === "string" ? [trigger.event] : trigger.event ? [trigger.event.name] : [],
  );
}
