import type { Conversation, Lead, Prisma } from "@frontdesk/db";
import { calcomProvider, IntegrationError } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { loadEnabledIntegrations, type EnabledIntegration } from "../../integrations/load-enabled-integrations";
import { emitMessageCreated } from "../../webhooks/emit-chat-events";
import type { ChatEvent } from "../../chat/schemas";
import { mergeLeadMetadata } from "../merge-lead-metadata";
import { upsertConversationLead } from "../upsert-conversation-lead";
import { detectBookingIntent, findEmail, localSlot, parseSlotChoice, parseWeekday } from "./booking-phrases";
import { sendBookingEmails } from "./booking-emails";
import { readBookingSettings, type BookingSettings } from "./schemas";
import { chooseLeadTimeZone, statedTimeZone } from "./time-zone";
import { bookingText, type Language, languageOf } from "./booking-text";

/** What the conversation remembers between turns (Conversation.metadata.bookingOffer). */
interface BookingOffer {
  /** UTC ISO starts, in the order the lead saw them. */
  slots: string[];
  timeZone: string;
  language: Language;
  /** Set once a slot was chosen and the lead's email is still missing. */
  chosen?: string;
}

const SEARCH_DAYS = 14;

function readOffer(metadata: unknown): BookingOffer | null {
  const offer = (metadata as { bookingOffer?: unknown } | null)?.bookingOffer as Partial<BookingOffer> | undefined;
  if (!offer || !Array.isArray(offer.slots) || typeof offer.timeZone !== "string") return null;
  return {
    slots: offer.slots.filter((slot): slot is string => typeof slot === "string"),
    timeZone: offer.timeZone,
    language: offer.language === "es" ? "es" : "en",
    ...(typeof offer.chosen === "string" ? { chosen: offer.chosen } : {}),
  };
}

/**
 * Whether this turn may be a step of the booking dialogue, from what is known before the database is read (a
 * conversation not yet opened is new: no offer). When false, bookingTurn returns null.
 */
export function mayBeBookingTurn(bot: { booking: unknown }, conversation: Pick<Conversation, "metadata"> | null, message: string): boolean {
  if (!readBookingSettings(bot.booking).enabled) return false;
  return readOffer(conversation?.metadata ?? null) !== null || detectBookingIntent(message);
}

/**
 * The booking dialogue, before the knowledge answer (bot.booking.enabled and Cal.com connected): booking intent
 * gets the next free slots, numbered, in the lead's time zone (see chooseLeadTimeZone: stated in the conversation,
 * else the browser's, the bot's setting, Cal.com's); the next message choosing one books it (asking for the email
 * first when the lead has none), writes lead.metadata.booking and confirms in the reply (on the conversation's
 * channel) and by email to the lead. Stating a zone after an offer ("I'm in New York") offers the slots again in
 * it. Null when this turn is not part of it, so the bot answers as usual.
 */
export async function bookingTurn(
  ctx: ServiceContext,
  input: { bot: { id: string; booking: unknown; leadAlerts: unknown }; conversation: Conversation; message: string; replyTo?: string | undefined },
): Promise<AsyncGenerator<ChatEvent> | null> {
  if (!mayBeBookingTurn(input.bot, input.conversation, input.message)) return null;
  const settings = readBookingSettings(input.bot.booking);
  const offer = readOffer(input.conversation.metadata);
  const intent = detectBookingIntent(input.message);
  const [calcom] = await loadEnabledIntegrations(ctx, "calcom", calcomProvider.calcomConfigSchema);
  if (!calcom) return null;
  const stated = statedTimeZone(input.message);
  if (stated) await saveStatedTimeZone(ctx, input.conversation.id, stated);
  const reply = (content: string, type: string, nextOffer: BookingOffer | null) => respond(ctx, input, content, type, nextOffer);

  try {
    if (offer?.chosen) {
      const email = findEmail(input.message);
      if (email) return await book(ctx, input, calcom, offer, offer.chosen, email);
      if (!intent) return await reply(bookingText[offer.language].askEmail, "booking_email_request", offer);
    } else if (offer) {
      const index = parseSlotChoice(input.message, offer.slots.map((start) => localSlot(start, offer.timeZone)));
      if (index !== null) {
        const start = offer.slots[index] as string;
        const lead = await findLead(ctx, input.conversation.id);
        if (lead?.email) return await book(ctx, input, calcom, offer, start, lead.email);
        return await reply(bookingText[offer.language].askEmail, "booking_email_request", { ...offer, chosen: start });
      }
      if (!intent && !(stated && stated !== offer.timeZone)) {
        // Something else was asked: the offer is dropped and the bot answers as usual.
        await saveOffer(ctx, input.conversation.id, null);
        return null;
      }
    }
    return await offerSlots(ctx, input, calcom, settings, stated);
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    ctx.logger.warn({ err: error, conversationId: input.conversation.id }, "the booking dialogue could not reach Cal.com");
    const language = offer?.language ?? languageOf(input.message);
    return reply(bookingText[language].unavailable, "booking_unavailable", null);
  }
}

type CalcomIntegration = EnabledIntegration<calcomProvider.CalcomConfig>;

