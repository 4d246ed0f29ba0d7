import type { ServiceContext } from "../context";
import { getIntegrationOrThrow } from "./get-integration";

/** Bot tool toggles that used it cascade. */
export async function deleteIntegration(ctx: ServiceContext, id: string): Promise<{ id: string; deleted: true }> {
  const row = await getIntegrationOrThrow(ctx, id);
  await ctx.prisma.integration.delete({ where: { id: row.id } });
  return { id: row.id, deleted: true };
}
