import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

interface Booking {
  id: number;
  uid: string;
  status: "accepted" | "cancelled";
  start: string;
  end: string;
  eventTypeId: number;
  attendee: { name: string; email: string; timeZone: string };
}

/** Cal.com answers slots in the requested zone, e.g. "2050-09-05T11:00:00.000+02:00". */
function formatInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "longOffset" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.000${offset}`;
}

/**
 * Cal.com API v2 subset: Bearer cal_ key (401), cal-api-version per endpoint (404 without), body validation (400),
 * double-booking rejection, 429 + Retry-After. One event type (id 77, 30 min) open 09:00–11:00 UTC on weekdays.
 */
export async function startCalcomFake(opts: { apiKey: string }) {
  const bookings: Booking[] = [];
  const state = { rateLimitNext: 0, serverErrorNext: 0, hang: false, nextId: 5001, requests: [] as string[] };
  const eventType = { id: 77, slug: "intro-call", lengthInMinutes: 30 };
  const fail = (res: ServerResponse, status: number, code: string, message: unknown, path: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { status: "error", timestamp: new Date().toISOString(), path, error: { code, message } }, headers);
  const view = (b: Booking) => ({
    id: b.id,
    uid: b.uid,
    title: `Intro call between Host and ${b.attendee.name}`,
    description: "",
    hosts: [{ id: 1, name: "Host", timeZone: "UTC" }],
    status: b.status,
    start: b.start,
    end: b.end,
    duration: eventType.lengthInMinutes,
    eventTypeId: b.eventTypeId,
    eventType: { id: eventType.id, slug: eventType.slug },
    location: "integrations:daily",
    attendees: [{ name: b.attendee.name, email: b.attendee.email, timeZone: b.attendee.timeZone, language: "en", absent: false }],
    guests: [],
    bookingFieldsResponses: { name: b.attendee.name, email: b.attendee.email },
    absentHost: false,
  });
  const openStarts = (from: Date, to: Date): Date[] => {
    const starts: Date[] = [];
    for (let day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())); day <= to; day = new Date(day.getTime() + 86_400_000)) {
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      for (let minutes = 9 * 60; minutes < 11 * 60; minutes += eventType.lengthInMinutes) {
        const start = new Date(day.getTime() + minutes * 60_000);
        if (!bookings.some((b) => b.status === "accepted" && b.start === start.toISOString())) starts.push(start);
      }
    }
    return starts;
  };
  const isOpen = (start: Date) => openStarts(start, start).some((s) => s.getTime() === start.getTime());

  function validateAttendee(attendee: unknown): string | null {
    if (!attendee || typeof attendee !== "object") return "attendee must be an object";
    const a = attendee as Record<string, unknown>;
    if (typeof a.name !== "string" || !a.name) return "attendee.name must be a string";
    if (typeof a.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(a.email)) return "attendee.email must be an email";
    if (typeof a.timeZone !== "string" || !a.timeZone) return "attendee.timeZone must be a string";
    return null;
  }

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    state.requests.push(`${req.method} ${path}${url.search}`);
    if (state.hang) return; // never answers: the client's deadline must fire
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return fail(res, 401, "UnauthorizedException", "Invalid Access Token.", path);
    }
    if (state.rateLimitNext > 0) {
      state.rateLimitNext -= 1;
      return fail(res, 429, "TooManyRequestsException", "ThrottlerException: Too Many Requests", path, { "Retry-After": "4" });
    }
    if (state.serverErrorNext > 0) {
      state.serverErrorNext -= 1;
      return fail(res, 502, "BadGatewayException", "Bad Gateway", path);
    }
    const version = req.headers["cal-api-version"];
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return fail(res, 400, "BadRequestException", "Invalid JSON", path);
      }
    }

    if (path === "/v2/me" && req.method === "GET") {
      return sendJson(res, 200, { status: "success", data: { id: 1, email: "host@example.com", timeZone: "UTC", username: "host" } });
    }
    if (path === "/v2/slots" && req.method === "GET") {
      if (version !== "2024-09-04") return fail(res, 404, "NotFoundException", `Cannot GET ${path}`, path);
      const eventTypeId = Number(url.searchParams.get("eventTypeId"));
      const hasSlug = url.searchParams.get("eventTypeSlug") && url.searchParams.get("username");
      if (!eventTypeId && !hasSlug) return fail(res, 400, "BadRequestException", "eventTypeId or eventTypeSlug+username is required", path);
      if (eventTypeId && eventTypeId !== eventType.id) return fail(res, 404, "NotFoundException", `Event type with id=${eventTypeId} not found`, path);
      const start = new Date(url.searchParams.get("start") ?? "");
      const end = new Date(url.searchParams.get("end") ?? "");
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return fail(res, 400, "BadRequestException", "start and end must be valid dates", path);
      const timeZone = url.searchParams.get("timeZone") ?? "UTC";
      try {
        new Intl.DateTimeFormat("en", { timeZone });
      } catch {
        return fail(res, 400, "BadRequestException", `Invalid time zone ${timeZone}`, path);
      }
      const data: Record<string, { start: string }[]> = {};
      // A date-only `end` covers that whole day; an ISO instant is an exclusive bound, like `start` is inclusive.
      const dateOnly = (value: string | null) => /^\d{4}-\d{2}-\d{2}$/.test(value ?? "");
      const inRange = (slot: Date) =>
        (dateOnly(url.searchParams.get("start")) || slot >= start) && (dateOnly(url.searchParams.get("end")) || slot < end);
      for (const slot of openStarts(start, end).filter(inRange)) {
        const local = formatInZone(slot, timeZone);
        (data[local.slice(0, 10)] ??= []).push({ start: local });
      }
      return sendJson(res, 200, { status: "success", data });
    }
    if (path === "/v2/bookings" && req.method === "POST") {
      if (version !== "2024-08-13") return fail(res, 404, "NotFoundException", `Cannot POST ${path}`, path);
      if (typeof body.start !== "string" || Number.isNaN(Date.parse(body.start))) return fail(res, 400, "BadRequestException", "start must be a valid ISO 8601 date string", path);
      if (typeof body.eventTypeId !== "number") return fail(res, 400, "BadRequestException", "eventTypeId must be a number", path);
      if (body.eventTypeId !== eventType.id) return fail(res, 404, "NotFoundException", `Event type with id=${body.eventTypeId} not found`, path);
      const attendeeError = validateAttendee(body.attendee);
      if (attendeeError) return fail(res, 400, "BadRequestException", attendeeError, path);
      const start = new Date(body.start);
      if (!isOpen(start)) return fail(res, 400, "BadRequestException", "User either already has booking at this time or is not available", path);
      const booking: Booking = {
        id: state.nextId++,
        uid: randomUUID(),
        status: "accepted",
        start: start.toISOString(),
        end: new Date(start.getTime() + eventType.lengthInMinutes * 60_000).toISOString(),
        eventTypeId: eventType.id,
        attendee: body.attendee as Booking["attendee"],
      };
      bookings.push(booking);
      return sendJson(res, 201, { status: "success", data: view(booking) });
    }
    const action = path.match(/^\/v2\/bookings\/([^/]+)\/(cancel|reschedule)$/);
    if (action && req.method === "POST") {
      if (version !== "2024-08-13") return fail(res, 404, "NotFoundException", `Cannot POST ${path}`, path);
      const booking = bookings.find((b) => b.uid === action[1]);
      if (!booking) return fail(res, 404, "NotFoundException", `Booking with uid=${action[1]} not found`, path);
      if (booking.status === "cancelled") return fail(res, 400, "BadRequestException", "This booking has already been cancelled.", path);
      if (action[2] === "cancel") {
        booking.status = "cancelled";
        return sendJson(res, 200, { status: "success", data: view(booking) });
      }
      if (typeof body.start !== "string" || Number.isNaN(Date.parse(body.start))) return fail(res, 400, "BadRequestException", "start must be a valid ISO 8601 date string", path);
      const start = new Date(body.start);
      if (!isOpen(start)) return fail(res, 400, "BadRequestException", "User either already has booking at this time or is not available", path);
      booking.status = "cancelled";
      const moved: Booking = { ...booking, id: state.nextId++, uid: randomUUID(), status: "accepted", start: start.toISOString(), end: new Date(start.getTime() + eventType.lengthInMinutes * 60_000).toISOString() };
      bookings.push(moved);
      return sendJson(res, 201, { status: "success", data: view(moved) });
    }
    return fail(res, 404, "NotFoundException", `Cannot ${req.method} ${path}`, path);
  });
  return { ...server, bookings, state };
}
