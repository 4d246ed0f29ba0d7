import type { ServiceContext } from "../context";
import { unseal } from "../secrets";
import { getIntegrationOrThrow, viewIntegration } from "./get-integration";
import { runConnectionTest, testedStatus } from "./run-connection-test";
import type { ConnectionTestView } from "./schemas";

/** Tests the stored settings and records the outcome as the integration's status. */
export async function testIntegration(ctx: ServiceContext, id: string): Promise<ConnectionTestView> {
  const row = await getIntegrationOrThrow(ctx, id);
  const result = await runConnectionTest(ctx, row.type, unseal(ctx.keyring, row.encryptedConfig, row.id));
  const updated = await ctx.prisma.integration.update({ where: { id: row.id }, data: testedStatus(result) });
  const integration = await viewIntegration(updated);
  return result.ok
    ? { ok: true, ...(result.detail ? { detail: result.detail } : {}), integration }
    : { ok: false, error: result.error, ...(result.status ? { providerStatus: result.status } : {}), integration };
}
