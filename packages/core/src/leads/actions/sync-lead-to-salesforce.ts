import { salesforceProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { loadHotLead } from "./hot-lead";
import { runLeadAction, type LeadActionOutcome } from "./run-lead-action";

type Key = { leadId: string; trigger: string };

async function salesforceFor(ctx: ServiceContext) {
  const [salesforce] = await loadEnabledIntegrations(ctx, "salesforce", salesforceProvider.salesforceConfigSchema);
  return salesforce ?? null;
}

/**
 * Salesforce step 1: the lead as the existing Contact or open Lead with its email or phone (updated), else a new
 * Lead; the tier goes into the configured custom field when the object has it. Skipped when Salesforce is not
 * connected or the lead has neither an email nor a phone.
 */
export async function syncLeadToSalesforce(ctx: ServiceContext, key: Key): Promise<LeadActionOutcome> {
  const salesforce = await salesforceFor(ctx);
  if (!salesforce) return { status: "skipped", reason: "Salesforce is not connected" };
  const hot = await loadHotLead(ctx, key.leadId);
  const { lead } = hot;
  if (!lead.email && !lead.phone) return { status: "skipped", reason: "the lead has no email or phone yet" };
  return runLeadAction(ctx, { ...key, kind: "salesforce_record" }, async () => {
    const connection = await salesforceProvider.connectSalesforce(salesforce.config, salesforce.providerContext);
    const person = await salesforceProvider.upsertPerson(
      connection,
      {
        ...(lead.name ? { name: lead.name } : {}),
        ...(lead.email ? { email: lead.email } : {}),
        ...(lead.phone ? { phone: lead.phone } : {}),
        description: hot.summary,
        ...(lead.tier ? { tier: lead.tier } : {}),
        tierField: salesforce.config.tierField,
      },
      salesforce.providerContext,
    );
    return { recordType: person.type, recordId: person.id, created: person.created };
  });
}

/**
 * Salesforce step 2: a completed Task on that Lead or Contact with the conversation summary and transcript. Its
 * subject carries the step's marker ("[frontdesk:<action id>]"): a retry after a create that timed out finds the
 * Task Salesforce saved instead of adding a second one.
 */
export async function logLeadTaskInSalesforce(ctx: ServiceContext, key: Key & { recordId: string }): Promise<LeadActionOutcome> {
  const salesforce = await salesforceFor(ctx);
  if (!salesforce) return { status: "skipped", reason: "Salesforce is not connected" };
  const hot = await loadHotLead(ctx, key.leadId);
  return runLeadAction(ctx, { leadId: key.leadId, trigger: key.trigger, kind: "salesforce_task" }, async (action) => {
    const connection = await salesforceProvider.connectSalesforce(salesforce.config, salesforce.providerContext);
    const transcript = hot.transcript.map((line) => `${line.role}: ${line.text}`).join("\n");
    const task = await salesforceProvider.logTask(
      connection,
      {
        whoId: key.recordId,
        subject: `AI conversation${hot.channel ? ` (${hot.channel})` : ""}: ${hot.lead.tier ?? "new"} lead, score ${hot.lead.score}/100`,
        description: [hot.summary, transcript && `Transcript:\n${transcript}`, `Open in Frontdesk: ${hot.leadUrl}`].filter(Boolean).join("\n\n"),
        priority: hot.lead.tier === "hot" ? "High" : "Normal",
        marker: `frontdesk:${action.id}`,
      },
      salesforce.providerContext,
    );
    return { taskId: task.id, created: task.created };
  });
}
