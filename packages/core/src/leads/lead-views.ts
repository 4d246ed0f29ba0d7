import type { Lead, LeadAction, LeadQualificationChange } from "@frontdesk/db";
import { readQualification } from "./qualification/schemas";
import type { LeadDetailView, QualifiedLeadView } from "./schemas";

type LeadRow = Lead & { conversation: { channel: QualifiedLeadView["channel"] } | null };

/** Include for toQualifiedLeadView: the conversation's channel. */
export const withLeadChannel = { conversation: { select: { channel: true } } } as const;

export function toQualifiedLeadView(lead: LeadRow): QualifiedLeadView {
  return {
    id: lead.id,
    botId: lead.botId,
    conversationId: lead.conversationId,
    channel: lead.conversation?.channel ?? null,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    tier: lead.tier,
    score: lead.score,
    reasons: lead.reasons,
    qualification: readQualification(lead.qualification),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export function toLeadDetailView(lead: LeadRow & { changes: LeadQualificationChange[]; actions: LeadAction[] }): LeadDetailView {
  return {
    ...toQualifiedLeadView(lead),
    history: lead.changes.map((change) => ({
      previousTier: change.previousTier,
      tier: change.tier,
      score: change.score,
      reasons: change.reasons,
      method: change.method,
      at: change.createdAt.toISOString(),
    })),
    actions: lead.actions.map((action) => ({
      kind: action.kind,
      status: action.status,
      attempts: action.attempts,
      lastError: action.lastError,
      updatedAt: action.updatedAt.toISOString(),
    })),
  };
}