async function offerSlots(
  ctx: ServiceContext,
  input: Parameters<typeof bookingTurn>[1],
  calcom: CalcomIntegration,
  settings: BookingSettings,
  stated: string | null,
): Promise<AsyncGenerator<ChatEvent>> {
  const count = settings.slotsOffered;
  const language = languageOf(input.message);
  const timeZone = chooseLeadTimeZone({ stated, conversation: input.conversation.metadata, botDefault: settings.timeZone, calcomDefault: calcom.config.timeZone });
  const weekday = parseWeekday(input.message);
  const now = Date.now();
  const starts = await calcomProvider.getSlots(
    { apiKey: calcom.config.apiKey, ctx: calcom.providerContext },
    { eventTypeId: calcom.config.eventTypeId, start: new Date(now).toISOString(), end: new Date(now + SEARCH_DAYS * 86_400_000).toISOString(), timeZone },
  );
  const slots = starts
    .map((slot) => new Date(slot.start).toISOString())
    .filter((start) => Date.parse(start) > now && (weekday === null || localSlot(start, timeZone).weekday === weekday))
    .slice(0, count);
  const text = bookingText[language];
  if (slots.length === 0) return respond(ctx, input, text.noSlots(weekday !== null), "booking_no_slots", null);
  const lines = slots.map((start, index) => `${index + 1}. ${calcomProvider.formatSlot(start, { timeZone, ...(language === "es" ? { locale: "es-ES" } : {}) })}`);
  return respond(ctx, input, `${text.offer(timeZone)}\n${lines.join("\n")}\n${text.choose}`, "booking_offer", { slots, timeZone, language });
}

async function book(
  ctx: ServiceContext,
  input: Parameters<typeof bookingTurn>[1],
  calcom: CalcomIntegration,
  offer: BookingOffer,
  start: string,
  email: string,
): Promise<AsyncGenerator<ChatEvent>> {
  const text = bookingText[offer.language];
  const existing = await findLead(ctx, input.conversation.id);
  const lead =
    existing?.email === email.toLowerCase()
      ? existing
      : await upsertConversationLead(ctx, { botId: input.bot.id, conversationId: input.conversation.id, contact: { email }, source: "conversation" });
  const name = lead?.name?.trim() || email.split("@")[0] || "Guest";
  let booking: calcomProvider.CalcomBooking;
  try {
    booking = await calcomProvider.createBooking(
      { apiKey: calcom.config.apiKey, ctx: calcom.providerContext },
      { eventTypeId: calcom.config.eventTypeId, start, attendee: { name, email: email.toLowerCase(), timeZone: offer.timeZone, language: offer.language }, metadata: { conversationId: input.conversation.id } },
    );
  } catch (error) {
    // Taken in the meantime (Cal.com answers 400 for a slot no longer open): offer fresh slots.
    if (error instanceof IntegrationError && error.status === 400) {
      return respond(ctx, input, text.taken, "booking_slot_taken", null);
    }
    throw error;
  }
  if (lead) {
    const record = { uid: booking.uid, start: booking.start, end: booking.end, timeZone: offer.timeZone, bookedAt: new Date().toISOString(), conversationId: input.conversation.id };
    await mergeLeadMetadata(ctx, lead.id, { booking: record });
  }
  const when = calcomProvider.formatSlot(booking.start, { timeZone: offer.timeZone, ...(offer.language === "es" ? { locale: "es-ES" } : {}) });
  const emailed = await sendBookingEmails(ctx, input.bot, {
    conversationId: input.conversation.id,
    channel: input.conversation.channel,
    attendee: { name, email: email.toLowerCase(), phone: lead?.phone },
    start: booking.start,
    timeZone: offer.timeZone,
    durationMinutes: booking.duration,
    bookingUid: booking.uid,
  });
  return respond(ctx, input, text.confirmed(when, offer.timeZone, emailed ? email.toLowerCase() : null), "booking_confirmed", null, { bookingUid: booking.uid });
}

/** A zone the lead stated: kept on the conversation, above the browser's, for the turns after this one. */
async function saveStatedTimeZone(ctx: ServiceContext, conversationId: string, timeZone: string): Promise<void> {
  const current = await ctx.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { metadata: true } });
  const metadata = { ...((current.metadata ?? {}) as Record<string, unknown>), timeZone, timeZoneSource: "stated" };
  await ctx.prisma.conversation.update({ where: { id: conversationId }, data: { metadata: metadata as Prisma.InputJsonObject } });
}

function findLead(ctx: ServiceContext, conversationId: string): Promise<Lead | null> {
  return ctx.prisma.lead.findFirst({ where: { conversationId, organizationId: ctx.organizationId } });
}

async function saveOffer(ctx: ServiceContext, conversationId: string, offer: BookingOffer | null): Promise<void> {
  const current = await ctx.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { metadata: true } });
  const { bookingOffer: _dropped, ...rest } = (current.metadata ?? {}) as Record<string, unknown>;
  await ctx.prisma.conversation.update({
    where: { id: conversationId },
    data: { metadata: (offer ? { ...rest, bookingOffer: offer } : rest) as Prisma.InputJsonObject },
  });
}

/** Stores the bot's reply (and the offer for the next turn) and ends the turn with it. */
async function respond(
  ctx: ServiceContext,
  input: Parameters<typeof bookingTurn>[1],
  content: string,
  type: string,
  offer: BookingOffer | null,
  extra: Record<string, string> = {},
): Promise<AsyncGenerator<ChatEvent>> {
  await saveOffer(ctx, input.conversation.id, offer);
  const message = await ctx.prisma.message.create({
    data: {
      organizationId: ctx.organizationId,
      conversationId: input.conversation.id,
      role: "assistant",
      content,
      metadata: { type, ...(input.replyTo ? { inReplyTo: input.replyTo } : {}), ...extra },
    },
  });
  await ctx.prisma.conversation.update({ where: { id: input.conversation.id }, data: { lastMessageAt: message.createdAt } });
  await emitMessageCreated(ctx, message);
  const conversationId = input.conversation.id;
  return (async function* () {
    yield { type: "done", conversationId, messageId: message.id, message: content, citations: [], status: "open", followUps: [] };
  })();
}
