/**
 * The subset of cron Inngest scheduled functions use here: five fields (minute hour day-of-month month
 * day-of-week) with `*`, numbers, lists, ranges and steps, and an optional leading `TZ=UTC`. Other time zones
 * are refused rather than silently run at the wrong hour.
 */
export function parseCron(expression: string): (at: Date) => boolean {
  const parts = expression.trim().split(/\s+/);
  if (parts[0]?.startsWith("TZ=")) {
    const zone = parts.shift()!.slice(3);
    if (zone !== "UTC" && zone !== "Etc/UTC") throw new Error(`cron time zone ${zone} is not supported in-process (use UTC)`);
  }
  if (parts.length !== 5) throw new Error(`cron "${expression}" needs five fields`);
  const [minute, hour, day, month, weekday] = [
    field(parts[0]!, 0, 59),
    field(parts[1]!, 0, 23),
    field(parts[2]!, 1, 31),
    field(parts[3]!, 1, 12),
    field(parts[4]!, 0, 7),
  ];
  return (at) =>
    minute.has(at.getUTCMinutes()) &&
    hour.has(at.getUTCHours()) &&
    day.has(at.getUTCDate()) &&
    month.has(at.getUTCMonth() + 1) &&
    (weekday.has(at.getUTCDay()) || (at.getUTCDay() === 0 && weekday.has(7)));
}

function field(text: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "*", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] = range === "*" ? [min, max] : range.includes("-") ? range.split("-").map(Number) : [Number(range), stepText === undefined ? Number(range) : max];
    if (![from, to, step].every((n) => Number.isInteger(n)) || from! < min || to! > max || from! > to! || step < 1) throw new Error(`bad cron field "${text}"`);
    for (let value = from!; value <= to!; value += step) values.add(value);
  }
  return values;
}
