/** The dashboard's range as whole UTC days (the API takes `from`/`to` dates; `to` includes that whole day). */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The last `days` days, today included. */
export function lastDays(days: number, now = Date.now()): DateRange {
  return { from: day(now - (days - 1) * DAY_MS), to: day(now) };
}

export const RANGE_PRESETS = [7, 30, 90] as const;
