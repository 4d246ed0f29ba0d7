import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { cancelBooking, createBooking, getNextAvailableSlot, getSlots, rescheduleBooking } from "./bookings";
import { calcomRequest } from "./calcom-request";
import { type CalcomConfig, calcomConfigSchema } from "./config";
import { formatSlot, formatSlotList, isValidTimeZone } from "./slot-text";

type Ctx = ActionContext<CalcomConfig>;
const auth = (ctx: Ctx) => ({ apiKey: ctx.config.apiKey, ctx });
const isoInstant = z.iso.datetime({ offset: true });

const findSlots = defineAction({
  name: "find_slots",
  description: "List open appointment start times between two dates.",
  input: z.object({
    start: z.iso.date().describe("First day, YYYY-MM-DD"),
    end: z.iso.date().describe("Last day, YYYY-MM-DD"),
    timeZone: z.string().optional().describe("Visitor's IANA time zone"),
  }),
  execute: (input, ctx: Ctx) =>
    getSlots(auth(ctx), { eventTypeId: ctx.config.eventTypeId, start: input.start, end: input.end, timeZone: input.timeZone ?? ctx.config.timeZone }),
});

const leadTimeZone = z
  .string()
  .refine(isValidTimeZone, { message: "Unknown IANA time zone" })
  .optional()
  .describe('Lead\'s IANA time zone, e.g. "America/New_York"; the business default when unknown');
const DAY_MS = 86_400_000;

const suggestSlots = defineAction({
  name: "suggest_slots",
  description:
    'Open appointment times as a short readable list in the lead\'s time zone (e.g. "Tue 24 Nov, 9:00 AM, 9:30 AM; Wed 25 Nov, 2:00 PM") to quote to them, plus exact start values for book_meeting.',
  input: z.object({
    from: z.iso.date().optional().describe("First day to offer, YYYY-MM-DD (default today)"),
    days: z.number().int().min(1).max(14).default(3).describe("How many days to cover"),
    timeZone: leadTimeZone,
    maxPerDay: z.number().int().min(1).max(24).default(6).describe("Times to show per day"),
  }),
  async execute(input, ctx: Ctx) {
    const timeZone = input.timeZone ?? ctx.config.timeZone;
    const start = input.from ? new Date(`${input.from}T00:00:00Z`) : new Date();
    const slots = await getSlots(auth(ctx), {
      eventTypeId: ctx.config.eventTypeId,
      start: start.toISOString(),
      end: new Date(start.getTime() + input.days * DAY_MS).toISOString(),
      timeZone,
    });
    const starts = slots.map((slot) => slot.start);
    return {
      timeZone,
      text: starts.length > 0 ? formatSlotList(starts, { timeZone, maxPerDay: input.maxPerDay }) : "No open times in this period.",
      slots: starts.map((slot) => ({ start: slot, label: formatSlot(slot, { timeZone }) })),
    };
  },
});

const nextAvailableSlot = defineAction({
  name: "next_available_slot",
  description: "The earliest open appointment time (searches up to 30 days ahead), with a readable label in the lead's time zone. Null when nothing is open.",
  input: z.object({ after: z.iso.date().optional().describe("Search from this day, YYYY-MM-DD (default now)"), timeZone: leadTimeZone }),
  async execute(input, ctx: Ctx) {
    const timeZone = input.timeZone ?? ctx.config.timeZone;
    const slot = await getNextAvailableSlot(auth(ctx), {
      eventTypeId: ctx.config.eventTypeId,
      after: input.after ? new Date(`${input.after}T00:00:00Z`) : new Date(),
      timeZone,
    });
    return slot ? { start: slot.start, label: formatSlot(slot.start, { timeZone }), timeZone } : null;
  },
});

const bookMeeting = defineAction({
  name: "book_meeting",
  description: "Book an appointment at one of the start times returned by find_slots.",
  input: z.object({
    start: isoInstant.describe("Slot start as returned by find_slots"),
    name: z.string().min(1).max(200),
    email: z.email(),
    timeZone: z.string().optional(),
    phoneNumber: z.string().max(40).optional(),
    notes: z.string().max(2000).optional(),
  }),
  execute: (input, ctx: Ctx) =>
    createBooking(auth(ctx), {
      eventTypeId: ctx.config.eventTypeId,
      start: new Date(input.start).toISOString(),
      attendee: {
        name: input.name,
        email: input.email,
        timeZone: input.timeZone ?? ctx.config.timeZone,
        ...(input.phoneNumber ? { phoneNumber: input.phoneNumber } : {}),
      },
      ...(input.notes ? { metadata: { notes: input.notes } } : {}),
    }),
});

const cancelMeeting = defineAction({
  name: "cancel_booking",
  description: "Cancel a booking by its uid.",
  input: z.object({ uid: z.string().min(1), reason: z.string().max(500).optional() }),
  execute: (input, ctx: Ctx) => cancelBooking(auth(ctx), input.uid, input.reason),
});

const rescheduleMeeting = defineAction({
  name: "reschedule_booking",
  description: "Move a booking (by uid) to a new start time from find_slots.",
  input: z.object({ uid: z.string().min(1), start: isoInstant, reason: z.string().max(500).optional() }),
  execute: (input, ctx: Ctx) =>
    rescheduleBooking(auth(ctx), input.uid, {
      start: new Date(input.start).toISOString(),
      ...(input.reason ? { reschedulingReason: input.reason } : {}),
    }),
});

export const calcomIntegration = defineIntegration<CalcomConfig>({
  id: "calcom",
  name: "Cal.com",
  description: "Offer open slots and book, cancel or reschedule meetings (Cal.com API v2).",
  configSchema: calcomConfigSchema,
  async testConnection(config, ctx) {
    const me = await calcomRequest({ apiKey: config.apiKey, ctx, method: "GET", path: "/v2/me", data: z.looseObject({ email: z.string() }) });
    return { ok: true, detail: me.email };
  },
  actions: [findSlots, suggestSlots, nextAvailableSlot, bookMeeting, cancelMeeting, rescheduleMeeting],
});
