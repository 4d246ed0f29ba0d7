import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import { IntegrationError } from "../errors";
import type { ActionContext } from "../types";
import { type EmailConfig, emailConfigSchema } from "./config";
import { deliverEmail } from "./deliver-email";
import { verifySmtp } from "./send-email";
import { verifySendgrid } from "./sendgrid";
import { appointmentConfirmationSchema, escalationAlertSchema, hotLeadAlertSchema } from "./templates";
import { sendTemplatedEmail } from "./templated-email";

type Ctx = ActionContext<EmailConfig>;

function teamRecipients(config: EmailConfig): string[] {
  if (config.recipients.length === 0) throw new IntegrationError({ provider: "email", code: "not_configured", message: "No team recipients configured" });
  return config.recipients;
}

const notifyTeam = defineAction({
  name: "notify_team",
  description: "Email the business's team (e.g. a lead, a complaint or a question the agent could not answer).",
  input: z.object({ subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000), replyTo: z.email().optional().describe("Visitor's email, so the team can answer directly") }),
  execute: async (input, ctx: Ctx) => deliverEmail(ctx.config, ctx, { to: teamRecipients(ctx.config), ...input }),
});

const sendEmailAction = defineAction({
  name: "send_email",
  description: "Send an email to a specific address (only allowed addresses unless the owner enabled any recipient).",
  input: z.object({ to: z.email(), subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000) }),
  execute: (input, ctx: Ctx) => deliverEmail(ctx.config, ctx, { to: [input.to], subject: input.subject, text: input.text }),
});

const alertHotLead = defineAction({
  name: "alert_hot_lead",
  description: "Alert the team at once about a hot lead (high score, urgent, ready to buy) with their contact details and qualification.",
  input: hotLeadAlertSchema.omit({ businessName: true }),
  execute: async (input, ctx: Ctx) =>
    sendTemplatedEmail(ctx.config, ctx, { template: "hot_lead_alert", data: input, to: teamRecipients(ctx.config), ...(input.lead.email ? { replyTo: input.lead.email } : {}) }),
});

const escalateToTeam = defineAction({
  name: "escalate_to_team",
  description: "Ask a human on the team to take over: complaints, refunds, emergencies or anything you cannot answer. Include the reason and the visitor's last message.",
  input: escalationAlertSchema.omit({ businessName: true }),
  execute: async (input, ctx: Ctx) =>
    sendTemplatedEmail(ctx.config, ctx, { template: "escalation_alert", data: input, to: teamRecipients(ctx.config), ...(input.visitor.email ? { replyTo: input.visitor.email } : {}) }),
});

const sendAppointmentConfirmation = defineAction({
  name: "send_appointment_confirmation",
  description: "Email the visitor a confirmation of their booked appointment, with the time in their time zone (only if the owner allows emailing visitors).",
  input: appointmentConfirmationSchema.omit({ businessName: true }).extend({ to: z.email().describe("Visitor's email") }),
  execute: ({ to, ...data }, ctx: Ctx) => sendTemplatedEmail(ctx.config, ctx, { template: "appointment_confirmation", data, to: [to] }),
});

export const emailIntegration = defineIntegration<EmailConfig>({
  id: "email",
  name: "Email (SMTP / SendGrid)",
  description: "Send notifications, alerts and confirmations through SendGrid, with your SMTP server as the fallback.",
  configSchema: emailConfigSchema,
  async testConnection(config, ctx) {
    await verifySmtp(config, ctx);
    if (!config.sendgridApiKey) return { ok: true };
    await verifySendgrid(config.sendgridApiKey, ctx);
    return { ok: true, detail: "SMTP and SendGrid accepted the credentials" };
  },
  actions: [notifyTeam, sendEmailAction, alertHotLead, escalateToTeam, sendAppointmentConfirmation],
});
