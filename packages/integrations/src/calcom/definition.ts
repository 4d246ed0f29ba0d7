import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { cancelBooking, createBooking, getSlots, rescheduleBooking } from "./bookings";
import { calcomRequest } from "./calcom-request";
import { type CalcomConfig, calcomConfigSchema } from "./config";

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
  actions: [findSlots, bookMeeting, cancelMeeting, rescheduleMeeting],
});
