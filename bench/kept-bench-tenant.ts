import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { ApiDeps } from "@frontdesk/api";
import { z } from "zod";
import type { Tenant } from "../apps/api/test/support/test-api";

/**
 * A bench tenant kept with its seeded chunks in a kept database (BENCH_KEEP_DATABASE), so later runs at 100k or 1M
 * chunks measure in minutes instead of seeding again. Recorded in $TMPDIR, like bench:retrieval's kept corpora; the
 * API key is a throwaway bench key for a local database.
 */
export const keptTenantSchema = z.object({
  organizationId: z.string(),
  userId: z.string(),
  apiKey: z.string(),
  botId: z.string(),
  botPublicKey: z.string(),
  knowledgeBaseId: z.string(),
  chunks: z.number().int(),
  corpus: z.string(),
  /** How the chunks got there, for later runs' reports: seconds of seeding (or replicating) and its steps. */
  seedSeconds: z.number().optional(),
  seedSteps: z.record(z.string(), z.number()).optional(),
});
export type KeptTenant = z.infer<typeof keptTenantSchema>;

/** Where a kept database's tenant for this corpus and size is recorded. */
export function keptTenantFile(database: string, corpus: string, chunks: number): string {
  const name = /^postgres(ql)?:\/\//.test(database) ? new URL(database).pathname.slice(1) : basename(database);
  return join(tmpdir(), `frontdesk-bench-${name}-chat-${corpus}-${chunks}.json`);
}

export function readKeptTenant(file: string): KeptTenant | undefined {
  return existsSync(file) ? keptTenantSchema.parse(JSON.parse(readFileSync(file, "utf8"))) : undefined;
}

export function writeKeptTenantRecord(file: string, record: KeptTenant): void {
  writeFileSync(file, `${JSON.stringify(keptTenantSchema.parse(record), null, 2)}\n`);
}

export function writeKeptTenant(
  file: string,
  tenant: Tenant,
  seeded: { chunks: number; corpus: string; seedSeconds?: number; seedSteps?: Record<string, number> },
): void {
  const actor = tenant.ctx.actor;
  if (actor.type !== "user") throw new Error("a bench tenant is created by its owner");
  const record: KeptTenant = {
    organizationId: tenant.organizationId,
    userId: actor.userId,
    apiKey: tenant.apiKey,
    botId: tenant.botId,
    botPublicKey: tenant.botPublicKey,
    knowledgeBaseId: tenant.knowledgeBaseId,
    ...seeded,
  };
  writeKeptTenantRecord(file, record);
}

/** The Tenant shape benches use, for a kept tenant. */
export function keptTenant(deps: ApiDeps, kept: KeptTenant): Tenant {
  return {
    organizationId: kept.organizationId,
    apiKey: kept.apiKey,
    botId: kept.botId,
    botPublicKey: kept.botPublicKey,
    knowledgeBaseId: kept.knowledgeBaseId,
    ctx: { ...deps, organizationId: kept.organizationId, actor: { type: "user", userId: kept.userId, role: "owner" } },
  };
}
