import {
  logLeadTaskInSalesforce,
  sendHotLeadEmail,
  sendHotLeadSms,
  syncLeadContact,
  syncLeadDeal,
  syncLeadNote,
  syncLeadToSalesforce,
  type AppDeps,
  type LeadActionOutcome,
  type ServiceContext,
} from "@frontdesk/core";
import { inngest } from "../../client";
import { leadQualified } from "../../events";
import { callProvider } from "../provider-step";

export const HOT_LEAD_RETRIES = 5;

type SettledAction = LeadActionOutcome | { status: "failed"; reason: string };

/**
 * leads/lead.qualified with tier hot → owner SMS alert, hot-lead email, then HubSpot (contact with the ai_*
 * properties, deal, note) and Salesforce (Lead or Contact with the tier, a Task). Each is its own step with its own retries: a HubSpot outage does not hold back or
 * repeat the SMS. Each step is also recorded once per tier change (LeadAction), so a replayed event or a new run
 * for the same change sends and writes nothing twice.
 */
export function createActOnHotLead(deps: AppDeps) {
  return inngest.createFunction(
    { id: "act-on-hot-lead", name: "Act on a lead that turned hot", triggers: [leadQualified], retries: HOT_LEAD_RETRIES },
    async ({ event, step }) => {
      if (event.data.tier !== "hot") return { skipped: "not hot" };
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      const key = { leadId: event.data.leadId, trigger: event.data.changeId };
      // A step that failed for good (retries used up, or refused by the provider) is reported, not fatal: the next
      // ones still run.
      const settle = async (id: string, action: () => Promise<LeadActionOutcome>): Promise<SettledAction> => {
        try {
          return await step.run(id, () => callProvider(action));
        } catch (error) {
          return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
        }
      };
      const sms = await settle("sms-alert", () => sendHotLeadSms(ctx, key));
      const email = await settle("email-alert", () => sendHotLeadEmail(ctx, key));
      const hubspot = await (async () => {
        const contact = await settle("hubspot-contact", () => syncLeadContact(ctx, key));
        if (contact.status !== "done") return { contact };
        const contactId = String(contact.result.contactId);
        const deal = await settle("hubspot-deal", () => syncLeadDeal(ctx, { ...key, contactId }));
        const dealId = deal.status === "done" ? String(deal.result.dealId) : undefined;
        const note = await settle("hubspot-note", () => syncLeadNote(ctx, { ...key, contactId, ...(dealId ? { dealId } : {}) }));
        return { contact, deal, note };
      })();
      const record = await settle("salesforce-record", () => syncLeadToSalesforce(ctx, key));
      const task =
        record.status === "done" ? await settle("salesforce-task", () => logLeadTaskInSalesforce(ctx, { ...key, recordId: String(record.result.recordId) })) : undefined;
      return { sms, email, hubspot, salesforce: { record, ...(task ? { task } : {}) } };
    },
  );
}
