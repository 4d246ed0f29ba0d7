import { z } from "zod";

export const SALESFORCE_LOGIN_URL = "https://login.salesforce.com";

/**
 * Two ways in: an OAuth access token with its instance URL, or a username + password (+ security token), logged in
 * with the OAuth username-password flow when a connected app's client id and secret are given, else SOAP login.
 */
export const salesforceConfigSchema = z
  .object({
    instanceUrl: z.url({ protocol: /^https?$/ }).optional().describe("Your org's URL, e.g. https://acme.my.salesforce.com (needed with an access token)"),
    accessToken: z.string().min(10).max(4000).optional().meta({ writeOnly: true }).describe("OAuth access token (or session id) with the api scope"),
    username: z.string().min(3).max(200).optional().describe("Integration user's username, to log in instead of giving a token"),
    password: z.string().min(1).max(200).optional().meta({ writeOnly: true }).describe("That user's password"),
    securityToken: z.string().max(100).optional().meta({ writeOnly: true }).describe("That user's security token (appended to the password)"),
    clientId: z.string().max(300).optional().describe("Connected app consumer key: log in with the OAuth username-password flow instead of SOAP"),
    clientSecret: z.string().max(300).optional().meta({ writeOnly: true }).describe("Connected app consumer secret"),
    loginUrl: z.url({ protocol: /^https?$/ }).default(SALESFORCE_LOGIN_URL).describe("https://test.salesforce.com for a sandbox"),
    tierField: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*__c$/, "A custom field API name, e.g. AI_Tier__c")
      .default("AI_Tier__c")
      .describe("Custom field on Lead and Contact that gets the lead's tier (hot/warm/cold), when it exists"),
  })
  .refine((config) => Boolean(config.accessToken && config.instanceUrl) || Boolean(config.username && config.password), {
    message: "Give an access token with its instance URL, or a username and password",
    path: ["accessToken"],
  });
export type SalesforceConfig = z.infer<typeof salesforceConfigSchema>;
