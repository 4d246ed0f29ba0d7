import type { AppDeps } from "../context";

/** A claim not finished within this long (a replica died mid-run) may be taken over. */
const STALE_CLAIM_MS = 15 * 60 * 1000;

/**
 * Claims scheduled work that must happen once across replicas (`key`, e.g. "daily-summary:<org>:<date>"): true
 * for the one caller that inserted the key or took over a stale claim; false when another replica has it or it
 * is done. Finish with completeJobMarker, or releaseJobMarker on failure so a retry can claim it again.
 */
export async function claimJobMarker(deps: Pick<AppDeps, "prisma">, key: string, now = new Date()): Promise<boolean> {
  try {
    await deps.prisma.jobMarker.create({ data: { key, createdAt: now, updatedAt: now } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
  }
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const taken = await deps.prisma.jobMarker.updateMany({ where: { key, status: "claimed", updatedAt: { lt: stale } }, data: { updatedAt: now } });
  return taken.count === 1;
}

export async function completeJobMarker(deps: Pick<AppDeps, "prisma">, key: string): Promise<void> {
  await deps.prisma.jobMarker.update({ where: { key }, data: { status: "done" } });
}

export async function releaseJobMarker(deps: Pick<AppDeps, "prisma">, key: string): Promise<void> {
  await deps.prisma.jobMarker.deleteMany({ where: { key, status: "claimed" } });
}

/** Runs `work` once across replicas for `key`; null when another replica has done or is doing it. */
export async function onceAcrossReplicas<T>(deps: Pick<AppDeps, "prisma">, key: string, work: () => Promise<T>): Promise<T | null> {
  if (!(await claimJobMarker(deps, key))) return null;
  try {
    const result = await work();
    await completeJobMarker(deps, key);
    return result;
  } catch (error) {
    await releaseJobMarker(deps, key).catch(() => undefined);
    throw error;
  }
}
