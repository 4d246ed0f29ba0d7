import { defineIntegration } from "../define";
import { type SalesforceConfig, salesforceConfigSchema } from "./config";
import { fieldNames } from "./records";
import { connectSalesforce } from "./salesforce-client";

/**
 * A Salesforce org as the CRM hot leads are synced to (Lead or Contact, a Task with the conversation, the tier in a
 * custom field). No model tools: the lead engine writes to it, so no visitor can steer what is written where.
 */
export const salesforceIntegration = defineIntegration<SalesforceConfig>({
  id: "salesforce",
  name: "Salesforce",
  description: "Sync hot leads to Salesforce: Lead (or the existing Contact) by email or phone, a Task with the conversation, the tier in a custom field.",
  configSchema: salesforceConfigSchema,
  /** Logs in (or uses the token) and reads the Lead object, which every sync needs. */
  async testConnection(config, ctx) {
    const connection = await connectSalesforce(config, ctx);
    const fields = await fieldNames(connection, "Lead", ctx);
    const tier = fields.has(config.tierField) ? `tier goes to Lead.${config.tierField}` : `Lead has no ${config.tierField} field, so the tier is not written`;
    return { ok: true, detail: `Connected to ${new URL(connection.instanceUrl).host}; ${tier}` };
  },
  actions: [],
});
