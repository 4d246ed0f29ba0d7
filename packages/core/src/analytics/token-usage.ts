import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { tokenUsageInput, type TokenUsage, type TokenUsageInput } from "./usage-schemas";

const DAY_MS = 86_400_000;
type Counts = { promptTokens: number; completionTokens: number; requests: number };
const zero = (): Counts => ({ promptTokens: 0, completionTokens: 0, requests: 0 });
const add = (into: Counts, row: Counts) => {
  into.promptTokens += row.promptTokens;
  into.completionTokens += row.completionTokens;
  into.requests += row.requests;
};

/**
 * Model tokens per UTC day and bot from the token-usage rollup (token_usage_daily, recomputed hourly by the
 * roll-up-token-usage cron, so the current hour may not be in yet): every day and bot of the range, zeros where
 * nothing was used. Admin preview chats count here: they cost tokens too.
 */
export async function tokenUsage(ctx: ServiceContext, input: TokenUsageInput = {}): Promise<TokenUsage> {
  const { from, to, botId } = parseInput(tokenUsageInput, input);
  const organizationId = ctx.organizationId;
  const [bots, rows] = await Promise.all([
    ctx.prisma.bot.findMany({ where: { organizationId, ...(botId ? { id: botId } : {}) }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
    ctx.prisma.tokenUsageDaily.findMany({
      where: { organizationId, day: { gte: from, lte: to }, ...(botId ? { botId } : {}) },
      select: { day: true, botId: true, promptTokens: true, completionTokens: true, messages: true },
    }),
  ]);
  if (botId && bots.length === 0) throw notFound("Bot");

  const names = new Map<string, string | null>(bots.map((bot) => [bot.id, bot.name]));
  for (const row of rows) if (!names.has(row.botId)) names.set(row.botId, null);
  const byBot = new Map([...names.keys()].map((id) => [id, zero()]));
  const byDayBot = new Map<string, Counts>();
  const totals = zero();
  for (const row of rows) {
    const counts = { promptTokens: row.promptTokens, completionTokens: row.completionTokens, requests: row.messages };
    add(totals, counts);
    add(byBot.get(row.botId)!, counts);
    byDayBot.set(`${row.day}|${row.botId}`, counts);
  }
  const botOrder = [...byBot.entries()].sort(([, a], [, b]) => b.promptTokens + b.completionTokens - (a.promptTokens + a.completionTokens)).map(([id]) => id);

  const days: TokenUsage["days"] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) {
    const date = new Date(at).toISOString().slice(0, 10);
    const day = { date, ...zero(), bots: botOrder.map((id) => ({ botId: id, ...(byDayBot.get(`${date}|${id}`) ?? zero()) })) };
    for (const bot of day.bots) add(day, bot);
    days.push(day);
  }
  return {
    from,
    to,
    totals,
    bots: botOrder.map((id) => ({ botId: id, name: names.get(id) ?? null, ...byBot.get(id)! })),
    days,
  };
}
