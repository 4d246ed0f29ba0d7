import type { Lead } from "@frontdesk/db";
import type { LeadView } from "./schemas";

export function toLeadView(lead: Lead): LeadView {
  return {
    id: lead.id,
    botId: lead.botId,
    conversationId: lead.conversationId,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}
