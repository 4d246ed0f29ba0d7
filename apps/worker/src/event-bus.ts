import { eventSchemas, type EventBus, type FrontdeskEvent } from "@frontdesk/core";
import { inngest, useInngestLogger } from "./client";
import { createFunctions, type WorkerDeps } from "./functions";
import { createLocalExecutor, createPrismaParkedRunStore, type LocalExecutorOptions } from "./local-executor";

export interface EventBusOptions {
  /** In-process runs executing at once (default 2). */
  concurrency?: number;
  /** In-process backoff before retry `attempt`. */
  retryDelay?: (attempt: number) => number;
  /** Cross-process claims for the in-process executor when several API replicas share one database. */
  exclusive?: LocalExecutorOptions["exclusive"];
  /** How often the in-process executor reads the database for parked runs due soon (default 5 s). */
  parkedPollMs?: number;
}

export interface WorkerEventBus extends EventBus {
  /** "inngest" sends to an Inngest server; "in-process" runs the same functions here. */
  readonly mode: "inngest" | "in-process";
  /** Resolves when every in-process job has settled (immediately for Inngest). */
  drain(): Promise<void>;
  /** In-process: runs the scheduled (cron) functions due at `at` now (Inngest runs its own schedule). */
  runScheduled(at?: Date): void;
  /** In-process runs parked on step.sleep / step.waitForEvent (0 with Inngest, which holds them itself). */
  readonly waiting: number;
  close(): Promise<void>;
}

/** Inngest when INNGEST_EVENT_KEY or INNGEST_BASE_URL is configured, else the in-process executor. */
export function createEventBus(deps: WorkerDeps, options: EventBusOptions = {}): WorkerEventBus {
  const { config } = deps;
  useInngestLogger(deps.logger);
  const list = (events: FrontdeskEvent | FrontdeskEvent[]) => (Array.isArray(events) ? events : [events]).map(validate);

  if (config.INNGEST_EVENT_KEY || config.INNGEST_BASE_URL) {
    inngest.setEnvVars(
      definedOnly({
        INNGEST_EVENT_KEY: config.INNGEST_EVENT_KEY,
        INNGEST_SIGNING_KEY: config.INNGEST_SIGNING_KEY,
        INNGEST_BASE_URL: config.INNGEST_BASE_URL,
        INNGEST_DEV: config.INNGEST_DEV,
      }),
    );
    return {
      mode: "inngest",
      async send(events) {
        const valid = list(events);
        if (valid.length > 0) await inngest.send(valid);
      },
      drain: async () => undefined,
      runScheduled: () => undefined,
      waiting: 0,
      close: async () => undefined,
    };
  }

  const bus: WorkerEventBus = {
    mode: "in-process",
    async send(events) {
      for (const event of list(events)) executor.enqueue(event);
    },
    drain: () => executor.drain(),
    runScheduled: (at) => executor.tick(at),
    get waiting() {
      return executor.waiting;
    },
    close: () => executor.close(),
  };
  // Functions get the bus too, so a step can queue follow-up work (e.g. webhook deliveries) in-process.
  const executor = createLocalExecutor({
    functions: createFunctions({ ...deps, events: bus }),
    logger: deps.logger,
    concurrency: options.concurrency ?? config.INGEST_CONCURRENCY,
    retryDelay: options.retryDelay,
    exclusive: options.exclusive,
    // Parked runs (follow-ups waiting for days) live in the database: a restart or another replica resumes them.
    parkedRuns: createPrismaParkedRunStore(deps.prisma, {
      onInvalid: (runId, err) => deps.logger.error({ runId, err }, "parked run: stored state is unreadable; left as it is"),
    }),
    parkedPollMs: options.parkedPollMs,
  });
  return bus;
}

function validate(event: FrontdeskEvent): FrontdeskEvent {
  const schema = eventSchemas[event.name];
  if (!schema) throw new Error(`unknown event ${String(event.name)}`);
  // The schema is the one for event.name, so the parsed data matches that event (TypeScript can't follow the pairing).
  return { ...event, data: schema.parse(event.data) } as FrontdeskEvent;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
