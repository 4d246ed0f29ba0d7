import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction } from "../src";
import { formatSlot, formatSlotList, getNextAvailableSlot } from "../src/calcom";
import { startCalcomFake } from "./fakes/calcom-fake";

const apiKey = "cal_test_0123456789";
const config = { apiKey, eventTypeId: 77, timeZone: "Europe/London" };

describe("human-readable slot lists (Intl.DateTimeFormat in the lead's zone)", () => {
  const starts = ["2050-09-05T10:30:00.000Z", "2050-09-05T09:00:00.000Z", "2050-09-05T09:30:00.000Z", "2050-09-06T14:00:00.000Z"];

  it("groups by the lead's local day and writes 12-hour times", () => {
    expect(formatSlotList(starts, { timeZone: "UTC" })).toBe("Mon 5 Sep, 9:00 AM, 9:30 AM, 10:30 AM; Tue 6 Sep, 2:00 PM");
    expect(formatSlotList(starts, { timeZone: "America/New_York" })).toBe("Mon 5 Sep, 5:00 AM, 5:30 AM, 6:30 AM; Tue 6 Sep, 10:00 AM");
  });

  it("moves slots across midnight into the lead's day", () => {
    expect(formatSlotList(["2050-09-05T23:30:00Z", "2050-09-06T00:30:00Z"], { timeZone: "Asia/Tokyo" })).toBe("Tue 6 Sep, 8:30 AM, 9:30 AM");
    expect(formatSlot("2050-09-05T02:00:00Z", { timeZone: "America/Los_Angeles" })).toBe("Sun 4 Sep, 7:00 PM");
  });

  it("caps times per day and honours an explicit locale", () => {
    expect(formatSlotList(starts, { timeZone: "UTC", maxPerDay: 2 })).toBe("Mon 5 Sep, 9:00 AM, 9:30 AM (+1 more); Tue 6 Sep, 2:00 PM");
    expect(formatSlotList(starts.slice(1, 2), { timeZone: "Europe/Berlin", locale: "de-DE" })).toBe("Mo., 5. Sept., 11:00");
  });
});

describe("cal.com next slot and suggestions against the fake", () => {
  let fake: Awaited<ReturnType<typeof startCalcomFake>>;
  const run = (action: string, input: unknown) => runAction({ integrationId: "calcom", action, config, input, ctx: { baseUrl: fake.url } });
  beforeEach(async () => {
    fake = await startCalcomFake({ apiKey });
  });
  afterEach(() => fake.close());

  it("next_available_slot skips a weekend and a booked slot, labelled in the lead's zone", async () => {
    // 2050-09-10 is a Saturday: the first open slot is Monday 09:00 UTC.
    expect(await run("next_available_slot", { after: "2050-09-10", timeZone: "America/New_York" })).toEqual({
      start: "2050-09-12T05:00:00.000-04:00",
      label: "Mon 12 Sep, 5:00 AM",
      timeZone: "America/New_York",
    });
    await run("book_meeting", { start: "2050-09-12T09:00:00Z", name: "Ada", email: "ada@example.com" });
    expect(await run("next_available_slot", { after: "2050-09-10" })).toMatchObject({ start: "2050-09-12T10:30:00.000+01:00", label: "Mon 12 Sep, 10:30 AM", timeZone: "Europe/London" });
  });

  it("searches week by week and returns null past the horizon", async () => {
    const auth = { apiKey, ctx: { baseUrl: fake.url } };
    for (const minutes of [540, 570, 600, 630]) {
      for (let day = 12; day <= 16; day++) fake.bookings.push({ id: 1, uid: `x${day}${minutes}`, status: "accepted", start: new Date(Date.UTC(2050, 8, day, 0, minutes)).toISOString(), end: "", eventTypeId: 77, attendee: { name: "x", email: "x@x.x", timeZone: "UTC" } });
    }
    const next = await getNextAvailableSlot(auth, { eventTypeId: 77, after: new Date("2050-09-10T00:00:00Z"), timeZone: "UTC" });
    expect(next).toEqual({ start: "2050-09-19T09:00:00.000+00:00" });
    expect(fake.state.requests.filter((r) => r.startsWith("GET /v2/slots"))).toHaveLength(2);
    expect(await getNextAvailableSlot(auth, { eventTypeId: 77, after: new Date("2050-09-10T00:00:00Z"), horizonDays: 2 })).toBeNull();
  });

  it("suggest_slots returns the readable list and exact starts for book_meeting", async () => {
    const result = (await run("suggest_slots", { from: "2050-09-05", days: 2, timeZone: "America/Chicago", maxPerDay: 3 })) as { timeZone: string; text: string; slots: { start: string; label: string }[] };
    expect(result.timeZone).toBe("America/Chicago");
    expect(result.text).toBe("Mon 5 Sep, 4:00 AM, 4:30 AM, 5:00 AM (+1 more); Tue 6 Sep, 4:00 AM, 4:30 AM, 5:00 AM (+1 more)");
    expect(result.slots).toHaveLength(8);
    expect(result.slots[0]).toEqual({ start: "2050-09-05T04:00:00.000-05:00", label: "Mon 5 Sep, 4:00 AM" });
    const booking = await run("book_meeting", { start: result.slots[0]?.start, name: "Bo", email: "bo@example.com", timeZone: "America/Chicago" });
    expect(booking).toMatchObject({ start: "2050-09-05T09:00:00.000Z" });
    expect(await run("suggest_slots", { from: "2050-09-10", days: 2 })).toMatchObject({ text: "No open times in this period.", slots: [] });
    await expect(run("suggest_slots", { from: "2050-09-05", timeZone: "Mars/Olympus" })).rejects.toThrow(/time zone/);
  });

  it("slot reads retry once after a 5xx; bookings are not retried", async () => {
    fake.state.serverErrorNext = 1;
    expect(await run("next_available_slot", { after: "2050-09-05", timeZone: "UTC" })).toMatchObject({ start: "2050-09-05T09:00:00.000+00:00" });
    fake.state.serverErrorNext = 1;
    const before = fake.state.requests.length;
    await expect(run("book_meeting", { start: "2050-09-05T09:00:00Z", name: "Ada", email: "ada@example.com" })).rejects.toMatchObject({ status: 502, code: "provider_error" });
    expect(fake.state.requests.length - before).toBe(1);
    expect(fake.bookings).toHaveLength(0);
  });

  it("a Cal.com that never answers fails with code timeout", async () => {
    fake.state.hang = true;
    const error = await runAction({ integrationId: "calcom", action: "suggest_slots", config, input: { from: "2050-09-05" }, ctx: { baseUrl: fake.url, timeoutMs: 300 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ provider: "calcom", code: "timeout", message: "Cal.com timed out: no response within 300 ms" });
  });
});
