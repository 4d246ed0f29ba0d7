import type { ServiceContext } from "../context";
import type { ToolCallScope } from "./tool-types";

/**
 * Tools with side effects act for the visitor of the conversation, never on whoever a visitor (or a document the
 * model read) names. Checked before a tool's handler runs; a refusal is returned to the model as the reason and
 * nothing is sent.
 *
 * - Twilio messages (send_sms, send_whatsapp, send_whatsapp_template) go only to the conversation's own number:
 *   the phone of its lead (lead form, `identify`), or the number the conversation came in on (an sms / whatsapp /
 *   voice conversation's visitorId), or to the numbers the owner listed in the Twilio integration's
 *   `allowedRecipients` (e.g. the team's on-call phone).
 * - HubSpot works on the conversation's contact only: find_contact looks up only the lead's own email or phone (or
 *   the contact already saved in this conversation); upsert_contact / create_contact may save one contact per
 *   conversation (the lead's email when there is a lead); actions taking a contactId or dealId accept only ids that
 *   HubSpot returned to this conversation.
 *
 * Calls made outside a conversation (an owner's "try it") are the business acting itself and are not limited.
 */
export async function toolCallRefusal(
  ctx: ServiceContext,
  call: { integrationType: string; action: string; integrationId: string; config: unknown; args: unknown },
  scope: ToolCallScope,
): Promise<string | null> {
  if (!scope.conversationId) return null;
  const args = (call.args && typeof call.args === "object" ? call.args : {}) as Record<string, unknown>;
  if (call.integrationType === "twilio" && ["send_sms", "send_whatsapp", "send_whatsapp_template"].includes(call.action)) {
    return twilioRefusal(ctx, scope.conversationId, call.config, args);
  }
  if (call.integrationType === "hubspot") return hubspotRefusal(ctx, scope.conversationId, call.integrationId, call.action, args);
  return null;
}

const digits = (phone: string) => phone.replace(/[^\d]/g, "");
const samePhone = (a: string, b: string) => digits(a).length >= 7 && digits(a) === digits(b);
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function conversationContact(ctx: ServiceContext, conversationId: string) {
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: conversationId, organizationId: ctx.organizationId },
    select: { channel: true, visitorId: true, lead: { select: { email: true, phone: true } } },
  });
  const phones: string[] = [];
  const emails: string[] = [];
  if (conversation?.lead?.phone) phones.push(conversation.lead.phone);
  if (conversation?.lead?.email) emails.push(conversation.lead.email);
  // A conversation that came in by SMS, WhatsApp or phone is keyed by the caller's number.
  if (conversation && conversation.channel !== "web" && conversation.channel !== "api" && conversation.visitorId && /^\+?\d{7,15}$/.test(conversation.visitorId.replace(/^whatsapp:/, ""))) {
    phones.push(conversation.visitorId.replace(/^whatsapp:/, ""));
  }
  return { phones, emails };
}

async function twilioRefusal(ctx: ServiceContext, conversationId: string, config: unknown, args: Record<string, unknown>): Promise<string | null> {
  const to = typeof args.to === "string" ? args.to : "";
  const { phones } = await conversationContact(ctx, conversationId);
  const listed = (config as { allowedRecipients?: unknown } | null)?.allowedRecipients;
  const allowed = [...phones, ...(Array.isArray(listed) ? listed.filter((entry): entry is string => typeof entry === "string") : [])];
  if (allowed.some((phone) => samePhone(phone, to))) return null;
  return phones.length > 0
    ? `messages can only go to this visitor's own number (${phones[0]}) or the business's listed numbers, not to ${to || "another number"}`
    : "messages can only go to the visitor's own number, and this visitor has not given one in the contact form; ask them to fill it in";
}

/** Contacts and deals HubSpot returned to earlier successful calls in this conversation. */
async function hubspotSeen(ctx: ServiceContext, conversationId: string, integrationId: string) {
  const calls = await ctx.prisma.toolCall.findMany({
    where: { organizationId: ctx.organizationId, conversationId, integrationId, ok: true },
    select: { result: true },
    orderBy: { createdAt: "asc" },
  });
  const contactIds = new Set<string>();
  const dealIds = new Set<string>();
  const emails: string[] = [];
  for (const { result } of calls) {
    const value = (result ?? {}) as Record<string, unknown>;
    const contact = (value.contact ?? value) as { id?: unknown; properties?: { email?: unknown } };
    if (typeof contact.id === "string" && contact.properties && !("dealname" in contact.properties)) {
      contactIds.add(contact.id);
      if (typeof contact.properties.email === "string") emails.push(contact.properties.email);
    }
    const deal = (value.deal ?? value) as { id?: unknown; properties?: { dealname?: unknown } };
    if (typeof deal.id === "string" && deal.properties && "dealname" in deal.properties) dealIds.add(deal.id);
  }
  return { contactIds, dealIds, emails };
}

async function hubspotRefusal(
  ctx: ServiceContext,
  conversationId: string,
  integrationId: string,
  action: string,
  args: Record<string, unknown>,
): Promise<string | null> {
  const own = await conversationContact(ctx, conversationId);
  const seen = await hubspotSeen(ctx, conversationId, integrationId);
  const knownEmails = [...own.emails, ...seen.emails];
  const email = typeof args.email === "string" ? args.email : null;
  const phone = typeof args.phone === "string" ? args.phone : null;

  if (action === "find_contact") {
    if (email && knownEmails.some((known) => sameEmail(known, email))) return null;
    if (phone && own.phones.some((known) => samePhone(known, phone))) return null;
    return "only this visitor's own contact can be looked up (the email or phone they gave in the contact form)";
  }
  if (action === "upsert_contact" || action === "create_contact") {
    if (!email || knownEmails.length === 0 || knownEmails.some((known) => sameEmail(known, email))) return null;
    return `this conversation's contact is ${knownEmails[0]}; another person's contact cannot be saved or changed from it`;
  }
  const contactId = typeof args.contactId === "string" ? args.contactId : typeof args.id === "string" && action === "update_contact" ? args.id : null;
  if (contactId !== null && !seen.contactIds.has(contactId)) {
    return "only the contact saved or found in this conversation can be changed (call upsert_contact for the visitor first)";
  }
  const dealId = typeof args.dealId === "string" ? args.dealId : null;
  if (dealId !== null && !seen.dealIds.has(dealId)) return "only a deal created in this conversation can be changed";
  return null;
}
