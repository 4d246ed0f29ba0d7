import type { Integration } from "@frontdesk/db";
import { loadIntegration } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { IntegrationView } from "./schemas";
import { toIntegrationView } from "./views";

export async function getIntegrationOrThrow(ctx: ServiceContext, id: string): Promise<Integration> {
  const row = await ctx.prisma.integration.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!row) throw notFound("Integration");
  return row;
}

export async function viewIntegration(row: Integration): Promise<IntegrationView> {
  const definition = await loadIntegration(row.type);
  return toIntegrationView(row, definition?.sync !== undefined);
}

export async function getIntegration(ctx: ServiceContext, id: string): Promise<IntegrationView> {
  return viewIntegration(await getIntegrationOrThrow(ctx, id));
}

export async function listIntegrations(ctx: ServiceContext): Promise<IntegrationView[]> {
  const rows = await ctx.prisma.integration.findMany({ where: { organizationId: ctx.organizationId }, orderBy: { createdAt: "asc" } });
  return Promise.all(rows.map(viewIntegration));
}
