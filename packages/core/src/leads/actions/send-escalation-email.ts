import { emailProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { UNANSWERED_IN_A_ROW } from "../../handoff/escalate-unanswered";
import { readLeadAlerts } from "../lead-alerts";

export type EscalationOutcome = { status: "sent"; messageId: string; to: string } | { status: "skipped"; reason: string };

/**
 * The escalation email (built-in template) to the bot's `leadAlerts.email` when a conversation starts waiting for
 * a person: who, their last message, a link to take it over. Sent once per handoff request: the request time is
 * kept on the conversation (metadata.escalationEmailedFor), so a replayed event sends nothing.
 */
export async function sendEscalationEmail(
  ctx: ServiceContext,
  input: { conversationId: string; requestedAt: string; reason?: "asked" | "unanswered" | undefined },
): Promise<EscalationOutcome> {
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: input.conversationId, organizationId: ctx.organizationId },
    include: { bot: { select: { leadAlerts: true } }, lead: true, organization: { select: { name: true } } },
  });
  if (!conversation) throw notFound("Conversation");
  const metadata = (conversation.metadata ?? {}) as Record<string, unknown>;
  if (metadata.escalationEmailedFor === input.requestedAt) return { status: "skipped", reason: "already sent for this request" };
  const to = readLeadAlerts(conversation.bot.leadAlerts).email;
  if (!to) return { status: "skipped", reason: "the bot has no leadAlerts.email" };
  const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
  if (!email) return { status: "skipped", reason: "no enabled email integration" };
  const last = await ctx.prisma.message.findFirst({
    where: { conversationId: conversation.id, organizationId: ctx.organizationId, role: "user" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { content: true },
  });
  const lead = conversation.lead;
  const visitorEmail = lead?.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lead.email) ? lead.email : undefined;
  // An admin set this address on the bot, so the team-recipients rule (meant for the model's tools) does not apply.
  const delivered = await emailProvider.sendTemplatedEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, {
    template: "escalation_alert",
    to: [to],
    data: {
      businessName: conversation.organization.name.slice(0, 120),
      reason:
        input.reason === "unanswered"
          ? `the assistant found nothing for ${UNANSWERED_IN_A_ROW} questions in a row (${conversation.channel})`
          : `the visitor asked for a person (${conversation.channel})`,
      visitor: {
        ...(lead?.name ? { name: lead.name.slice(0, 200) } : {}),
        ...(visitorEmail ? { email: visitorEmail } : {}),
        ...(lead?.phone ? { phone: lead.phone.slice(0, 40) } : {}),
      },
      ...(last ? { lastMessage: last.content.slice(0, 4000) } : {}),
      conversationUrl: `${ctx.config.adminUrl}/conversations/${conversation.id}`,
    },
  });
  await ctx.prisma.conversation.update({ where: { id: conversation.id }, data: { metadata: { ...metadata, escalationEmailedFor: input.requestedAt } } });
  return { status: "sent", messageId: delivered.messageId, to };
}
