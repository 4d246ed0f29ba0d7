import type { AppDeps } from "../../context";
import type { leadQualifiedData } from "../../events";
import type { z } from "zod";

/** Attempts after which a pending action is left for a person to look at (the admin shows its last error). */
export const MAX_LEAD_ACTION_ATTEMPTS = 20;
/** A pending action untouched this long is not in a run's own retries any more. */
export const LEAD_ACTION_IDLE_MS = 5 * 60 * 1000;

/**
 * Queues again the hot-lead actions (CRM syncs, alerts) still pending after their run gave up: one
 * `leads/lead.qualified` per tier change that has a pending action, idle for LEAD_ACTION_IDLE_MS and under
 * MAX_LEAD_ACTION_ATTEMPTS. The act-on-hot-lead run repeats nothing that succeeded (LeadAction), so only what is
 * pending is tried again. Returns the tier changes queued.
 */
export async function retryPendingLeadActions(deps: Pick<AppDeps, "prisma" | "events">, now = new Date()): Promise<string[]> {
  const pending = await deps.prisma.leadAction.findMany({
    where: { status: "pending", attempts: { lt: MAX_LEAD_ACTION_ATTEMPTS }, updatedAt: { lt: new Date(now.getTime() - LEAD_ACTION_IDLE_MS) } },
    select: { trigger: true },
    distinct: ["trigger"],
    take: 200,
  });
  const changes = await deps.prisma.leadQualificationChange.findMany({ where: { id: { in: pending.map((row) => row.trigger) }, tier: "hot" } });
  const window = Math.floor(now.getTime() / LEAD_ACTION_IDLE_MS);
  const events = changes.map((change) => ({
    name: "leads/lead.qualified" as const,
    id: `lead-actions-retry-${change.id}-${window}`,
    data: { organizationId: change.organizationId, leadId: change.leadId, changeId: change.id, tier: change.tier, previousTier: change.previousTier } satisfies z.infer<typeof leadQualifiedData>,
  }));
  if (events.length > 0) await deps.events.send(events);
  return changes.map((change) => change.id);
}
