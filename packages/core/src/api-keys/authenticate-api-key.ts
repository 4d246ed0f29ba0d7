import type { MemberRole } from "@frontdesk/db";
import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { hashApiKey, isWellFormedApiKey } from "./api-key-secret";

/** lastUsedAt is informational; writing it at most once a minute keeps hot keys from causing a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticatedApiKey {
  organizationId: string;
  apiKeyId: string;
  role: MemberRole;
}

export async function authenticateApiKey(deps: Pick<AppDeps, "prisma">, key: string): Promise<AuthenticatedApiKey> {
  if (!isWellFormedApiKey(key)) throw new AppError("unauthorized", "Malformed API key");
  const row = await deps.prisma.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, organizationId: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw new AppError("unauthorized", row ? "API key has been revoked" : "Invalid API key");

  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await deps.prisma.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { organizationId: row.organizationId, apiKeyId: row.id, role: row.role };
}
