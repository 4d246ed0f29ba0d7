import { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";

export interface AnswerCounts {
  answered: number;
  declined: number;
  thumbsUp: number;
  thumbsDown: number;
}

const DAY_MS = 86_400_000;
const floorDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (at: Date) => new Date(Math.ceil(at.getTime() / DAY_MS) * DAY_MS);

/**
 * Bot answers (answered, declined) and ratings of messages written in [from, to): whole UTC days from the daily
 * rollup (analytics_daily_answers, kept by triggers on message), the partial days at either end (today, or a
 * range given in date-times) counted over their messages. Same numbers as counting every message. Admin preview
 * chats count in neither.
 */
export async function answerCounts(ctx: ServiceContext, range: { from: Date; to: Date; botId?: string | undefined }): Promise<AnswerCounts> {
  const { from, to, botId } = range;
  const wholeFrom = ceilDay(from);
  const wholeTo = floorDay(to);
  if (wholeFrom >= wholeTo) return countMessages(ctx, from, to, botId);
  const parts = await Promise.all([
    ctx.prisma.$queryRaw<AnswerCounts[]>`
      SELECT coalesce(sum(answered), 0)::int AS answered, coalesce(sum(declined), 0)::int AS declined,
             coalesce(sum("thumbsUp"), 0)::int AS "thumbsUp", coalesce(sum("thumbsDown"), 0)::int AS "thumbsDown"
        FROM analytics_daily_answers
       WHERE "organizationId" = ${ctx.organizationId} AND day >= ${wholeFrom} AND day < ${wholeTo}
             ${botId ? Prisma.sql`AND "botId" = ${botId}` : Prisma.empty}`.then((rows) => rows[0]!),
    from < wholeFrom ? countMessages(ctx, from, wholeFrom, botId) : null,
    wholeTo < to ? countMessages(ctx, wholeTo, to, botId) : null,
  ]);
  const total: AnswerCounts = { answered: 0, declined: 0, thumbsUp: 0, thumbsDown: 0 };
  for (const part of parts) {
    if (!part) continue;
    for (const key of Object.keys(total) as Array<keyof AnswerCounts>) total[key] += Number(part[key]);
  }
  return total;
}

async function countMessages(ctx: ServiceContext, from: Date, to: Date, botId: string | undefined): Promise<AnswerCounts> {
  const [row] = await ctx.prisma.$queryRaw<AnswerCounts[]>`
    SELECT
      count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'answered')::int AS "answered",
      count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'declined')::int AS "declined",
      count(*) FILTER (WHERE m.metadata->>'rating' = 'up')::int AS "thumbsUp",
      count(*) FILTER (WHERE m.metadata->>'rating' = 'down')::int AS "thumbsDown"
      FROM message m
      JOIN conversation c ON c.id = m."conversationId" AND NOT c.preview
     WHERE m."organizationId" = ${ctx.organizationId} AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
           ${botId ? Prisma.sql`AND c."botId" = ${botId}` : Prisma.empty}`;
  return { answered: Number(row?.answered ?? 0), declined: Number(row?.declined ?? 0), thumbsUp: Number(row?.thumbsUp ?? 0), thumbsDown: Number(row?.thumbsDown ?? 0) };
}
