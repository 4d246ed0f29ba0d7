export { type EmailConfig, emailConfigSchema } from "./config";
export { type DeliveredEmail, deliverEmail } from "./deliver-email";
export type { OutgoingEmail } from "./message";
export { assertRecipientsAllowed, sendEmail, verifySmtp } from "./send-email";
export { SENDGRID_BASE_URL, sendViaSendgrid, verifySendgrid } from "./sendgrid";
export { sendTemplatedEmail } from "./templated-email";
export {
  appointmentConfirmationSchema,
  dailySummarySchema,
  type EmailTemplateData,
  type EmailTemplateName,
  emailTemplates,
  escalationAlertSchema,
  hotLeadAlertSchema,
  type RenderedEmail,
  renderEmailTemplate,
} from "./templates";
