import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";

const at = (iso: string) => new Date(iso);

describe("parseCron", () => {
  it("matches daily, stepped and listed schedules in UTC", () => {
    const daily = parseCron("TZ=UTC 0 7 * * *");
    expect(daily(at("2026-12-04T07:00:30Z"))).toBe(true);
    expect(daily(at("2026-12-04T07:01:00Z"))).toBe(false);
    expect(daily(at("2026-12-04T08:00:00Z"))).toBe(false);
    const every5 = parseCron("*/5 * * * *");
    expect([0, 5, 55].every((m) => every5(at(`2026-12-04T10:${String(m).padStart(2, "0")}:00Z`)))).toBe(true);
    expect(every5(at("2026-12-04T10:07:00Z"))).toBe(false);
    const weekdays = parseCron("30 9 * * 1-5");
    expect(weekdays(at("2026-12-04T09:30:00Z"))).toBe(true); // a Friday
    expect(weekdays(at("2026-12-05T09:30:00Z"))).toBe(false); // Saturday
    expect(parseCron("0 0 * * 7")(at("2026-12-06T00:00:00Z"))).toBe(true); // Sunday as 7
  });

  it("runs a schedule in the zone its TZ= names, daylight saving included", () => {
    const madrid = parseCron("TZ=Europe/Madrid 0 7 * * *");
    expect(madrid(at("2026-12-04T06:00:10Z"))).toBe(true); // 07:00 CET
    expect(madrid(at("2026-12-04T07:00:00Z"))).toBe(false);
    expect(madrid(at("2026-07-04T05:00:00Z"))).toBe(true); // 07:00 CEST
  });

  it("refuses what it cannot honour", () => {
    expect(() => parseCron("TZ=Mars/Olympus 0 7 * * *")).toThrow(/not supported/);
    expect(() => parseCron("0 7 * *")).toThrow(/five fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/bad cron field/);
  });
});
