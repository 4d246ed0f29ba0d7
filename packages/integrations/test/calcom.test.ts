import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction, testIntegrationConnection } from "../src";
import { calcomRequest, createBooking, getSlots } from "../src/calcom";
import { startCalcomFake } from "./fakes/calcom-fake";

const apiKey = "cal_test_0123456789";
const config = { apiKey, eventTypeId: 77 };
// 2050-09-05 is a Monday; the fake opens 09:00, 09:30, 10:00, 10:30 UTC on weekdays.
const monday = "2050-09-05";

describe("cal.com v2 client against a fake", () => {
  let fake: Awaited<ReturnType<typeof startCalcomFake>>;
  const run = (action: string, input: unknown, cfg: unknown = config) =>
    runAction({ integrationId: "calcom", action, config: cfg, input, ctx: { baseUrl: fake.url } });
  beforeEach(async () => {
    fake = await startCalcomFake({ apiKey });
  });
  afterEach(() => fake.close());

  it("lists slots, books one, and the slot disappears", async () => {
    const slots = (await run("find_slots", { start: monday, end: "2050-09-06" })) as { start: string }[];
    expect(slots).toHaveLength(8);
    expect(slots[0]).toEqual({ start: `${monday}T09:00:00.000+00:00` });
    const booking = await run("book_meeting", { start: `${monday}T11:00:00+02:00`, name: "Ada", email: "ada@example.com", timeZone: "Europe/Berlin" });
    expect(booking).toMatchObject({ status: "accepted", start: `${monday}T09:00:00.000Z`, eventTypeId: 77 });
    expect(fake.bookings[0]?.attendee).toEqual({ name: "Ada", email: "ada@example.com", timeZone: "Europe/Berlin" });
    const after = (await run("find_slots", { start: monday, end: monday })) as { start: string }[];
    expect(after.map((s) => s.start)).not.toContain(`${monday}T09:00:00.000+00:00`);
    expect(after).toHaveLength(3);
  });

  it("books a slot exactly as find_slots returned it in the visitor's zone", async () => {
    const slots = (await run("find_slots", { start: monday, end: monday, timeZone: "America/New_York" })) as { start: string }[];
    expect(slots[0]?.start).toBe(`${monday}T05:00:00.000-04:00`);
    const booking = await run("book_meeting", { start: slots[0]?.start, name: "Bo", email: "bo@example.com", timeZone: "America/New_York" });
    expect(booking).toMatchObject({ start: `${monday}T09:00:00.000Z` });
    await expect(run("find_slots", { start: monday, end: monday, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ status: 400 });
  });

  it("rejects double booking with Cal.com's 400", async () => {
    const input = { start: `${monday}T09:30:00Z`, name: "Ada", email: "ada@example.com" };
    await run("book_meeting", input);
    await expect(run("book_meeting", { ...input, email: "bob@example.com" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("already has booking"),
    });
  });

  it("cancels and reschedules by uid", async () => {
    const booking = (await run("book_meeting", { start: `${monday}T10:00:00Z`, name: "Ada", email: "ada@example.com" })) as { uid: string };
    const moved = (await run("reschedule_booking", { uid: booking.uid, start: `${monday}T10:30:00Z`, reason: "conflict" })) as { uid: string; start: string };
    expect(moved.uid).not.toBe(booking.uid);
    expect(moved.start).toBe(`${monday}T10:30:00.000Z`);
    expect(fake.bookings.find((b) => b.uid === booking.uid)?.status).toBe("cancelled");
    expect(await run("cancel_booking", { uid: moved.uid })).toMatchObject({ status: "cancelled" });
    await expect(run("cancel_booking", { uid: "nope" })).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("the fake enforces cal-api-version (404) and bearer auth (401)", async () => {
    const ctx = { baseUrl: fake.url };
    const data = (await import("zod")).z.unknown();
    await expect(calcomRequest({ apiKey, ctx, method: "GET", path: "/v2/slots", query: { eventTypeId: 77, start: monday, end: monday }, data })).rejects.toMatchObject({ status: 404 });
    await expect(getSlots({ apiKey: "cal_test_wrong", ctx }, { eventTypeId: 77, start: monday, end: monday })).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(await testIntegrationConnection({ integrationId: "calcom", config, ctx })).toEqual({ ok: true, detail: "host@example.com" });
    expect(await testIntegrationConnection({ integrationId: "calcom", config: { ...config, apiKey: "cal_test_wrong" }, ctx })).toMatchObject({ ok: false, status: 401 });
  });

  it("the fake validates booking bodies (400 naming the field)", async () => {
    const auth = { apiKey, ctx: { baseUrl: fake.url } };
    const error = await createBooking(auth, { eventTypeId: 77, start: `${monday}T09:00:00Z`, attendee: { name: "Ada", email: "ada@example.com", timeZone: "" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("attendee.timeZone") });
  });

  it("429 carries Retry-After", async () => {
    fake.state.rateLimitNext = 1;
    await expect(run("find_slots", { start: monday, end: monday })).rejects.toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 4 });
  });

  it("validates LLM input before calling Cal.com", async () => {
    await expect(run("book_meeting", { start: "tomorrow 10am", name: "Ada", email: "ada@example.com" })).rejects.toThrow();
    await expect(run("find_slots", { start: monday, end: monday }, { apiKey: "sk_live_x", eventTypeId: 77 })).rejects.toThrow(/cal_/);
  });
});
