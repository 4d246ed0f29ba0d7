import { Prisma, type PrismaClient } from "@frontdesk/db";
import { executorEventSchema, parkedStateSchema, pendingWaitSchema, type Claim, type ClaimedRun, type ParkedRunRecord, type ParkedRunStore } from "./parked-runs";

type ParkedRunRow = Awaited<ReturnType<PrismaClient["parkedRun"]["findFirstOrThrow"]>>;

const free = (now: number): Prisma.ParkedRunWhereInput => ({ OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date(now) } }] });

/**
 * Parked runs in the `parked_run` table, shared by every executor on the database (API replicas, or the next start
 * of this one). A claim is one conditional UPDATE: PostgreSQL re-checks the condition on the locked row, so of two
 * replicas claiming at once exactly one changes it.
 */
export function createPrismaParkedRunStore(
  prisma: PrismaClient,
  options: { onInvalid?: (runId: string, error: unknown) => void } = {},
): ParkedRunStore {
  // A row this build cannot read (written by another version, or edited by hand) is skipped, never guessed at.
  const readable = (row: ParkedRunRow): ParkedRunRecord[] => {
    try {
      return [toRecord(row)];
    } catch (error) {
      options.onInvalid?.(row.id, error);
      return [];
    }
  };
  const claimWhere = async (runId: string, claim: Claim, condition: Prisma.ParkedRunWhereInput, data: Prisma.ParkedRunUpdateManyMutationInput = {}) => {
    const { count } = await prisma.parkedRun.updateMany({
      where: { id: runId, AND: [free(claim.now), condition] },
      data: { ...data, claimedBy: claim.owner, claimedUntil: new Date(claim.until) },
    });
    if (count === 0) return null;
    const row = await prisma.parkedRun.findFirst({ where: { id: runId, claimedBy: claim.owner } });
    return row ? toClaimed(row) : null;
  };

  return {
    async park(run) {
      const columns = {
        functionId: run.functionId,
        event: run.event as unknown as Prisma.InputJsonObject,
        state: { stepState: run.state.stepState, completionOrder: run.state.completionOrder } as Prisma.InputJsonObject,
        waitKind: run.wait.kind,
        waitStepId: run.wait.stepId,
        waitEvent: run.wait.kind === "event" ? run.wait.event : null,
        waitIf: run.wait.kind === "event" ? (run.wait.if ?? null) : null,
        waitUntil: new Date(run.wait.until),
        woken: false,
        wokenBy: Prisma.DbNull,
        claimedBy: null,
        claimedUntil: null,
      };
      await prisma.parkedRun.upsert({ where: { id: run.state.runId }, create: { id: run.state.runId, ...columns }, update: columns });
    },
    async due(functionIds, horizon, now) {
      const rows = await prisma.parkedRun.findMany({
        where: { functionId: { in: functionIds }, AND: [free(now), { OR: [{ woken: true }, { waitUntil: { lte: new Date(horizon) } }] }] },
        select: { id: true, waitUntil: true, woken: true },
        orderBy: { waitUntil: "asc" },
        take: 500,
      });
      return rows.map((row) => ({ runId: row.id, until: row.waitUntil.getTime(), ready: row.woken }));
    },
    async waitingFor(functionIds, eventName, now) {
      const rows = await prisma.parkedRun.findMany({
        where: { functionId: { in: functionIds }, waitKind: "event", waitEvent: eventName, woken: false, AND: [free(now)] },
      });
      return rows.flatMap(readable);
    },
    claimDue(runId, claim) {
      return claimWhere(runId, claim, { OR: [{ woken: true }, { waitUntil: { lte: new Date(claim.now) } }] });
    },
    claimWithEvent(runId, incoming, claim) {
      return claimWhere(runId, claim, { woken: false, waitKind: "event" }, { woken: true, wokenBy: incoming as unknown as Prisma.InputJsonObject });
    },
    async renew(owner, runIds, until) {
      if (runIds.length === 0) return;
      await prisma.parkedRun.updateMany({ where: { id: { in: runIds }, claimedBy: owner }, data: { claimedUntil: new Date(until) } });
    },
    async remove(runId, owner) {
      await prisma.parkedRun.deleteMany({ where: { id: runId, claimedBy: owner } });
    },
    async release(runId, owner) {
      await prisma.parkedRun.updateMany({ where: { id: runId, claimedBy: owner }, data: { claimedBy: null, claimedUntil: null } });
    },
    async stillParked(runIds) {
      const rows = await prisma.parkedRun.findMany({ where: { id: { in: runIds }, claimedBy: null }, select: { id: true } });
      return rows.map((row) => row.id);
    },
    count(functionIds) {
      return prisma.parkedRun.count({ where: { functionId: { in: functionIds } } });
    },
  };
}

function toRecord(row: ParkedRunRow): ParkedRunRecord {
  const state = parkedStateSchema.omit({ runId: true }).parse(row.state);
  const wait = pendingWaitSchema.parse({
    kind: row.waitKind,
    stepId: row.waitStepId,
    until: row.waitUntil.getTime(),
    ...(row.waitKind === "event" ? { event: row.waitEvent, ...(row.waitIf === null ? {} : { if: row.waitIf }) } : {}),
  });
  return { functionId: row.functionId, event: executorEventSchema.parse(row.event), state: { runId: row.id, ...state }, wait };
}

function toClaimed(row: ParkedRunRow): ClaimedRun {
  return { ...toRecord(row), data: row.woken ? executorEventSchema.parse(row.wokenBy) : null };
}
