import { z } from "zod";
import type { ExecutorEvent, MemoizedStep, ParkedState, PendingWait } from "./run-function";

/** A run parked on a sleep or a wait, as stored between its steps. */
export interface ParkedRunRecord {
  functionId: string;
  event: ExecutorEvent;
  state: ParkedState;
  wait: PendingWait;
}

/** A parked run this executor has claimed: it resumes it with `data` (the awaited event, or null at the deadline). */
export interface ClaimedRun extends ParkedRunRecord {
  data: unknown;
}

/** What the poller needs to arm a timer: the run and its deadline (`ready` = already woken, resume at once). */
export interface DueRun {
  runId: string;
  until: number;
  ready: boolean;
}

/**
 * Where the in-process executor keeps parked runs. Claims are leases held by an `owner` (one executor): a claim
 * succeeds for one owner only, so a run is resumed exactly once however many executors share the store; an owner
 * that dies without ending its claim loses it when the lease runs out, and the run is resumed elsewhere with the
 * same data.
 */
export interface ParkedRunStore {
  /** Stores a run parked for the first time, or parked again after a resume (which ends the claim on it). */
  park(run: ParkedRunRecord): Promise<void>;
  /** Unclaimed runs of these functions that are woken or due before `horizon` (epoch ms), soonest first. */
  due(functionIds: string[], horizon: number, now: number): Promise<DueRun[]>;
  /** Unclaimed, unwoken runs of these functions waiting for an event named `eventName`. */
  waitingFor(functionIds: string[], eventName: string, now: number): Promise<ParkedRunRecord[]>;
  /** Claims a run that is woken or past its deadline. */
  claimDue(runId: string, claim: Claim): Promise<ClaimedRun | null>;
  /** Claims a run waiting for an event with that event (it stays woken by it if the claim is lost). */
  claimWithEvent(runId: string, incoming: ExecutorEvent, claim: Claim): Promise<ClaimedRun | null>;
  /** Extends the owner's claims on these runs to `until`. */
  renew(owner: string, runIds: string[], until: number): Promise<void>;
  /** The run ended (completed or failed for good): forget it. */
  remove(runId: string, owner: string): Promise<void>;
  /** The owner stops without resuming it (shutdown): another executor may claim it at once. */
  release(runId: string, owner: string): Promise<void>;
  /** Which of these runs are still parked and unclaimed (the others were resumed or ended). */
  stillParked(runIds: string[]): Promise<string[]>;
  /** Parked runs of these functions, claimed or not. */
  count(functionIds: string[]): Promise<number>;
}

export interface Claim {
  owner: string;
  /** Lease end, epoch ms. */
  until: number;
  now: number;
}

// What is read back is checked: rows outlive the code that wrote them.
const memoizedStepSchema = z.looseObject({ id: z.string() }).transform(
  (step): MemoizedStep => ("error" in step ? { id: step.id, error: step.error } : { id: step.id, data: "data" in step ? step.data : null }),
);
export const executorEventSchema = z.object({ id: z.string(), name: z.string(), data: z.record(z.string(), z.unknown()), ts: z.number() });
export const parkedStateSchema = z.object({
  runId: z.string(),
  stepState: z.record(z.string(), memoizedStepSchema),
  completionOrder: z.array(z.string()),
});
export const pendingWaitSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sleep"), stepId: z.string(), until: z.number() }),
  z.object({ kind: z.literal("event"), stepId: z.string(), event: z.string(), if: z.string().optional(), until: z.number() }),
]);

const isFree = (run: { claimedUntil: number | null }, now: number) => run.claimedUntil === null || run.claimedUntil < now;

interface MemoryRow {
  record: ParkedRunRecord;
  woken: ExecutorEvent | null;
  claimedBy: string | null;
  claimedUntil: number | null;
}

/**
 * Parked runs in this process only (an executor without a database, e.g. unit tests). Records are copied as JSON
 * in and out, so what a function gets back is what the database store would give it.
 */
export function createMemoryParkedRunStore(): ParkedRunStore {
  const rows = new Map<string, MemoryRow>();
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const claimed = (row: MemoryRow): ClaimedRun => ({ ...copy(row.record), data: copy(row.woken) });
  const take = (row: MemoryRow | undefined, claim: Claim, ok: (row: MemoryRow) => boolean) => {
    if (!row || !isFree(row, claim.now) || !ok(row)) return null;
    row.claimedBy = claim.owner;
    row.claimedUntil = claim.until;
    return claimed(row);
  };
  return {
    async park(run) {
      rows.set(run.state.runId, { record: copy(run), woken: null, claimedBy: null, claimedUntil: null });
    },
    async due(functionIds, horizon, now) {
      return [...rows.values()]
        .filter((row) => functionIds.includes(row.record.functionId) && isFree(row, now) && (row.woken !== null || row.record.wait.until <= horizon))
        .map((row) => ({ runId: row.record.state.runId, until: row.record.wait.until, ready: row.woken !== null }))
        .sort((a, b) => a.until - b.until);
    },
    async waitingFor(functionIds, eventName, now) {
      return [...rows.values()]
        .filter(({ record, woken, ...claim }) => functionIds.includes(record.functionId) && record.wait.kind === "event" && record.wait.event === eventName && woken === null && isFree(claim, now))
        .map((row) => copy(row.record));
    },
    async claimDue(runId, claim) {
      return take(rows.get(runId), claim, (row) => row.woken !== null || row.record.wait.until <= claim.now);
    },
    async claimWithEvent(runId, incoming, claim) {
      const row = rows.get(runId);
      const result = take(row, claim, (candidate) => candidate.woken === null && candidate.record.wait.kind === "event");
      if (result && row) {
        row.woken = copy(incoming);
        result.data = copy(incoming);
      }
      return result;
    },
    async renew(owner, runIds, until) {
      for (const id of runIds) {
        const row = rows.get(id);
        if (row?.claimedBy === owner) row.claimedUntil = until;
      }
    },
    async remove(runId, owner) {
      if (rows.get(runId)?.claimedBy === owner) rows.delete(runId);
    },
    async release(runId, owner) {
      const row = rows.get(runId);
      if (row?.claimedBy === owner) Object.assign(row, { claimedBy: null, claimedUntil: null });
    },
    async stillParked(runIds) {
      return runIds.filter((id) => {
        const row = rows.get(id);
        return row !== undefined && row.claimedBy === null;
      });
    },
    async count(functionIds) {
      return [...rows.values()].filter((row) => functionIds.includes(row.record.functionId)).length;
    },
  };
}
