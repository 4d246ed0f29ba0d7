import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import { IntegrationError } from "../errors";
import type { ActionContext } from "../types";
import { type EmailConfig, emailConfigSchema } from "./config";
import { sendEmail, verifySmtp } from "./send-email";

type Ctx = ActionContext<EmailConfig>;

const notifyTeam = defineAction({
  name: "notify_team",
  description: "Email the business's team (e.g. a lead, a complaint or a question the agent could not answer).",
  input: z.object({ subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000), replyTo: z.email().optional().describe("Visitor's email, so the team can answer directly") }),
  async execute(input, ctx: Ctx) {
    if (ctx.config.recipients.length === 0) throw new IntegrationError({ provider: "email", code: "not_configured", message: "No team recipients configured" });
    return sendEmail(ctx.config, ctx, { to: ctx.config.recipients, ...input });
  },
});

const sendEmailAction = defineAction({
  name: "send_email",
  description: "Send an email to a specific address (only allowed addresses unless the owner enabled any recipient).",
  input: z.object({ to: z.email(), subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000) }),
  execute: (input, ctx: Ctx) => sendEmail(ctx.config, ctx, { to: [input.to], subject: input.subject, text: input.text }),
});

export const emailIntegration = defineIntegration<EmailConfig>({
  id: "email",
  name: "Email (SMTP)",
  description: "Send notifications and follow-ups through your SMTP provider.",
  configSchema: emailConfigSchema,
  async testConnection(config, ctx) {
    await verifySmtp(config, ctx);
    return { ok: true };
  },
  actions: [notifyTeam, sendEmailAction],
});
