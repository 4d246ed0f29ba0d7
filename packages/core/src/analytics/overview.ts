import { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { answerCounts } from "./answer-counts";
import { analyticsOverviewInput, type AnalyticsOverview, type AnalyticsOverviewInput } from "./schemas";

const CHANNELS = ["web", "sms", "whatsapp", "voice", "api"] as const;
/** Vapi success evaluations that mean the call achieved its goal (boolean, pass/fail and descriptive rubrics). */
const CALL_SUCCESS = ["true", "pass", "passed", "success", "successful", "yes", "excellent", "good"];

/** Rows outside any conversation, or of a conversation that is not an admin preview (previews are not traffic). */
const notInPreview = (conversationId: Prisma.Sql) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM conversation p WHERE p.id = ${conversationId} AND p.preview)`;

const num = (value: unknown) => Number(value ?? 0);
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/**
 * The owner's dashboard numbers for a time range (UTC), optionally one bot: each section one SQL aggregate over
 * indexed columns (organization + time), answers from the daily rollup for whole days, zeros for sections with no
 * data. Admin preview chats (a member trying the bot) are left out everywhere: they are not traffic.
 */
export async function analyticsOverview(ctx: ServiceContext, input: AnalyticsOverviewInput = {}): Promise<AnalyticsOverview> {
  const { from, to, botId } = parseInput(analyticsOverviewInput, input);
  const org = ctx.organizationId;
  if (botId && !(await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: org }, select: { id: true } }))) throw notFound("Bot");
  const bot = (column: Prisma.Sql) => (botId ? Prisma.sql`AND ${column} = ${botId}` : Prisma.empty);
  const db = ctx.prisma;

  const [byDay, byChannel, answerRow, handoffs, resolution, leads, calls, tools, learning] = await Promise.all([
    db.$queryRaw<Array<{ date: string; count: number }>>`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(c.count, 0)::int AS count
        FROM generate_series(date_trunc('day', ${from}::timestamp), ${to}::timestamp - interval '1 microsecond', interval '1 day') AS d(day)
        LEFT JOIN (
          SELECT date_trunc('day', "createdAt") AS day, count(*) AS count FROM conversation
           WHERE "organizationId" = ${org} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT preview ${bot(Prisma.sql`"botId"`)}
           GROUP BY 1
        ) c ON c.day = d.day
       ORDER BY d.day`,
    db.$queryRaw<Array<{ channel: string; count: number }>>`
      SELECT channel::text AS channel, count(*)::int AS count FROM conversation
       WHERE "organizationId" = ${org} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT preview ${bot(Prisma.sql`"botId"`)}
       GROUP BY 1`,
    answerCounts(ctx, { from, to, botId }),
    db.$queryRaw<Array<{ handoffs: number }>>`
      SELECT count(*)::int AS handoffs FROM conversation c
       WHERE c."organizationId" = ${org} AND c."handoffRequestedAt" >= ${from} AND c."handoffRequestedAt" < ${to} AND NOT c.preview ${bot(Prisma.sql`c."botId"`)}`,
    // A conversation is resolved by the bot when its last bot answer answered, nobody was asked for, and no
    // answer got a thumbs down (lastAnswerOutcome and hasThumbsDown are kept by triggers on message).
    db.$queryRaw<Array<{ total: number; resolved: number }>>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE c."handoffRequestedAt" IS NULL AND c."lastAnswerOutcome" = 'answered' AND NOT c."hasThumbsDown")::int AS resolved
        FROM conversation c
       WHERE c."organizationId" = ${org} AND c."createdAt" >= ${from} AND c."createdAt" < ${to} AND NOT c.preview ${bot(Prisma.sql`c."botId"`)}`,
    db.$queryRaw<Array<{ tier: string; count: number }>>`
      SELECT tier::text AS tier, count(*)::int AS count FROM lead l
       WHERE l."organizationId" = ${org} AND l."createdAt" >= ${from} AND l."createdAt" < ${to} AND l.tier IS NOT NULL ${bot(Prisma.sql`l."botId"`)}
         AND ${notInPreview(Prisma.sql`l."conversationId"`)}
       GROUP BY 1`,
    db.$queryRaw<Array<{ total: number; avg: number | null; evaluated: number; succeeded: number }>>`
      SELECT count(*)::int AS total,
             avg("durationSeconds")::float8 AS avg,
             count("successEvaluation")::int AS evaluated,
             count(*) FILTER (WHERE lower("successEvaluation") = ANY(${CALL_SUCCESS}::text[]))::int AS succeeded
        FROM call
       WHERE "organizationId" = ${org} AND "createdAt" >= ${from} AND "createdAt" < ${to} ${bot(Prisma.sql`"botId"`)}`,
    db.$queryRaw<Array<{ name: string; calls: number; ok: number; p50: number; p95: number }>>`
      SELECT "toolName" AS name, count(*)::int AS calls, count(*) FILTER (WHERE ok)::int AS ok,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs")::float8 AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs")::float8 AS p95
        FROM tool_call t
       WHERE t."organizationId" = ${org} AND t."createdAt" >= ${from} AND t."createdAt" < ${to} ${bot(Prisma.sql`t."botId"`)}
         AND ${notInPreview(Prisma.sql`t."conversationId"`)}
       GROUP BY 1
       ORDER BY calls DESC, name`,
    db.$queryRaw<Array<Record<"proposed" | "approved" | "rejected" | "gapsOpen", number>>>`
      SELECT
        count(*) FILTER (WHERE e."createdAt" >= ${from} AND e."createdAt" < ${to})::int AS proposed,
        count(*) FILTER (WHERE e.status = 'approved' AND e."reviewedAt" >= ${from} AND e."reviewedAt" < ${to})::int AS approved,
        count(*) FILTER (WHERE e.status = 'rejected' AND e."reviewedAt" >= ${from} AND e."reviewedAt" < ${to})::int AS rejected,
        (SELECT count(*) FROM knowledge_gap g WHERE g."organizationId" = ${org} AND g.status = 'open' ${bot(Prisma.sql`g."botId"`)})::int AS "gapsOpen"
        FROM query_expansion e
       WHERE e."organizationId" = ${org} AND e.source = 'learned'
         ${botId ? Prisma.sql`AND e."knowledgeBaseId" IN (SELECT "knowledgeBaseId" FROM bot_knowledge_base WHERE "botId" = ${botId})` : Prisma.empty}`,
  ]);

  const channels = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<string, number>;
  for (const row of byChannel) channels[row.channel] = num(row.count);
  const tiers = { hot: 0, warm: 0, cold: 0 };
  for (const row of leads) if (row.tier in tiers) tiers[row.tier as keyof typeof tiers] = num(row.count);
  const resolutionRow = resolution[0];
  const callRow = calls[0];
  const learningRow = learning[0];
  return {
    conversations: { total: num(resolutionRow?.total), byDay: byDay.map((row) => ({ date: row.date, count: num(row.count) })), byChannel: channels },
    answers: {
      answered: answerRow.answered,
      declined: answerRow.declined,
      handoffs: num(handoffs[0]?.handoffs),
      thumbsUp: answerRow.thumbsUp,
      thumbsDown: answerRow.thumbsDown,
      resolutionRate: ratio(num(resolutionRow?.resolved), num(resolutionRow?.total)),
    },
    leads: tiers,
    calls: {
      total: num(callRow?.total),
      avgDurationSeconds: Math.round(num(callRow?.avg) * 10) / 10,
      successRate: ratio(num(callRow?.succeeded), num(callRow?.evaluated)),
    },
    tools: tools.map((row) => ({ name: row.name, calls: num(row.calls), successRate: ratio(num(row.ok), num(row.calls)), p50Ms: num(row.p50), p95Ms: num(row.p95) })),
    learning: {
      proposed: num(learningRow?.proposed),
      approved: num(learningRow?.approved),
      rejected: num(learningRow?.rejected),
      gapsOpen: num(learningRow?.gapsOpen),
    },
  };
}
