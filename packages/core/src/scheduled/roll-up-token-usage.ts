import type { AppDeps } from "../context";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Token usage per organization, bot and UTC day (token_usage_daily), summed from the bot's answers (assistant
 * messages carry the model's prompt and completion tokens; extractive answers count as answers with 0 tokens).
 * Recomputes whole days, so running it again (hourly, or after a late message) only corrects the totals.
 */
export async function rollUpTokenUsage(deps: Pick<AppDeps, "prisma">, input: { days: string[] }): Promise<{ day: string; rows: number }[]> {
  const totals: { day: string; rows: number }[] = [];
  for (const day of input.days) {
    const start = new Date(`${day}T00:00:00.000Z`);
    const end = new Date(start.getTime() + DAY_MS);
    const rows = await deps.prisma.$executeRaw`
      INSERT INTO "token_usage_daily" ("organizationId", "botId", "day", "promptTokens", "completionTokens", "messages", "updatedAt")
      SELECT m."organizationId", c."botId", ${day}, COALESCE(SUM(m."promptTokens"), 0)::int, COALESCE(SUM(m."completionTokens"), 0)::int, COUNT(*)::int, now()
        FROM "message" m JOIN "conversation" c ON c."id" = m."conversationId"
       WHERE m."role" = 'assistant' AND m."createdAt" >= ${start} AND m."createdAt" < ${end}
       GROUP BY m."organizationId", c."botId"
      ON CONFLICT ("organizationId", "botId", "day") DO UPDATE
         SET "promptTokens" = EXCLUDED."promptTokens", "completionTokens" = EXCLUDED."completionTokens",
             "messages" = EXCLUDED."messages", "updatedAt" = now()`;
    totals.push({ day, rows });
  }
  return totals;
}

/** The UTC day of `at` and the one before (YYYY-MM-DD): what an hourly roll-up recomputes. */
export function currentAndPreviousUtcDays(at: Date): string[] {
  return [new Date(at.getTime() - DAY_MS), at].map((date) => date.toISOString().slice(0, 10));
}
