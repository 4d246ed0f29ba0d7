import { emailProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { readLeadAlerts } from "../lead-alerts";
import { loadHotLead } from "./hot-lead";
import { runLeadAction, type LeadActionOutcome } from "./run-lead-action";

/** Emails the bot's `leadAlerts.email` the hot-lead alert (built-in template) through the email integration. */
export async function sendHotLeadEmail(ctx: ServiceContext, input: { leadId: string; trigger: string }): Promise<LeadActionOutcome> {
  const hot = await loadHotLead(ctx, input.leadId);
  const to = readLeadAlerts(hot.bot.leadAlerts).email;
  if (!to) return { status: "skipped", reason: "the bot has no leadAlerts.email" };
  const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
  if (!email) return { status: "skipped", reason: "no enabled email integration" };
  return runLeadAction(ctx, { ...input, kind: "email_alert" }, async () => {
    const { lead, qualification: q } = hot;
    const validEmail = lead.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lead.email) ? lead.email : undefined;
    // An admin set this address on the bot, so the team-recipients rule (meant for the model's tools) does not apply.
    const delivered = await emailProvider.sendTemplatedEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, {
      template: "hot_lead_alert",
      to: [to],
      ...(validEmail ? { replyTo: validEmail } : {}),
      data: {
        businessName: hot.organizationName.slice(0, 120),
        lead: { ...(lead.name ? { name: lead.name.slice(0, 200) } : {}), ...(validEmail ? { email: validEmail } : {}), ...(lead.phone ? { phone: lead.phone.slice(0, 40) } : {}) },
        score: lead.score,
        ...(q.serviceInterest ? { serviceInterest: q.serviceInterest.slice(0, 200) } : {}),
        ...(q.urgency ? { urgency: q.urgency } : {}),
        ...(q.budget ? { budgetRange: q.budget.slice(0, 100) } : {}),
        ...(q.timeline ? { timeline: q.timeline.slice(0, 200) } : {}),
        summary: hot.summary.slice(0, 4000),
        conversationUrl: hot.leadUrl,
      },
    });
    return { messageId: delivered.messageId, via: delivered.via, to };
  });
}
