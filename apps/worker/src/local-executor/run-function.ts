import { randomUUID } from "node:crypto";
import { durationToMs, internalEvents, type InngestFunction } from "inngest";
import { StepMode, StepOpCode, type OutgoingOp } from "inngest/types";

/** An event as the executor hands it to a function (what Inngest would store). */
export interface ExecutorEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export interface RunOptions {
  /** Delay before retry number `attempt` (1-based). */
  retryDelay: (attempt: number) => number;
  /** Longest wait honoured in-line (a RetryAfterError, or `step.sleep` when not parking); longer ones are cut short. */
  maxSleepMs: number;
  signal?: AbortSignal;
  /**
   * Park instead of waiting in-line: `step.sleep`/`sleepUntil` and `step.waitForEvent` end the call with a
   * `waiting` result carrying the run's state, and the caller resumes it (see resumeFunction) when the time
   * comes or the event arrives, the way the Inngest server holds a run without holding a worker.
   */
  park?: boolean;
}

/** What a parked run waits for; `until` is epoch ms (the sleep's end, or the wait's timeout). */
export type PendingWait =
  | { kind: "sleep"; stepId: string; until: number }
  | { kind: "event"; stepId: string; event: string; if?: string; until: number };

/** Everything needed to resume a parked run: its memoized steps, in completion order. */
export interface ParkedState {
  runId: string;
  stepState: Record<string, MemoizedStep>;
  completionOrder: string[];
}

export type RunResult =
  | { status: "completed"; runId: string; output: unknown }
  | { status: "failed"; runId: string; error: SerializedError }
  /** Stopped by shutdown before it could finish; nothing was marked failed. */
  | { status: "cancelled"; runId: string }
  /** Parked on a sleep or waitForEvent (only with `park`): resume it with resumeFunction. */
  | { status: "waiting"; runId: string; wait: PendingWait; state: ParkedState };

export interface SerializedError {
  name?: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

export type MemoizedStep = { id: string; data: unknown } | { id: string; error: unknown };

interface ExecutionResult {
  type: "function-resolved" | "function-rejected" | "step-ran" | "steps-found" | "step-not-found" | "change-mode";
  data?: unknown;
  error?: unknown;
  retriable?: boolean | string;
  step?: OutgoingOp;
  steps?: OutgoingOp[];
}

/** The engine entry point @inngest/test drives too; not part of InngestFunction's public typings. */
interface ExecutableFunction {
  createExecution(opts: { partialOptions: Record<string, unknown> }): { start(): Promise<ExecutionResult> };
  client: unknown;
  opts: { retries?: number; onFailure?: unknown; id: string };
}

const DEFAULT_RETRIES = 3;
const asExecutable = (fn: InngestFunction.Any) => fn as unknown as ExecutableFunction;

// What Inngest's servers do with step output: it crosses the wire as JSON.
const overTheWire = <T>(value: T): T => (value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T));

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Runs one Inngest function for one event in this process, using the SDK's own execution engine the way the
 * Inngest server drives it over HTTP: every call replays the handler with the memoized step results so far and
 * reports the next step to run; each step result is stored (as JSON) and never recomputed. Failed steps and
 * handlers are retried with backoff up to the function's `retries`; NonRetriableError stops at once; `onFailure`
 * runs when the run fails for good.
 */
export async function runFunction(fn: InngestFunction.Any, event: ExecutorEvent, options: RunOptions): Promise<RunResult> {
  return finish(fn, event, options, await execute(asExecutable(fn), "main", [event], { runId: randomUUID(), stepState: {}, completionOrder: [] }, options));
}

/**
 * Continues a run parked on `wait`: the sleep is over (`data` null), the wait timed out (null) or the awaited
 * event arrived (`data` is that event), which becomes the step's result, as Inngest reports it.
 */
export async function resumeFunction(
  fn: InngestFunction.Any,
  event: ExecutorEvent,
  parked: { state: ParkedState; wait: PendingWait; data: unknown },
  options: RunOptions,
): Promise<RunResult> {
  const { state, wait } = parked;
  const resumed: ParkedState = {
    runId: state.runId,
    stepState: { ...state.stepState, [wait.stepId]: { id: wait.stepId, data: overTheWire(parked.data) } },
    completionOrder: [...state.completionOrder, wait.stepId],
  };
  return finish(fn, event, options, await execute(asExecutable(fn), "main", [event], resumed, options));
}

async function finish(fn: InngestFunction.Any, event: ExecutorEvent, options: RunOptions, result: RunResult): Promise<RunResult> {
  const runId = result.runId;
  if (result.status === "failed" && asExecutable(fn).opts.onFailure) {
    const failureEvent: ExecutorEvent = {
      id: randomUUID(),
      name: internalEvents.FunctionFailed,
      data: { function_id: fn.id(), run_id: runId, error: result.error, event },
      ts: Date.now(),
    };
    // Inngest runs the failure handler as its own function with a single retry.
    await execute(asExecutable(fn), "failure", [failureEvent], { runId: randomUUID(), stepState: {}, completionOrder: [] }, { ...options, park: false }, 1);
  }
  return result;
}

