import { z } from "zod";

export const emailConfigSchema = z
  .object({
    host: z.string().min(1).describe("SMTP host, e.g. smtp.postmarkapp.com"),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().optional().describe("Implicit TLS (port 465); defaults to port === 465"),
    requireTls: z.boolean().default(true).describe("Refuse to send credentials without STARTTLS"),
    username: z.string().min(1),
    password: z.string().min(1).meta({ writeOnly: true }),
    from: z.string().min(3).describe('Sender, e.g. "Acme Front Desk <desk@acme.com>"'),
    recipients: z.array(z.email()).default([]).describe("Team addresses the agent may notify"),
    allowAnyRecipient: z
      .boolean()
      .default(false)
      .describe("Let the agent email addresses other than the team recipients (e.g. visitors)"),
    sendgridApiKey: z
      .string()
      .regex(/^SG\./, "SendGrid API keys start with SG.")
      .optional()
      .meta({ writeOnly: true })
      .describe("SendGrid API key (mail.send scope). When set, mail goes through SendGrid and SMTP is the fallback"),
    sendgridFrom: z.string().min(3).optional().describe("Verified SendGrid sender, if different from `from`"),
  });
export type EmailConfig = z.infer<typeof emailConfigSchema>;
