import { z } from "zod";

export const hubspotConfigSchema = z.object({
  accessToken: z
    .string()
    .min(10)
    .meta({ writeOnly: true })
    .describe("Private app access token with crm.objects.contacts/deals read+write and crm.schemas.contacts.write scopes"),
});
export type HubspotConfig = z.infer<typeof hubspotConfigSchema>;

/** What the agent may write; HubSpot rejects unknown property names with 400. */
export const contactPropertiesSchema = z.object({
  email: z.email().optional(),
  firstname: z.string().max(100).optional(),
  lastname: z.string().max(100).optional(),
  phone: z.string().max(40).optional(),
  company: z.string().max(200).optional(),
  message: z.string().max(5000).optional().describe("Free-text note from the conversation"),
});
export type ContactProperties = z.infer<typeof contactPropertiesSchema>;
