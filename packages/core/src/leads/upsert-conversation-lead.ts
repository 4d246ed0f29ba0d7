import type { Lead, Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { isUniqueViolation } from "../unique-violation";
import { mergeLeadMetadata } from "./merge-lead-metadata";
import { emitDomainEvent } from "../webhooks/emit-domain-event";
import type { VisitorContact } from "./schemas";

export type LeadSource = "identify" | "lead_form" | "sms" | "whatsapp" | "voice" | "conversation";

/**
 * Creates or updates the Lead of a conversation with the non-empty contact fields (already validated): a later
 * identify() or form fills in or corrects fields without erasing the ones it leaves out. Null when nothing was given.
 * The email and phone the visitor declared as their own (identify, lead form, the number an SMS/WhatsApp or a call came from)
 * are also kept in `metadata.declared`: unlike details picked out of chat text ("conversation"), which may name
 * anyone, they are what tools with side effects may act on (tools/tool-guard.ts). An admin preview chat never gets one.
 */
export async function upsertConversationLead(
  ctx: ServiceContext,
  input: { botId: string; conversationId: string; contact: VisitorContact; source: LeadSource },
): Promise<Lead | null> {
  const fields: { name?: string; email?: string; phone?: string } = {};
  for (const key of ["name", "email", "phone"] as const) {
    const value = input.contact[key]?.trim();
    if (value) fields[key] = key === "email" ? value.toLowerCase() : value;
  }
  if (Object.keys(fields).length === 0) return null;
  // A member trying the bot in the admin is no lead (nor are the alerts, CRM syncs and follow-ups that follow one).
  const preview = await ctx.prisma.conversation.count({ where: { id: input.conversationId, organizationId: ctx.organizationId, preview: true } });
  if (preview > 0) return null;
  const existing = await ctx.prisma.lead.findFirst({
    where: { conversationId: input.conversationId, organizationId: ctx.organizationId },
  });
  const previous = (existing?.metadata ?? {}) as Record<string, unknown>;
  const declared =
    input.source === "conversation"
      ? previous.declared
      : { ...(previous.declared as object | undefined), ...(fields.email ? { email: fields.email } : {}), ...(fields.phone ? { phone: fields.phone } : {}) };
  // Details read from chat text declare nothing: the stored `declared` is left as it is, not written back from this read.
  const changes = { source: input.source, ...(declared && input.source !== "conversation" ? { declared } : {}) };
  const metadata = { ...previous, ...changes };
  if (existing) {
    // Only this call's keys are merged in place: the same turn may be recording a booking on this lead.
    await mergeLeadMetadata(ctx, existing.id, changes as Prisma.InputJsonObject);
    return ctx.prisma.lead.update({ where: { id: existing.id }, data: fields });
  }
  let lead: Lead;
  try {
    lead = await ctx.prisma.lead.create({
      data: { organizationId: ctx.organizationId, botId: input.botId, conversationId: input.conversationId, ...fields, metadata },
    });
  } catch (error) {
    // Two steps of one turn (a booking and the contact details read from the same message) may both find no lead
    // and insert one; the one that loses the race on lead_conversationId_key updates the winner's row instead.
    if (!isUniqueViolation(error)) throw error;
    return upsertConversationLead(ctx, input);
  }
  await emitDomainEvent(ctx, "lead.captured", {
    leadId: lead.id,
    botId: lead.botId,
    conversationId: lead.conversationId,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    source: input.source,
  });
  return lead;
}
