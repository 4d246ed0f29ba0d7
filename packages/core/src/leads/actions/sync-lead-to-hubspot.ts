import { hubspotProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { loadHotLead, type HotLead } from "./hot-lead";
import { runLeadAction, type LeadActionOutcome } from "./run-lead-action";

type Key = { leadId: string; trigger: string };

async function hubspotFor(ctx: ServiceContext) {
  const [hubspot] = await loadEnabledIntegrations(ctx, "hubspot", hubspotProvider.hubspotConfigSchema);
  return hubspot ? hubspotProvider.createHubspotClient(hubspot.config, hubspot.providerContext) : null;
}

/**
 * CRM step 1: the lead as a HubSpot contact (upsert by email, else found by phone) with the `ai_*` properties
 * (created in HubSpot first when missing). Skipped when HubSpot is not connected or the lead has neither.
 */
export async function syncLeadContact(ctx: ServiceContext, key: Key): Promise<LeadActionOutcome> {
  const client = await hubspotFor(ctx);
  if (!client) return { status: "skipped", reason: "HubSpot is not connected" };
  const hot = await loadHotLead(ctx, key.leadId);
  const { lead, qualification: q } = hot;
  if (!lead.email && !lead.phone) return { status: "skipped", reason: "the lead has no email or phone yet" };
  return runLeadAction(ctx, { ...key, kind: "hubspot_contact" }, async () => {
    await hubspotProvider.ensureLeadProperties(client);
    const [firstname, ...rest] = (lead.name ?? "").trim().split(/\s+/).filter(Boolean);
    const properties = {
      ...(firstname ? { firstname: firstname.slice(0, 100) } : {}),
      ...(rest.length > 0 ? { lastname: rest.join(" ").slice(0, 100) } : {}),
      ...(lead.phone ? { phone: lead.phone.slice(0, 40) } : {}),
    };
    let contactId: string;
    let created: boolean;
    if (lead.email) {
      const upserted = await hubspotProvider.upsertContactByEmail(client, { ...properties, email: lead.email });
      ({ created } = upserted);
      contactId = upserted.contact.id;
    } else {
      const found = await hubspotProvider.searchContact(client, { phone: lead.phone ?? "" });
      created = !found;
      contactId = (found ? await hubspotProvider.updateContact(client, found.id, properties) : await hubspotProvider.createContact(client, properties)).id;
    }
    await hubspotProvider.writeLeadQualification(client, contactId, {
      score: lead.score,
      ...(q.serviceInterest ? { serviceInterest: q.serviceInterest.slice(0, 200) } : {}),
      ...(q.urgency ? { urgency: q.urgency } : {}),
      ...(q.budget ? { budgetRange: q.budget.slice(0, 100) } : {}),
      ...(q.timeline ? { timeline: q.timeline.slice(0, 200) } : {}),
      conversationSummary: hot.summary.slice(0, 2000),
    });
    return { contactId, created };
  });
}

/** CRM step 2: a deal for the hot lead in the first pipeline's first stage, associated with the contact. */
export async function syncLeadDeal(ctx: ServiceContext, key: Key & { contactId: string }): Promise<LeadActionOutcome> {
  const client = await hubspotFor(ctx);
  if (!client) return { status: "skipped", reason: "HubSpot is not connected" };
  const hot = await loadHotLead(ctx, key.leadId);
  return runLeadAction(ctx, { leadId: key.leadId, trigger: key.trigger, kind: "hubspot_deal" }, async () => {
    const [pipeline] = await hubspotProvider.listDealPipelines(client);
    const stage = pipeline?.stages[0];
    if (!pipeline || !stage) throw new Error("HubSpot has no deal pipeline with a stage");
    const name = `${hot.who} — ${hot.qualification.serviceInterest ?? "new lead"}`.slice(0, 200);
    const deal = await hubspotProvider.createDeal(client, { name, pipeline: pipeline.id, stage: stage.id, contactId: key.contactId });
    return { dealId: deal.id };
  });
}

/** CRM step 3: a note with the conversation summary and transcript on the contact and the deal. */
export async function syncLeadNote(ctx: ServiceContext, key: Key & { contactId: string; dealId?: string }): Promise<LeadActionOutcome> {
  const client = await hubspotFor(ctx);
  if (!client) return { status: "skipped", reason: "HubSpot is not connected" };
  const hot: HotLead = await loadHotLead(ctx, key.leadId);
  return runLeadAction(ctx, { leadId: key.leadId, trigger: key.trigger, kind: "hubspot_note" }, async () => {
    const html = hubspotProvider.conversationNoteHtml({
      summary: hot.summary,
      ...(hot.channel ? { channel: hot.channel } : {}),
      transcript: hot.transcript.map((line) => ({ ...line, text: line.text.slice(0, 4000) })),
      conversationUrl: hot.leadUrl,
    });
    const note = await hubspotProvider.createNote(client, { contactId: key.contactId, ...(key.dealId ? { dealId: key.dealId } : {}), html });
    return { noteId: note.id };
  });
}
