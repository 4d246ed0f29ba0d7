/**
 * Deterministic reading of the booking dialogue's visitor messages (English and Spanish), no model needed:
 * does a message ask to book, which weekday does it name, and which offered slot does it choose.
 */

const BOOKING_INTENT = [
  /\b(book|booking|schedule|reserve)\b/,
  /\bappointment\b/,
  /\bcan i (come|stop by|drop by|visit|see you)\b/,
  /\b(reservar|reserva|agendar|programar)\b/,
  /\bcita\b/,
  /\bpuedo (ir|pasar|venir)\b/,
];

/** Lower case without accents, so "miércoles" and "miercoles" read the same. */
function normalize(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

export function detectBookingIntent(text: string): boolean {
  const normalized = normalize(text);
  return BOOKING_INTENT.some((pattern) => pattern.test(normalized));
}

/** Weekday names (0 = Sunday), English with short forms, and Spanish. */
const WEEKDAYS: [RegExp, number][] = [
  [/\b(sunday|sun|domingo)\b/, 0],
  [/\b(monday|mon|lunes)\b/, 1],
  [/\b(tuesday|tue|tues|martes)\b/, 2],
  [/\b(wednesday|wed|miercoles)\b/, 3],
  [/\b(thursday|thu|thur|thurs|jueves)\b/, 4],
  [/\b(friday|fri|viernes)\b/, 5],
  [/\b(saturday|sat|sabado)\b/, 6],
];

/** The weekday a message names, or null. */
export function parseWeekday(text: string): number | null {
  const normalized = normalize(text);
  for (const [pattern, day] of WEEKDAYS) if (pattern.test(normalized)) return day;
  return null;
}

const ORDINALS: [RegExp, number][] = [
  [/\b(first|1st|primer[oa]?)\b/, 0],
  [/\b(second|2nd|segund[oa])\b/, 1],
  [/\b(third|3rd|tercer[oa]?)\b/, 2],
  [/\b(fourth|4th|cuart[oa])\b/, 3],
  [/\b(fifth|5th|quint[oa])\b/, 4],
  [/\b(sixth|6th|sext[oa])\b/, 5],
  [/\b(last|ultim[oa])\b/, -1],
];

/** A slot as the lead sees it: its weekday, hour (0–23) and minute in the lead's time zone. */
export interface LocalSlot {
  weekday: number;
  hour: number;
  minute: number;
}

export function localSlot(start: string, timeZone: string): LocalSlot {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" })
      .formatToParts(new Date(start))
      .map((part) => [part.type, part.value]),
  );
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(String(parts.weekday));
  return { weekday, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/** "10:30", "10am", "2:30 pm", "at 10", "a las 10" → minutes after midnight candidates (ambiguous hours: both). */
function parseTime(text: string): { hour: number; minute: number; meridiem?: "am" | "pm" } | null {
  const match = /\b(\d{1,2})(?::(\d{2})|h(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?=\W|$)/.exec(text);
  if (!match) return null;
  const hasMinutes = match[2] !== undefined || match[3] !== undefined;
  const meridiem = match[4] ? (match[4].startsWith("a") ? "am" : "pm") : undefined;
  // A bare number is a time only when introduced as one ("at 10", "a las 10"); otherwise it is a list number.
  if (!hasMinutes && !meridiem && !/\b(at|a las|a la)\s+\d{1,2}\b/.test(text)) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? match[3] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, ...(meridiem ? { meridiem } : {}) };
}

function sameTime(slot: LocalSlot, time: { hour: number; minute: number; meridiem?: "am" | "pm" }): boolean {
  if (slot.minute !== time.minute) return false;
  if (time.meridiem === "am") return slot.hour === time.hour % 12;
  if (time.meridiem === "pm") return slot.hour === (time.hour % 12) + 12;
  return slot.hour === time.hour || (time.hour < 12 && slot.hour === time.hour + 12);
}

/**
 * Which of the offered slots (in offer order, as the lead saw them) a message chooses: an ordinal ("the second
 * one", "la primera"), a list number ("2", "option 3"), or a time with an optional weekday ("10:30",
 * "Tuesday at 10", "el martes a las 10"). Null when it names none, or more than one slot fits.
 */
export function parseSlotChoice(text: string, slots: readonly LocalSlot[]): number | null {
  const normalized = normalize(text).trim();
  if (slots.length === 0) return null;
  const time = parseTime(normalized);
  const weekday = parseWeekday(normalized);
  if (time) {
    const fits = slots.flatMap((slot, index) => (sameTime(slot, time) && (weekday === null || slot.weekday === weekday) ? [index] : []));
    return fits.length === 1 ? (fits[0] as number) : null;
  }
  const number = /^(?:#|no\.?\s*|option\s+|opcion\s+|number\s+|numero\s+)?(\d)\s*[.)!]?$/.exec(normalized) ?? /\b(?:option|opcion|number|numero|#)\s*(\d)\b/.exec(normalized);
  if (number) {
    const index = Number(number[1]) - 1;
    return index >= 0 && index < slots.length ? index : null;
  }
  for (const [pattern, index] of ORDINALS) {
    if (!pattern.test(normalized)) continue;
    const resolved = index < 0 ? slots.length - 1 : index;
    return resolved < slots.length ? resolved : null;
  }
  if (weekday !== null) {
    const fits = slots.flatMap((slot, index) => (slot.weekday === weekday ? [index] : []));
    return fits.length === 1 ? (fits[0] as number) : null;
  }
  return null;
}

const EMAIL = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/i;

/** The first email address in a message, or null. */
export function findEmail(text: string): string | null {
  return EMAIL.exec(text)?.[0]?.replace(/[.]+$/, "") ?? null;
}
