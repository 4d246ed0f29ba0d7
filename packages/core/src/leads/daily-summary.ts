import { emailProvider } from "@frontdesk/integrations";
import type { AppDeps, ServiceContext } from "../context";
import { loadEnabledIntegrations } from "../integrations/load-enabled-integrations";
import { onceAcrossReplicas } from "../scheduled/job-marker";
import { readLeadAlerts } from "./lead-alerts";

export interface DailySummary {
  date: string;
  conversations: number;
  leads: number;
  hotLeads: number;
  bookings: number;
  escalations: number;
  topLeads: { name: string; score: number; summary: string }[];
  /** Questions the bot found nothing for that day and nobody has answered since. */
  unanswered: number;
  /** The most asked of them (distinct, up to 10). */
  unansweredQuestions: string[];
}

const MAX_UNANSWERED_LISTED = 10;

const dayRange = (date: string) => {
  const start = new Date(`${date}T00:00:00.000Z`);
  return { gte: start, lt: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
};

/**
 * One UTC day of an organization: conversations started, leads (and hot ones) created, bookings (by a booking tool
 * or the booking dialogue), handoffs. Admin
 * preview chats (a member trying the bot) are not traffic and count nowhere.
 */
export async function buildDailySummary(ctx: ServiceContext, date: string): Promise<DailySummary> {
  const day = dayRange(date);
  const org = { organizationId: ctx.organizationId };
  const realConversation = { ...org, preview: false };
  const realLead = { ...org, NOT: { conversation: { is: { preview: true } } } };
  // tool_call has no relation to its conversation: the previews active that day, by id.
  const previews = await ctx.prisma.conversation.findMany({ where: { ...org, preview: true, lastMessageAt: { gte: day.gte } }, select: { id: true } });
  const notInPreview = previews.length > 0 ? { OR: [{ conversationId: null }, { conversationId: { notIn: previews.map((preview) => preview.id) } }] } : {};
  const [conversations, leads, hotLeads, toolBookings, dialogueBookings, escalations, top, unanswered] = await Promise.all([
    ctx.prisma.conversation.count({ where: { ...realConversation, createdAt: day } }),
    ctx.prisma.lead.count({ where: { ...realLead, createdAt: day } }),
    ctx.prisma.lead.count({ where: { ...realLead, createdAt: day, tier: "hot" } }),
    // Bookings a model made through a booking tool, and those the booking dialogue made (its confirmation reply).
    ctx.prisma.toolCall.count({ where: { ...org, ...notInPreview, createdAt: day, ok: true, toolName: { contains: "book" } } }),
    ctx.prisma.message.count({
      where: { ...org, createdAt: day, role: "assistant", conversation: { is: { preview: false } }, metadata: { path: ["type"], equals: "booking_confirmed" } },
    }),
    ctx.prisma.conversation.count({ where: { ...realConversation, handoffRequestedAt: day } }),
    ctx.prisma.lead.findMany({ where: { ...realLead, updatedAt: day, tier: { in: ["hot", "warm"] } }, orderBy: [{ score: "desc" }, { id: "asc" }], take: 5 }),
    ctx.prisma.failedRetrieval.groupBy({ by: ["query"], where: { ...org, createdAt: day, resolvedAt: null }, _count: { _all: true } }),
  ]);
  const asked = unanswered.sort((a, b) => b._count._all - a._count._all || a.query.localeCompare(b.query));
  return {
    date,
    conversations,
    leads,
    hotLeads,
    bookings: toolBookings + dialogueBookings,
    escalations,
    topLeads: top.map((lead) => ({
      name: (lead.name ?? lead.email ?? lead.phone ?? "A visitor").slice(0, 200),
      score: lead.score,
      summary: lead.reasons.join(", ").slice(0, 500),
    })),
    unanswered: asked.reduce((sum, row) => sum + row._count._all, 0),
    unansweredQuestions: asked.slice(0, MAX_UNANSWERED_LISTED).map((row) => row.query.slice(0, 300)),
  };
}

export type DailySummaryOutcome = { status: "sent"; to: string[]; summary: DailySummary } | { status: "skipped"; reason: string };

/**
 * The daily summary email of one organization for `date` (UTC), through its email integration, to every bot's
 * `leadAlerts.email` (else the integration's team recipients). Nothing is sent for a day without a conversation.
 */
export async function sendDailySummary(ctx: ServiceContext, input: { date: string }): Promise<DailySummaryOutcome> {
  const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
  if (!email) return { status: "skipped", reason: "no enabled email integration" };
  const bots = await ctx.prisma.bot.findMany({ where: { organizationId: ctx.organizationId }, select: { leadAlerts: true } });
  const owners = [...new Set(bots.flatMap((bot) => readLeadAlerts(bot.leadAlerts).email ?? []))];
  const to = owners.length > 0 ? owners : email.config.recipients;
  if (to.length === 0) return { status: "skipped", reason: "no leadAlerts.email and no team recipients" };
  const summary = await buildDailySummary(ctx, input.date);
  if (summary.conversations === 0) return { status: "skipped", reason: "no conversations that day" };
  const organization = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  // Addresses an admin set on the bots: the team-recipients rule (meant for the model's tools) does not apply.
  await emailProvider.sendTemplatedEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, {
    template: "daily_summary",
    to,
    data: { businessName: organization.name.slice(0, 120), ...summary, dashboardUrl: `${ctx.config.adminUrl}/leads` },
  });
  return { status: "sent", to, summary };
}

/**
 * sendDailySummary once across replicas: each API replica's in-process scheduler runs the cron, and the first to
 * claim "daily-summary:<organization>:<date>" sends it (see onceAcrossReplicas); the others skip.
 */
export async function sendDailySummaryOnce(ctx: ServiceContext, input: { date: string }): Promise<DailySummaryOutcome> {
  const sent = await onceAcrossReplicas(ctx, `daily-summary:${ctx.organizationId}:${input.date}`, () => sendDailySummary(ctx, input));
  return sent ?? { status: "skipped", reason: "already sent (or being sent) by another run" };
}

/** Organizations with an enabled email integration: the ones a daily summary can go to. */
export async function organizationsWithEmail(deps: Pick<AppDeps, "prisma">): Promise<string[]> {
  const rows = await deps.prisma.integration.findMany({ where: { type: "email", enabled: true }, select: { organizationId: true }, distinct: ["organizationId"] });
  return rows.map((row) => row.organizationId);
}

/** The UTC day before `at`, as YYYY-MM-DD: what a morning summary reports on. */
export const previousUtcDate = (at: Date) => new Date(at.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
