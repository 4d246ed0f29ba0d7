import { Cron } from "croner";

/**
 * A scheduled function's cron as Inngest writes it: five fields (minute hour day-of-month month day-of-week) with an
 * optional leading `TZ=<IANA zone>` (UTC when absent). Parsed and matched by croner; what it cannot read, or a zone
 * the runtime does not know, is refused when the executor starts rather than silently run at the wrong time.
 * The returned check is per minute: any instant within a matching minute matches.
 */
export function parseCron(expression: string): (at: Date) => boolean {
  const parts = expression.trim().split(/\s+/);
  let timezone = "UTC";
  if (parts[0]?.startsWith("TZ=")) {
    timezone = parts.shift()!.slice(3);
    if (!isKnownZone(timezone)) throw new Error(`cron time zone ${timezone} is not supported (not an IANA time zone)`);
  }
  if (parts.length !== 5) throw new Error(`cron "${expression}" needs five fields`);
  let cron: Cron;
  try {
    cron = new Cron(parts.join(" "), { timezone, paused: true, mode: "5-part" });
  } catch (error) {
    throw new Error(`bad cron field in "${expression}": ${error instanceof Error ? error.message : String(error)}`);
  }
  return (at) => cron.match(new Date(Math.floor(at.getTime() / 60_000) * 60_000));
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
