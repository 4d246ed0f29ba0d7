import { twilioProvider } from "@frontdesk/integrations";
import { loadTwilioChannels } from "../../channels/twilio-channels";
import type { ServiceContext } from "../../context";
import { readLeadAlerts } from "../lead-alerts";
import { contactLine, loadHotLead } from "./hot-lead";
import { runLeadAction, type LeadActionOutcome } from "./run-lead-action";

/** Texts the bot's `leadAlerts.sms` that a lead turned hot: who, what they want, how to reach them. */
export async function sendHotLeadSms(ctx: ServiceContext, input: { leadId: string; trigger: string }): Promise<LeadActionOutcome> {
  const hot = await loadHotLead(ctx, input.leadId);
  const to = readLeadAlerts(hot.bot.leadAlerts).sms;
  if (!to) return { status: "skipped", reason: "the bot has no leadAlerts.sms" };
  const [twilio] = await loadTwilioChannels(ctx);
  if (!twilio) return { status: "skipped", reason: "no enabled Twilio integration" };
  return runLeadAction(ctx, { ...input, kind: "sms_alert" }, async () => {
    const { qualification: q, lead } = hot;
    const wants = [q.serviceInterest ?? "to go ahead", q.timeline && `(${q.timeline})`, q.budget && `budget ${q.budget}`].filter(Boolean).join(" ");
    const body = `Hot lead (${lead.score}/100) for ${hot.bot.name}: ${hot.who} wants ${wants}. Reach them: ${contactLine(lead)}. ${hot.leadUrl}`;
    const sent = await twilioProvider.sendMessage(twilio.config, twilio.providerContext, { to, body: body.slice(0, 1600), channel: "sms" });
    return { sid: sent.sid, to };
  });
}
