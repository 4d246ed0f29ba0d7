import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { toConversationHits } from "./hits";
import { searchContactsInput, type ContactHit, type ContactHits, type SearchContactsInput } from "./schemas";
import { rankConversations } from "./search-conversations";

const CANDIDATES = 200;

/**
 * People ranked by how close their conversations are to `q` (meaning and words): a conversation's lead when it has
 * one, else its visitor (per channel). Each contact appears once, at their best conversation.
 */
export async function searchContacts(ctx: ServiceContext, input: SearchContactsInput): Promise<ContactHits> {
  const { q, botId, limit } = parseInput(searchContactsInput, input);
  if (botId && !(await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, select: { id: true } }))) throw notFound("Bot");
  const hits = await toConversationHits(ctx, await rankConversations(ctx, q, { botId, limit: CANDIDATES }));
  const contacts = new Map<string, ContactHit>();
  for (const hit of hits) {
    const lead = hit.lead;
    if (!lead && !hit.visitorId) continue;
    const id = lead ? lead.id : `visitor:${hit.channel}:${hit.visitorId}`;
    const known = contacts.get(id);
    if (known) {
      known.conversationIds.push(hit.id);
      continue;
    }
    contacts.set(id, {
      id,
      leadId: lead?.id ?? null,
      name: lead?.name ?? null,
      email: lead?.email ?? null,
      phone: lead?.phone ?? null,
      visitorId: hit.visitorId,
      channel: hit.channel,
      score: hit.score,
      conversationIds: [hit.id],
      match: hit.match,
    });
  }
  return { data: [...contacts.values()].slice(0, limit) };
}