async function execute(
  fn: ExecutableFunction,
  handlerKind: "main" | "failure",
  events: ExecutorEvent[],
  start: ParkedState,
  options: RunOptions,
  retries = fn.opts.retries ?? DEFAULT_RETRIES,
): Promise<RunResult> {
  const maxAttempts = retries + 1;
  const { runId } = start;
  const stepState: Record<string, MemoizedStep> = { ...start.stepState };
  const completionOrder: string[] = [...start.completionOrder];
  const parked = (wait: PendingWait): RunResult => ({ status: "waiting", runId, wait, state: { runId, stepState: structuredClone(stepState), completionOrder: [...completionOrder] } });
  let attempt = 0;
  let requestedRunStep: string | undefined;

  const retryOrFail = async (error: unknown, retriable?: unknown): Promise<RunResult | undefined> => {
    if (attempt + 1 >= maxAttempts) return { status: "failed", runId, error: toSerialized(error) };
    attempt += 1;
    // RetryAfterError (e.g. a provider's 429 with Retry-After) sets the wait, as the Inngest server does.
    const asked = retryAfterDelay(retriable) ?? retryAfterDelay((error as { retryAfter?: unknown } | null)?.retryAfter);
    await sleep(asked === undefined ? options.retryDelay(attempt) : Math.min(asked, options.maxSleepMs), options.signal);
    return options.signal?.aborted ? { status: "cancelled", runId } : undefined;
  };
  const memoize = (id: string, entry: MemoizedStep) => {
    stepState[id] = entry;
    completionOrder.push(id);
    attempt = 0; // every step gets its own retry budget, as on Inngest
  };

  for (;;) {
    const result = await fn
      .createExecution({
        partialOptions: {
          client: fn.client,
          runId,
          data: { event: events[0], events, runId, attempt, maxAttempts },
          // The engine mutates what it is given; each call gets its own copy, as an HTTP request would.
          stepState: structuredClone(stepState),
          stepCompletionOrder: [...completionOrder],
          stepMode: StepMode.Async,
          requestedRunStep,
          disableImmediateExecution: false,
          handlerKind,
          reqArgs: [],
          headers: {},
        },
      })
      .start();
    requestedRunStep = undefined;

    switch (result.type) {
      case "function-resolved":
        return { status: "completed", runId, output: overTheWire(result.data) };

      case "function-rejected": {
        if (result.retriable === false) return { status: "failed", runId, error: toSerialized(result.error) };
        const done = await retryOrFail(result.error, result.retriable);
        if (done) return done;
        continue;
      }

      case "step-ran": {
        const step = result.step!;
        if (step.op === StepOpCode.StepError) {
          const done = await retryOrFail(step.error, result.retriable);
          if (done) return done;
        } else if (step.op === StepOpCode.StepFailed) {
          // Memoized as an error: the handler sees a StepError it may catch.
          memoize(step.id, { id: step.id, error: overTheWire(step.error) });
        } else {
          memoize(step.id, { id: step.id, data: overTheWire(step.data) });
        }
        continue;
      }

      case "steps-found": {
        const steps = result.steps ?? [];
        const complete = steps.find((step) => step.op === StepOpCode.RunComplete);
        if (complete) return { status: "completed", runId, output: overTheWire(complete.data) };
        const next = steps[0];
        if (!next) throw new Error("Inngest engine reported no steps");
        if (next.op === StepOpCode.StepPlanned) {
          requestedRunStep = next.id;
        } else if (next.op === StepOpCode.Sleep) {
          if (options.park) return parked({ kind: "sleep", stepId: next.id, until: Date.now() + sleepDuration(next) });
          await sleep(Math.min(sleepDuration(next), options.maxSleepMs), options.signal);
          memoize(next.id, { id: next.id, data: null });
        } else if (next.op === StepOpCode.WaitForEvent && options.park) {
          const opts = (next.opts ?? {}) as { timeout?: unknown; if?: unknown };
          const timeout = typeof opts.timeout === "string" ? sleepDuration({ ...next, name: opts.timeout }) : 0;
          return parked({
            kind: "event",
            stepId: next.id,
            event: next.name ?? "",
            ...(typeof opts.if === "string" ? { if: opts.if } : {}),
            until: Date.now() + timeout,
          });
        } else if (next.op === StepOpCode.StepError || next.op === StepOpCode.StepFailed) {
          const done = await retryOrFail(next.error);
          if (done) return done;
        } else {
          return {
            status: "failed",
            runId,
            error: { name: "Error", message: `step.${next.op} is not supported by the in-process executor` },
          };
        }
        continue;
      }

      case "step-not-found":
      case "change-mode":
        return { status: "failed", runId, error: { name: "Error", message: `unexpected Inngest result: ${result.type}` } };
    }
  }
}

/** RetryAfterError carries whole seconds ("30") or an ISO date; anything else means "use the normal backoff". */
function retryAfterDelay(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const until = Date.parse(value);
  return Number.isNaN(until) ? undefined : Math.max(0, until - Date.now());
}

/** step.sleep sends a duration ("30s"), step.sleepUntil an ISO date, both as the op's name. */
function sleepDuration(op: OutgoingOp): number {
  const name = op.name ?? "";
  const until = /^\d{4}-\d{2}-\d{2}T/.test(name) ? Date.parse(name) : NaN;
  if (!Number.isNaN(until)) return Math.max(0, until - Date.now());
  try {
    return durationToMs(name);
  } catch {
    return 0;
  }
}

function toSerialized(error: unknown): SerializedError {
  const wire = overTheWire(error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error);
  if (wire && typeof wire === "object" && typeof (wire as { message?: unknown }).message === "string") {
    return wire as SerializedError;
  }
  return { name: "Error", message: String(wire) };
}
