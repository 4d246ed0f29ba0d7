/**
 * Human-readable slot lists in the lead's own time zone, e.g. "Tue 24 Nov, 9:00 AM, 9:30 AM; Wed 25 Nov, 2:00 PM",
 * so the agent can quote times without doing time-zone arithmetic itself.
 */

export interface SlotTextOptions {
  /** IANA zone of the lead, e.g. "America/New_York". */
  timeZone: string;
  /** BCP 47 locale; by default English as "Tue 24 Nov" and "9:00 AM". */
  locale?: string;
}

/** Some ICU versions put a narrow no-break space before AM/PM; plain spaces read the same and survive any channel. */
const normalizeSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

function dayFormatter(opts: SlotTextOptions) {
  const format = new Intl.DateTimeFormat(opts.locale ?? "en-US", { timeZone: opts.timeZone, weekday: "short", day: "numeric", month: "short" });
  if (opts.locale) return (date: Date) => normalizeSpaces(format.format(date));
  // en-US would say "Tue, Nov 24"; the day-month order is unambiguous for readers on both sides of the Atlantic.
  return (date: Date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
    return `${parts.weekday} ${parts.day} ${parts.month}`;
  };
}

function timeFormatter(opts: SlotTextOptions) {
  const format = new Intl.DateTimeFormat(opts.locale ?? "en-US", { timeZone: opts.timeZone, hour: "numeric", minute: "2-digit" });
  return (date: Date) => normalizeSpaces(format.format(date));
}

/** The lead's calendar day, used to group slots ("2050-09-05"). */
function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** One slot, e.g. "Tue 24 Nov, 9:00 AM". */
export function formatSlot(start: string | Date, opts: SlotTextOptions): string {
  const date = new Date(start);
  return `${dayFormatter(opts)(date)}, ${timeFormatter(opts)(date)}`;
}

/** Slots grouped by the lead's local day, days separated by "; ". Throws RangeError for an unknown time zone. */
export function formatSlotList(starts: readonly (string | Date)[], opts: SlotTextOptions & { maxPerDay?: number }): string {
  const day = dayFormatter(opts);
  const time = timeFormatter(opts);
  const groups = new Map<string, Date[]>();
  for (const date of starts.map((start) => new Date(start)).sort((a, b) => a.getTime() - b.getTime())) {
    const key = dayKey(date, opts.timeZone);
    groups.set(key, [...(groups.get(key) ?? []), date]);
  }
  return [...groups.values()]
    .map((dates) => {
      const shown = dates.slice(0, opts.maxPerDay ?? dates.length).map(time);
      const more = dates.length - shown.length;
      return `${day(dates[0] as Date)}, ${shown.join(", ")}${more > 0 ? ` (+${more} more)` : ""}`;
    })
    .join("; ");
}

/** True for zones Intl knows; lets actions answer a clear validation error instead of a RangeError. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
