import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCalcomFake } from "../../../../packages/integrations/test/fakes/calcom-fake";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { calcomProvider } from "@frontdesk/integrations";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectEmail, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// The booking dialogue without a model: booking intent → the next free Cal.com slots, numbered, in the lead's
// zone; a choice → the email asked for when missing → the booking in Cal.com, lead.metadata.booking, the
// confirmation in the reply and by email. Web chat and SMS.

const CAL_KEY = "cal_test_booking";
const ZONE = "Europe/Madrid";
let calcom: Awaited<ReturnType<typeof startCalcomFake>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  calcom = await startCalcomFake({ apiKey: CAL_KEY });
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" }, fakes: { calcom: calcom.url } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  await connectEmail(env.t.app, a, smtp.port);
  const cal = await call("POST", "/api/v1/integrations", { type: "calcom", name: "Cal.com", config: { apiKey: CAL_KEY, eventTypeId: 77, timeZone: ZONE } });
  expect(cal.status, await cal.clone().text()).toBe(201);
  const patched = await call("PATCH", `/api/v1/bots/${a.botId}`, { booking: { enabled: true, slotsOffered: 3 } });
  expect(patched.status, await patched.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await env?.close();
  await smtp?.close();
  await calcom?.close();
});

type Reply = { conversationId: string; message: string; status: string };
const chat = async (body: Record<string, unknown>) => (await (await call("POST", "/api/v1/chat", { botId: a.botId, ...body })).json()) as Reply;
const offeredSlots = async (conversationId: string) => {
  const conversation = await env.t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  return ((conversation.metadata as { bookingOffer?: { slots: string[] } }).bookingOffer?.slots ?? []) as string[];
};
const weekdayIn = (start: string) => new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "long" }).format(new Date(start));

describe("the booking dialogue", () => {
  it("offers Tuesday's free slots on web chat, asks for the email, books the second one and confirms by email", async () => {
    const offer = await chat({ message: "Can I come on Tuesday?" });
    const slots = await offeredSlots(offer.conversationId);
    expect(slots).toHaveLength(3);
    expect(slots.map(weekdayIn)).toEqual(["Tuesday", "Tuesday", "Tuesday"]);
    slots.forEach((start, index) => expect(offer.message).toContain(`${index + 1}. ${calcomProvider.formatSlot(start, { timeZone: ZONE })}`));
    expect(offer.message).toContain(ZONE);

    const asked = await chat({ conversationId: offer.conversationId, message: "the second one" });
    expect(asked.message).toMatch(/what email/i);
    expect(calcom.bookings).toHaveLength(0);

    const booked = await chat({ conversationId: offer.conversationId, message: "sure, ana.lopez@example.com" });
    expect(calcom.bookings, booked.message).toHaveLength(1);
    expect(calcom.bookings[0]).toMatchObject({ start: slots[1], eventTypeId: 77, attendee: { email: "ana.lopez@example.com", timeZone: ZONE } });
    expect(booked.message).toContain(`You're booked for ${calcomProvider.formatSlot(slots[1]!, { timeZone: ZONE })}`);
    expect(booked.message).toContain("confirmation is on its way to ana.lopez@example.com");

    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { conversationId: offer.conversationId } });
    expect((lead.metadata as { booking?: unknown }).booking).toMatchObject({ uid: calcom.bookings[0]!.uid, start: slots[1] });
    const mails = smtp.received.filter((m) => m.to.includes("ana.lopez@example.com"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toMatch(/Subject: Confirmed: Harbor Dental/);
    expect(await offeredSlots(offer.conversationId)).toEqual([]);
  });

  it("books straight away in Spanish when the lead's email is known, and answers as usual otherwise", async () => {
    const offer = await chat({ message: "¿Puedo reservar una cita el martes?", visitor: { name: "Luis", email: "luis@example.com" } });
    expect(offer.message).toContain("Estos son los próximos horarios libres");
    const slots = await offeredSlots(offer.conversationId);
    expect(slots.map(weekdayIn)).toEqual(["Tuesday", "Tuesday", "Tuesday"]);
    const booked = await chat({ conversationId: offer.conversationId, message: "la primera" });
    expect(booked.message).toContain("Tu cita queda reservada");
    expect(calcom.bookings.at(-1)).toMatchObject({ start: slots[0], attendee: { name: "Luis", email: "luis@example.com" } });

    // A question that is no booking leaves the dialogue alone.
    const plain = await chat({ conversationId: offer.conversationId, message: "Do you repair submarine engines?" });
    expect(plain.message).not.toMatch(/free times|horarios/);
  });

  it("runs over SMS too: offer, choice, email, booking texted back", async () => {
    const visitor = "+14155550377";
    const hook = `/api/webhooks/twilio/${a.botPublicKey}`;
    const texts = () => env.fake.messages.filter((m) => m.To === visitor).map((m) => m.Body);
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "I'd like to book an appointment"));
    await env.t.deps.events.drain();
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatch(/^Here are the next free times[^]*\n1\. [^]*\n2\. [^]*\n3\. /);
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "3"));
    await env.t.deps.events.drain();
    expect(texts()[1]).toMatch(/what email/i);
    const before = calcom.bookings.length;
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "bo@example.com"));
    await env.t.deps.events.drain();
    expect(calcom.bookings).toHaveLength(before + 1);
    expect(texts()[2]).toContain("You're booked for");
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { phone: visitor } });
    expect((lead.metadata as { booking?: { uid: string } }).booking?.uid).toBe(calcom.bookings.at(-1)!.uid);
  });
});
