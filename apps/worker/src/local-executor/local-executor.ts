import { randomUUID } from "node:crypto";
import { timeSpan } from "@frontdesk/rag";
import type { InngestFunction } from "inngest";
import { parseCron } from "./cron";
import { compileWaitCondition } from "./match-event";
import { createMemoryParkedRunStore, type ClaimedRun, type ParkedRunStore } from "./parked-runs";
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
  /**
   * Where runs parked on step.sleep / step.waitForEvent are kept (default: this process's memory). With the
   * database store they survive a restart, and an event sent to any executor on the database wakes them.
   */
  parkedRuns?: ParkedRunStore;
  /** How often the store is read for runs due soon (default 5 s); their timers are armed in-process. */
  parkedPollMs?: number;
  /** How long a claim on a resumed run holds without renewal (default 60 s; renewed every third of it while running). */
  claimLeaseMs?: number;
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
  /**
   * Runs parked on step.sleep or step.waitForEvent as this executor knows them: parked here or due soon, and not
   * yet resumed (drain() does not wait for them, as they may wait for days). `countParked()` reads the store.
   */
  readonly waiting: number;
  /** Parked runs of these functions in the store, whichever executor parked them. */
  countParked(): Promise<number>;
}

/** A queued run: a new one for an event, or a parked one (claimed from the store) to continue with the step's result. */
interface Job {
  fn: InngestFunction.Any;
  event: ExecutorEvent;
  resume?: { state: ParkedState; wait: PendingWait; data: unknown };
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
  const results: RunResult[] = [];
  const idleWaiters: Array<() => void> = [];
  let active = 0;
  let closed = false;
  // Runs put back because another process holds their slot (counted so drain() waits for them).
  const deferred = new Set<ReturnType<typeof setTimeout>>();

  // Store reads and writes in flight (parking, waking, claiming), counted so drain() waits for them.
  let storeOps = 0;

