export { type EmailConfig, emailConfigSchema } from "./config";
export { assertRecipientsAllowed, sendEmail, verifySmtp } from "./send-email";
