import type { ServiceContext } from "../context";
import type { ToolCallScope } from "./tool-types";

/**
 * Tools with side effects act for the visitor of the conversation, never on whoever a visitor (or a document the
 * model read) names. Checked before a tool's handler runs; a refusal is returned to the model as the reason and
 * nothing is sent.
 *
 * "Own" contact details are the ones the visitor declared (lead form, `identify`, the channel's number), never ones
 * the lead engine picked out of chat text, which may name anyone.
 *
 * - Twilio messages (send_sms, send_whatsapp, send_whatsapp_template) go only to the conversation's own number:
 *   the phone of its lead (lead form, `identify`), or the number the conversation came in on (an sms / whatsapp /
 *   voice conversation's visitorId), or to the numbers the owner listed in the Twilio integration's
 *   `allowedRecipients` (e.g. the team's on-call phone).
 * - HubSpot works on the conversation's contact only: find_contact looks up only the lead's own email or phone (or
 *   the contact already saved in this conversation); upsert_contact / create_contact save only the lead's own email
 *   (or the contact already saved here), also as the first contact call: an upsert updates whichever record has the
 *   email, so an email merely named in the chat would let a visitor overwrite someone else's record; actions taking
 *   a contactId or dealId accept only ids that HubSpot returned to this conversation.
 * - Cal.com books for the conversation's contact only: book_meeting's attendee email must be the lead's own (and a
 *   phone number, if given, the visitor's own number), so no one is booked, emailed or texted in someone else's
 *   name; cancel_booking / reschedule_booking take only bookings made in this conversation.
 *
 * Calls made outside a conversation (an owner's "try it") and a signed-in member's chat preview in the admin are the
 * business acting itself and are not limited; widget visitors, API-key clients relaying visitors and channel workers
 * (SMS, WhatsApp, voice) are.
 */
export async function toolCallRefusal(
  ctx: ServiceContext,
  call: { integrationType: string; action: string; integrationId: string; config: unknown; args: unknown },
  scope: ToolCallScope,
): Promise<string | null> {
  if (!scope.conversationId || ctx.actor.type === "user") return null;
  const args = (call.args && typeof call.args === "object" ? call.args : {}) as Record<string, unknown>;
  if (call.integrationType === "twilio" && ["send_sms", "send_whatsapp", "send_whatsapp_template"].includes(call.action)) {
    return twilioRefusal(ctx, scope.conversationId, call.config, args);
  }
  const inConversation = { conversationId: scope.conversationId, integrationId: call.integrationId, action: call.action, args };
  if (call.integrationType === "hubspot") return hubspotRefusal(ctx, inConversation);
  if (call.integrationType === "calcom") return calcomRefusal(ctx, inConversation);
  return null;
}

const digits = (phone: string) => phone.replace(/[^\d]/g, "");
const samePhone = (a: string, b: string) => digits(a).length >= 7 && digits(a) === digits(b);
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The lead's email and phone the visitor declared as their own (identify, lead form, channel), never details the
 * lead engine picked out of chat text: "save ceo@example.com" must not make the CEO this visitor's contact. Leads
 * stored before `declared` was kept count as declared unless they came from the conversation.
 */
function declaredContact(lead: { email: string | null; phone: string | null; metadata: unknown } | null | undefined) {
  if (!lead) return { email: null, phone: null };
  const metadata = (lead.metadata ?? {}) as { source?: unknown; declared?: { email?: unknown; phone?: unknown } };
  if (metadata.declared && typeof metadata.declared === "object") {
    const { email, phone } = metadata.declared;
    return { email: typeof email === "string" ? email : null, phone: typeof phone === "string" ? phone : null };
  }
  return metadata.source === "conversation" ? { email: null, phone: null } : { email: lead.email, phone: lead.phone };
}

async function conversationContact(ctx: ServiceContext, conversationId: string) {
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: conversationId, organizationId: ctx.organizationId },
    select: { channel: true, visitorId: true, lead: { select: { email: true, phone: true, metadata: true } } },
  });
  const phones: string[] = [];
  const emails: string[] = [];
  const declared = declaredContact(conversation?.lead);
  if (declared.phone) phones.push(declared.phone);
  if (declared.email) emails.push(declared.email);
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

/** What an integration returned to earlier successful calls in this conversation, oldest first. */
async function earlierResults(ctx: ServiceContext, conversationId: string, integrationId: string) {
  return ctx.prisma.toolCall.findMany({
    where: { organizationId: ctx.organizationId, conversationId, integrationId, ok: true },
    select: { result: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Contacts and deals HubSpot returned to earlier successful calls in this conversation. */
async function hubspotSeen(ctx: ServiceContext, conversationId: string, integrationId: string) {
  const calls = await earlierResults(ctx, conversationId, integrationId);
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

/** A HubSpot or Cal.com call made in a conversation. */
interface ConversationCall {
  conversationId: string;
  integrationId: string;
  action: string;
  args: Record<string, unknown>;
}

async function hubspotRefusal(ctx: ServiceContext, { conversationId, integrationId, action, args }: ConversationCall): Promise<string | null> {
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
    if (email && knownEmails.some((known) => sameEmail(known, email))) return null;
    return knownEmails.length > 0
      ? `this conversation's contact is ${knownEmails[0]}; another person's contact cannot be saved or changed from it`
      : "a contact can only be saved with the email the visitor gave in the contact form, and this visitor has not given one; ask them to fill it in";
  }
  const contactId = typeof args.contactId === "string" ? args.contactId : typeof args.id === "string" && action === "update_contact" ? args.id : null;
  if (contactId !== null && !seen.contactIds.has(contactId)) {
    return "only the contact saved or found in this conversation can be changed (call upsert_contact for the visitor first)";
  }
  const dealId = typeof args.dealId === "string" ? args.dealId : null;
  if (dealId !== null && !seen.dealIds.has(dealId)) return "only a deal created in this conversation can be changed";
  return null;
}

/** Booking uids Cal.com returned to earlier successful calls in this conversation. */
async function calcomBookingsSeen(ctx: ServiceContext, conversationId: string, integrationId: string): Promise<Set<string>> {
  const calls = await earlierResults(ctx, conversationId, integrationId);
  const uids = new Set<string>();
  for (const { result } of calls) {
    const uid = (result as { uid?: unknown } | null)?.uid;
    if (typeof uid === "string") uids.add(uid);
  }
  return uids;
}

async function calcomRefusal(ctx: ServiceContext, { conversationId, integrationId, action, args }: ConversationCall): Promise<string | null> {
  if (action === "book_meeting") {
    const own = await conversationContact(ctx, conversationId);
    const email = typeof args.email === "string" ? args.email : "";
    if (!own.emails.some((known) => sameEmail(known, email))) {
      return own.emails.length > 0
        ? `meetings can only be booked for this visitor (${own.emails[0]}), not for ${email || "someone else"}`
        : "a meeting can only be booked with the email the visitor gave in the contact form, and this visitor has not given one; ask them to fill it in";
    }
    const phone = typeof args.phoneNumber === "string" ? args.phoneNumber : null;
    if (phone !== null && !own.phones.some((known) => samePhone(known, phone))) {
      return "the booking's phone number must be the visitor's own number (leave it out otherwise)";
    }
    return null;
  }
  if (action === "cancel_booking" || action === "reschedule_booking") {
    const uid = typeof args.uid === "string" ? args.uid : "";
    if ((await calcomBookingsSeen(ctx, conversationId, integrationId)).has(uid)) return null;
    return "only a booking made in this conversation can be cancelled or moved";
  }
  return null;
}