  const notifyIfIdle = () => {
    if (active === 0 && queue.length === 0 && deferred.size === 0 && storeOps === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
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
    if (!exclusive) return timeSpan(`job.${job.fn.id()}`, () => run(job));
    const slots = slotsOf(job).filter(({ slot, limit }) => limit === 1 && slot !== job.fn.id());
    const releases: Array<() => Promise<void>> = [];
    try {
      for (const { slot } of slots) {
        const release = await exclusive.tryAcquire(slot);
        if (!release) return defer(job, slot);
        releases.push(release);
      }
      await timeSpan(`job.${job.fn.id()}`, () => run(job));
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

  // Parking: a sleeping or waiting run leaves the pool (it holds no concurrency slot, as on Inngest) and is written
  // to the store. Whichever executor claims it first — at its deadline (a timer armed here when it is due soon) or
  // when an awaited event reaches that executor — resumes it; the claim is a renewed lease, so one that dies
  // mid-run leaves it to another.
  const store = options.parkedRuns ?? createMemoryParkedRunStore();
  const functionsById = new Map(options.functions.map((fn) => [fn.id(), fn]));
  const functionIds = [...functionsById.keys()];
  const owner = randomUUID();
  const pollMs = Math.max(10, options.parkedPollMs ?? 5_000);
  const leaseMs = Math.max(30, options.claimLeaseMs ?? 60_000);
  // Runs known to be parked (here, or due soon) → their deadline timer, if armed.
  const known = new Map<string, ReturnType<typeof setTimeout> | undefined>();
  // Resumed runs this executor holds the claim on.
  const claims = new Set<string>();
  const conditions = new Map<string, ReturnType<typeof compileWaitCondition>>();
  const conditionOf = (expression: string | undefined) => {
    const key = expression ?? "";
    let compiled = conditions.get(key);
    if (!compiled) conditions.set(key, (compiled = compileWaitCondition(expression)));
    return compiled;
  };
  // Parks written before an event is matched, so an event sent right after a run parks still finds it.
  let parking: Promise<void> = Promise.resolve();
  const writing = new Set<string>();

  const track = <T>(operation: () => Promise<T>, what: string): Promise<T | undefined> => {
    storeOps += 1;
    return operation()
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, `parked runs: could not ${what}`);
        return undefined;
      })
      .finally(() => {
        storeOps -= 1;
        notifyIfIdle();
      });
  };
  const lease = () => ({ owner, until: Date.now() + leaseMs, now: Date.now() });
  const forget = (runId: string) => {
    const timer = known.get(runId);
    if (timer) clearTimeout(timer);
    known.delete(runId);
  };
  const resumeClaimed = (claimed: ClaimedRun | null | undefined) => {
    if (!claimed) return;
    const runId = claimed.state.runId;
    forget(runId);
    const fn = functionsById.get(claimed.functionId);
    if (closed || !fn) {
      void track(() => store.release(runId, owner), "release a run");
      return;
    }
    claims.add(runId);
    queue.push({ fn, event: claimed.event, resume: { state: claimed.state, wait: claimed.wait, data: claimed.data } });
    pump();
  };
  const claiming = new Set<string>();
  const claimDue = (runId: string) => {
    if (claiming.has(runId)) return;
    claiming.add(runId);
    void track(async () => {
      try {
        const claimed = await store.claimDue(runId, lease());
        if (!claimed) forget(runId); // resumed elsewhere (or gone)
        resumeClaimed(claimed);
      } finally {
        claiming.delete(runId);
      }
    }, "claim a due run");
  };
  const arm = (runId: string, until: number) => {
    if (closed || known.get(runId)) return;
    const left = until - Date.now();
    // setTimeout's longest delay is about 24.8 days; the poller arms far deadlines when they come near anyway.
    const timer = setTimeout(() => {
      known.set(runId, undefined);
      claimDue(runId);
    }, Math.max(0, Math.min(left, MAX_TIMER_MS)));
    timer.unref?.();
    known.set(runId, timer);
  };
  const park = (job: Job, result: Extract<RunResult, { status: "waiting" }>) => {
    const { wait, state } = result;
    // An unsupported wait condition fails the run here rather than leaving it parked forever.
    if (wait.kind === "event") conditionOf(wait.if);
    const runId = state.runId;
    known.set(runId, undefined);
    writing.add(runId);
    const write = track(async () => {
      try {
        await store.park({ functionId: job.fn.id(), event: job.event, state, wait });
      } finally {
        writing.delete(runId);
      }
      claims.delete(runId);
      if (wait.until <= Date.now() + pollMs * 2) arm(runId, wait.until);
    }, "park a run");
    parking = Promise.all([parking, write]).then(() => undefined);
  };
  const wakeWaiters = (incoming: ExecutorEvent) =>
    void track(async () => {
      await parking;
      const candidates = await store.waitingFor(functionIds, incoming.name, Date.now());
      for (const candidate of candidates) {
        if (candidate.wait.kind !== "event") continue;
        let matches: boolean;
        try {
          matches = conditionOf(candidate.wait.if)(candidate.event, incoming);
        } catch {
          matches = false; // written by a build that evaluates more; this one leaves it to the deadline
        }
        if (matches) resumeClaimed(await store.claimWithEvent(candidate.state.runId, incoming, lease()));
      }
    }, "wake waiting runs");
  // Runs due soon (also those parked by another executor or before a restart) get a timer here; a run woken by an
  // event on an executor that then stopped is resumed at once.
  // Not counted by drain(): it runs all the time; what it finds due is (claims, then queued runs).
  let polling: Promise<void> | undefined;
  const poll = () => {
    if (polling || closed) return;
    polling = readDue().finally(() => (polling = undefined));
  };
  const readDue = async () => {
    try {
      const now = Date.now();
      for (const due of await store.due(functionIds, now + pollMs * 2, now)) {
        if (due.ready) claimDue(due.runId);
        else arm(due.runId, due.until);
      }
      // Runs parked here but resumed by another executor (an event reached it) are no longer waiting.
      const untimed = [...known].flatMap(([runId, timer]) => (timer ? [] : [runId]));
      if (untimed.length > 0) {
        const still = new Set(await store.stillParked(untimed));
        for (const runId of untimed) if (!still.has(runId) && !known.get(runId) && !writing.has(runId)) known.delete(runId);
      }
    } catch (error) {
      options.logger.warn({ err: error }, "parked runs: could not read due runs");
    }
  };
  poll();
  const poller = setInterval(poll, pollMs);
  poller.unref();
  const renewer = setInterval(() => {
    if (claims.size > 0) void track(() => store.renew(owner, [...claims], Date.now() + leaseMs), "renew claims");
  }, Math.max(10, Math.floor(leaseMs / 3)));
  renewer.unref();
  // A resumed run that ended, or stopped by shutdown, gives up its claim (removing the row if it ended).
  const settleClaim = (runId: string, ended: boolean) => {
    if (!claims.delete(runId)) return;
    void track(() => (ended ? store.remove(runId, owner) : store.release(runId, owner)), ended ? "remove an ended run" : "release a run");
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
        try {
          park(job, result);
          return;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results.push({ status: "failed", runId: result.runId, error: { name: "Error", message } });
          options.logger.warn({ ...context, runId: result.runId, error: message }, "job failed");
          settleClaim(result.runId, true);
          return;
        }
      }
      settleClaim(result.runId, result.status !== "cancelled");
      results.push(result);
      if (results.length > MAX_KEPT_RESULTS) results.shift();
      if (result.status === "failed") options.logger.warn({ ...context, runId: result.runId, error: result.error }, "job failed");
      else options.logger.info({ ...context, runId: result.runId, status: result.status }, "job finished");
    } catch (error) {
      // Only the executor itself can throw here (the engine reports function errors as results).
      options.logger.error({ ...context, err: error }, "job crashed in the local executor");
      if (job.resume) settleClaim(job.resume.state.runId, false);
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
      clearInterval(poller);
      clearInterval(renewer);
      for (const timer of known.values()) if (timer) clearTimeout(timer);
      known.clear();
      abort.abort();
      await polling;
      await this.drain();
      // Claimed runs still queued (never started) go back to the store for another executor or the next start.
      for (const runId of [...claims]) settleClaim(runId, false);
      await this.drain();
    },
    results,
    get waiting() {
      return known.size;
    },
    countParked: () => store.count(functionIds),
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
