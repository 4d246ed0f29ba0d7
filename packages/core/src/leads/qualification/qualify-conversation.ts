import type { Lead } from "@frontdesk/db";
import { resolveChatModel } from "../../answer-model";
import type { ServiceContext } from "../../context";
import { emitDomainEvent } from "../../webhooks/emit-domain-event";
import { upsertConversationLead } from "../upsert-conversation-lead";
import { givesContactDetails, qualifyByRules } from "./qualification-rules";
import { qualifyWithModel } from "./qualify-with-model";
import { readQualification, type LeadAssessment } from "./schemas";

const MESSAGES_READ = 50;

export type QualifyOutcome =
  | { leadId: null }
  | { leadId: string; changed: false }
  | { leadId: string; changed: true; changeId: string; tier: LeadAssessment["tier"]; previousTier: Lead["tier"]; tierChanged: boolean };

/**
 * Whether qualifyConversation can find a lead in a conversation: it has one (or contact details were given for it),
 * or what the visitor wrote holds contact details. Otherwise it would read the conversation and stop, so a chat turn
 * that knows both (a conversation it opened, the one message) does not queue it.
 */
export function mayBeLead(input: { hasLead: boolean; messages: string[] }): boolean {
  if (input.hasLead) return true;
  return givesContactDetails(input.messages);
}

/**
 * Re-scores the lead of a conversation from everything the visitor wrote: with the organization's chat model
 * (structured output) when it has one, else — or when the model fails — by the documented rules. A conversation
 * without a lead gets one as soon as the visitor writes contact details. A new score, tier or reasons is stored
 * with a history row; a new tier also emits `lead.qualified` (webhooks, and the event the hot-lead actions run on).
 */
export async function qualifyConversation(ctx: ServiceContext, input: { conversationId: string }): Promise<QualifyOutcome> {
  const where = { organizationId: ctx.organizationId };
  const conversation = await ctx.prisma.conversation.findFirst({ where: { ...where, id: input.conversationId }, include: { lead: true } });
  // An admin preview chat is not a visitor: never scored, so never alerted on or synced to a CRM.
  if (!conversation || conversation.preview) return { leadId: null };
  const recent = await ctx.prisma.message.findMany({
    where: { ...where, conversationId: conversation.id, role: "user" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGES_READ,
    select: { content: true },
  });
  const messages = recent.reverse().map((message) => message.content);
  let lead = conversation.lead;
  const contact = { name: lead?.name ?? null, email: lead?.email ?? null, phone: lead?.phone ?? null };
  const byRules = qualifyByRules({ messages, contact });
  if (!lead) {
    // No contact yet: only details written in the conversation make it a lead.
    lead = await upsertConversationLead(ctx, { botId: conversation.botId, conversationId: conversation.id, contact: byRules.contact, source: "conversation" });
    if (!lead) return { leadId: null };
  }
  const assessment = await assess(ctx, { messages, contact }, byRules);
  return storeAssessment(ctx, lead, assessment);
}

async function assess(ctx: ServiceContext, input: Parameters<typeof qualifyWithModel>[1], byRules: LeadAssessment): Promise<LeadAssessment> {
  const { chatModel } = await resolveChatModel(ctx);
  if (!chatModel) return byRules;
  try {
    return await qualifyWithModel(chatModel, input);
  } catch (error) {
    ctx.logger.warn({ err: error, organizationId: ctx.organizationId }, "lead qualification by the model failed; using the rules");
    return byRules;
  }
}

async function storeAssessment(ctx: ServiceContext, lead: Lead, assessment: LeadAssessment): Promise<QualifyOutcome> {
  const found = Object.fromEntries(Object.entries(assessment.contact).filter(([key]) => !lead[key as "name" | "email" | "phone"]));
  const same =
    lead.tier === assessment.tier &&
    lead.score === assessment.score &&
    JSON.stringify(lead.reasons) === JSON.stringify(assessment.reasons) &&
    JSON.stringify(readQualification(lead.qualification)) === JSON.stringify(assessment.qualification);
  if (same && Object.keys(found).length === 0) return { leadId: lead.id, changed: false };
  const previousTier = lead.tier;
  const now = new Date();
  const [, change] = await ctx.prisma.$transaction([
    ctx.prisma.lead.update({
      where: { id: lead.id },
      data: { ...found, tier: assessment.tier, score: assessment.score, reasons: assessment.reasons, qualification: { ...assessment.qualification }, qualifiedAt: now },
    }),
    ctx.prisma.leadQualificationChange.create({
      data: { organizationId: ctx.organizationId, leadId: lead.id, previousTier, tier: assessment.tier, score: assessment.score, reasons: assessment.reasons, method: assessment.method },
    }),
  ]);
  const tierChanged = previousTier !== assessment.tier;
  if (tierChanged) {
    await emitDomainEvent(ctx, "lead.qualified", {
      leadId: lead.id,
      botId: lead.botId,
      conversationId: lead.conversationId,
      tier: assessment.tier,
      previousTier,
      score: assessment.score,
      reasons: assessment.reasons,
      qualification: assessment.qualification,
    });
    await ctx.events.send({
      name: "leads/lead.qualified",
      id: `lead-qualified-${change.id}`,
      data: { organizationId: ctx.organizationId, leadId: lead.id, changeId: change.id, tier: assessment.tier, previousTier },
    });
  }
  return { leadId: lead.id, changed: true, changeId: change.id, tier: assessment.tier, previousTier, tierChanged };
}
