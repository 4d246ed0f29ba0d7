import { calcomProvider } from "@frontdesk/integrations";
import { z } from "zod";

/** An IANA time zone name the runtime knows (e.g. "America/New_York"), as a browser's Intl reports it. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => calcomProvider.isValidTimeZone(zone), "must be an IANA time zone such as Europe/Madrid");

// Places and zone names people write ("I'm in New York", "3pm Pacific"), lower case, accents removed. Cheap on
// purpose: the common ones for our users; anything else falls back to the browser's or the bot's zone.
const PLACES: Record<string, string> = {
  "new york": "America/New_York",
  nyc: "America/New_York",
  boston: "America/New_York",
  miami: "America/New_York",
  toronto: "America/Toronto",
  chicago: "America/Chicago",
  texas: "America/Chicago",
  houston: "America/Chicago",
  dallas: "America/Chicago",
  denver: "America/Denver",
  phoenix: "America/Phoenix",
  "los angeles": "America/Los_Angeles",
  california: "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  vancouver: "America/Vancouver",
  "mexico city": "America/Mexico_City",
  "ciudad de mexico": "America/Mexico_City",
  bogota: "America/Bogota",
  lima: "America/Lima",
  santiago: "America/Santiago",
  "buenos aires": "America/Argentina/Buenos_Aires",
  "sao paulo": "America/Sao_Paulo",
  london: "Europe/London",
  londres: "Europe/London",
  dublin: "Europe/Dublin",
  lisbon: "Europe/Lisbon",
  lisboa: "Europe/Lisbon",
  madrid: "Europe/Madrid",
  barcelona: "Europe/Madrid",
  valencia: "Europe/Madrid",
  sevilla: "Europe/Madrid",
  seville: "Europe/Madrid",
  paris: "Europe/Paris",
  berlin: "Europe/Berlin",
  amsterdam: "Europe/Amsterdam",
  rome: "Europe/Rome",
  roma: "Europe/Rome",
  canarias: "Atlantic/Canary",
  "canary islands": "Atlantic/Canary",
  tokyo: "Asia/Tokyo",
  sydney: "Australia/Sydney",
};
const ZONE_WORDS: Record<string, string> = {
  eastern: "America/New_York",
  est: "America/New_York",
  edt: "America/New_York",
  et: "America/New_York",
  central: "America/Chicago",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  mountain: "America/Denver",
  mst: "America/Denver",
  mdt: "America/Denver",
  pacific: "America/Los_Angeles",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  pt: "America/Los_Angeles",
  cet: "Europe/Paris",
  cest: "Europe/Paris",
  bst: "Europe/London",
};

const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const placePattern = new RegExp(
  `\\b(?:i'?m|i am|we'?re|we are|based|live|living|located|estoy|estamos|vivo|vivimos)\\s+(?:in|en|near|cerca de)\\s+(${Object.keys(PLACES).map(escape).join("|")})\\b`,
);
// Long names only with "time" ("Pacific time", not "Pacific Dental"); abbreviations only in capitals ("ET", not "et").
const zoneWordPattern = new RegExp(`\\b(${Object.keys(ZONE_WORDS).join("|")})(\\s+time)?\\b`);
const offsetPattern = /\b(?:utc|gmt)\s*([+\-\u2212])\s*(\d{1,2})(?::?00)?\b/;

/**
 * The time zone a message states, when it says it plainly: "I'm in New York", "estoy en Madrid", "UTC-5",
 * "GMT+2", "3pm Pacific time", "EST". Null otherwise. Whole-hour UTC offsets become Etc/GMT zones (whose sign is
 * reversed by POSIX convention: UTC-5 is Etc/GMT+5).
 */
export function statedTimeZone(message: string): string | null {
  const text = fold(message);
  const offset = offsetPattern.exec(text);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours === 0) return "UTC";
    if (hours <= 14) return `Etc/GMT${offset[1] === "+" ? "-" : "+"}${hours}`;
  }
  const place = placePattern.exec(text);
  if (place) return PLACES[place[1]!] ?? null;
  for (const word of text.matchAll(new RegExp(zoneWordPattern, "g"))) {
    const key = word[1]!;
    const plain = key.length > 3 ? word[2] !== undefined : new RegExp(`\\b${key.toUpperCase()}\\b`).test(message);
    if (plain) return ZONE_WORDS[key] ?? null;
  }
  return null;
}

/** Where the lead's zone came from, kept beside it on the conversation (metadata.timeZone / timeZoneSource). */
export type TimeZoneSource = "stated" | "browser";

export function readConversationTimeZone(metadata: unknown): { timeZone: string; source: TimeZoneSource } | null {
  const { timeZone, timeZoneSource } = (metadata ?? {}) as { timeZone?: unknown; timeZoneSource?: unknown };
  if (typeof timeZone !== "string" || !calcomProvider.isValidTimeZone(timeZone)) return null;
  return { timeZone, source: timeZoneSource === "stated" ? "stated" : "browser" };
}

/**
 * The zone to offer slots in, first that is set and valid: a zone stated in the conversation (this message or an
 * earlier one), the visitor's browser zone (sent by the widget with each message), the bot's booking time zone
 * setting, the Cal.com integration's zone, UTC.
 */
export function chooseLeadTimeZone(input: { stated: string | null; conversation: unknown; botDefault?: string | undefined; calcomDefault?: string | undefined }): string {
  const saved = readConversationTimeZone(input.conversation);
  const candidates = [input.stated, saved?.source === "stated" ? saved.timeZone : null, saved?.timeZone, input.botDefault, input.calcomDefault];
  for (const zone of candidates) if (typeof zone === "string" && calcomProvider.isValidTimeZone(zone)) return zone;
  return "UTC";
}
