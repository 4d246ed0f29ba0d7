import type { BotTool } from "@frontdesk/db";
import { getBotOrThrow } from "../bots/get-bot";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { setBotToolsInput, type BotToolsView, type SetBotToolsInput } from "./schemas";
import { loadToolCatalog, toToolView, type CatalogTool } from "./tool-catalog";

/** Whether a stored BotTool still points at this catalog entry (names of integration tools may change). */
function matches(row: Pick<BotTool, "toolName" | "integrationId" | "action" | "customActionId">, tool: CatalogTool): boolean {
  if (row.integrationId) return tool.integrationId === row.integrationId && tool.action === row.action;
  if (row.customActionId) return tool.customActionId === row.customActionId;
  return tool.origin === "file" && tool.name === row.toolName;
}

/** The catalog entries a bot has enabled and that still exist, in catalog order. */
export async function enabledCatalogTools(ctx: ServiceContext, botId: string): Promise<CatalogTool[]> {
  const rows = await ctx.prisma.botTool.findMany({ where: { botId, organizationId: ctx.organizationId } });
  if (rows.length === 0) return [];
  const catalog = await loadToolCatalog(ctx);
  return catalog.filter((tool) => rows.some((row) => matches(row, tool)));
}

export async function getBotTools(ctx: ServiceContext, botId: string): Promise<BotToolsView> {
  const bot = await getBotOrThrow(ctx, botId);
  const rows = await ctx.prisma.botTool.findMany({ where: { botId: bot.id, organizationId: ctx.organizationId }, orderBy: { toolName: "asc" } });
  const catalog = rows.length > 0 ? await loadToolCatalog(ctx) : [];
  const available = catalog.filter((tool) => rows.some((row) => matches(row, tool)));
  return { botId: bot.id, tools: rows.map((row) => row.toolName), available: available.map(toToolView) };
}

/** Replaces the bot's enabled tools; every name must be in the catalog (GET /tools). */
export async function setBotTools(ctx: ServiceContext, botId: string, rawInput: SetBotToolsInput): Promise<BotToolsView> {
  const input = parseInput(setBotToolsInput, rawInput);
  const bot = await getBotOrThrow(ctx, botId);
  const names = [...new Set(input.tools)];
  const catalog = await loadToolCatalog(ctx);
  const chosen = names.map((name) => catalog.find((tool) => tool.name === name));
  const unknown = names.flatMap((name, index) => (chosen[index] ? [] : [{ field: `tools.${input.tools.indexOf(name)}`, message: `no tool named "${name}" (see GET /tools)` }]));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `Unknown tools: ${unknown.map((problem) => problem.message).join("; ")}`, { fields: unknown });
  }
  await ctx.prisma.$transaction([
    ctx.prisma.botTool.deleteMany({ where: { botId: bot.id, organizationId: ctx.organizationId } }),
    ctx.prisma.botTool.createMany({
      data: (chosen as CatalogTool[]).map((tool) => ({
        botId: bot.id,
        organizationId: ctx.organizationId,
        toolName: tool.name,
        integrationId: tool.integrationId,
        action: tool.action,
        customActionId: tool.customActionId,
      })),
    }),
  ]);
  return getBotTools(ctx, bot.id);
}
