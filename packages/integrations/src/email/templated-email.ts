import type { IntegrationContext } from "../types";
import type { EmailConfig } from "./config";
import { type DeliveredEmail, deliverEmail } from "./deliver-email";
import { type EmailTemplateData, type EmailTemplateName, renderEmailTemplate } from "./templates";

/** Renders one of the built-in templates (HTML + text) and delivers it (SendGrid, SMTP fallback). */
export function sendTemplatedEmail<Name extends EmailTemplateName>(
  config: EmailConfig,
  ctx: IntegrationContext,
  request: { template: Name; data: EmailTemplateData<Name>; to: string[]; replyTo?: string },
): Promise<DeliveredEmail> {
  const rendered = renderEmailTemplate(request.template, request.data);
  return deliverEmail(config, ctx, { to: request.to, ...rendered, ...(request.replyTo ? { replyTo: request.replyTo } : {}) });
}
