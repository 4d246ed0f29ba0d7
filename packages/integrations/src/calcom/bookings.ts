import { z } from "zod";
import type { IntegrationContext } from "../types";
import { BOOKINGS_API_VERSION, calcomGet, calcomRequest, SLOTS_API_VERSION } from "./calcom-request";

const slotsData = z.record(z.string(), z.array(z.looseObject({ start: z.string(), end: z.string().optional() })));

export const bookingSchema = z.looseObject({
  id: z.number(),
  uid: z.string(),
  title: z.string().optional(),
  status: z.enum(["accepted", "pending", "cancelled", "rejected"]),
  start: z.string(),
  end: z.string(),
  duration: z.number().optional(),
  eventTypeId: z.number().optional(),
  location: z.string().nullish(),
  attendees: z.array(z.looseObject({ name: z.string(), timeZone: z.string() })).optional(),
});
export type CalcomBooking = z.infer<typeof bookingSchema>;

interface Auth {
  apiKey: string;
  ctx: IntegrationContext;
}

/** Available start times, flattened from Cal.com's per-day map, in `timeZone`. */
export async function getSlots(
  auth: Auth,
  query: { eventTypeId: number; start: string; end: string; timeZone?: string; duration?: number },
): Promise<{ start: string }[]> {
  const days = await calcomGet({ ...auth, path: "/v2/slots", apiVersion: SLOTS_API_VERSION, query, data: slotsData });
  return Object.keys(days)
    .sort()
    .flatMap((day) => (days[day] ?? []).map((slot) => ({ start: slot.start })));
}

const DAY_MS = 86_400_000;

/**
 * The first open start at or after `after`, searching week by week up to `horizonDays` ahead (Cal.com computes
 * availability per requested range, so short windows keep each call cheap). Null when nothing is open.
 */
export async function getNextAvailableSlot(
  auth: Auth,
  query: { eventTypeId: number; after: Date; timeZone?: string; horizonDays?: number; windowDays?: number },
): Promise<{ start: string } | null> {
  const horizon = query.after.getTime() + (query.horizonDays ?? 30) * DAY_MS;
  const windowMs = (query.windowDays ?? 7) * DAY_MS;
  for (let from = query.after.getTime(); from < horizon; from += windowMs) {
    const to = Math.min(from + windowMs, horizon);
    const slots = await getSlots(auth, {
      eventTypeId: query.eventTypeId,
      start: new Date(from).toISOString(),
      end: new Date(to).toISOString(),
      ...(query.timeZone ? { timeZone: query.timeZone } : {}),
    });
    const first = slots.find((slot) => new Date(slot.start).getTime() >= query.after.getTime());
    if (first) return first;
  }
  return null;
}

export interface BookingRequest {
  eventTypeId: number;
  /** UTC ISO start. */
  start: string;
  attendee: { name: string; email: string; timeZone: string; phoneNumber?: string; language?: string };
  guests?: string[];
  metadata?: Record<string, string>;
  lengthInMinutes?: number;
}

export function createBooking(auth: Auth, request: BookingRequest): Promise<CalcomBooking> {
  return calcomRequest({ ...auth, method: "POST", path: "/v2/bookings", apiVersion: BOOKINGS_API_VERSION, body: request, data: bookingSchema });
}

export function cancelBooking(auth: Auth, uid: string, cancellationReason?: string): Promise<CalcomBooking> {
  return calcomRequest({
    ...auth,
    method: "POST",
    path: `/v2/bookings/${encodeURIComponent(uid)}/cancel`,
    apiVersion: BOOKINGS_API_VERSION,
    body: cancellationReason ? { cancellationReason } : {},
    data: bookingSchema,
  });
}

/** Cal.com creates a new booking (new uid) and cancels the old one. */
export function rescheduleBooking(auth: Auth, uid: string, request: { start: string; reschedulingReason?: string }): Promise<CalcomBooking> {
  return calcomRequest({
    ...auth,
    method: "POST",
    path: `/v2/bookings/${encodeURIComponent(uid)}/reschedule`,
    apiVersion: BOOKINGS_API_VERSION,
    body: request,
    data: bookingSchema,
  });
}
