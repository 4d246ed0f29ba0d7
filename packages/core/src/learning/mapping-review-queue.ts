import { z } from "zod";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { toQueryExpansionView } from "../knowledge/expansions/query-expansions";
import type { QueryExpansionView } from "../knowledge/expansions/schemas";

export const mappingReviewQueueInput = z
  .object({
    /** Only the knowledge bases this bot answers from. */
    botId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type MappingReviewQueueInput = z.input<typeof mappingReviewQueueInput>;

export type MappingReview = QueryExpansionView & { knowledgeBaseName: string };

/**
 * The dashboard's review queue across the organization's knowledge bases: learned mappings waiting for a person
 * (most confident first), then approved ones that are flagged because their answers keep failing.
 */
export async function listMappingReviewQueue(ctx: ServiceContext, input: MappingReviewQueueInput = {}): Promise<MappingReview[]> {
  const { botId, limit } = parseInput(mappingReviewQueueInput, input);
  if (botId && !(await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, select: { id: true } }))) throw notFound("Bot");
  const scope = {
    organizationId: ctx.organizationId,
    ...(botId ? { knowledgeBase: { bots: { some: { botId } } } } : {}),
  };
  const include = { knowledgeBase: { select: { name: true } } } as const;
  const [pending, used] = await Promise.all([
    ctx.prisma.queryExpansion.findMany({
      where: { ...scope, status: "pending" },
      orderBy: [{ confidence: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
      take: limit,
      include,
    }),
    // Flagging needs the success ratio, so the candidates (used often enough) are read and filtered here.
    ctx.prisma.queryExpansion.findMany({
      where: { ...scope, status: "approved", timesUsed: { gte: 3 } },
      orderBy: { timesUsed: "desc" },
      take: 200,
      include,
    }),
  ]);
  const toReview = (row: (typeof pending)[number]): MappingReview => ({ ...toQueryExpansionView(row), knowledgeBaseName: row.knowledgeBase.name });
  const flagged = used.map(toReview).filter((mapping) => mapping.flagged);
  return [...pending.map(toReview), ...flagged].slice(0, limit);
}
