import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCalcomFake } from "../../../../packages/integrations/test/fakes/calcom-fake";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { buildDailySummary } from "@frontdesk/core";
import { calcomProvider } from "@frontdesk/integrations";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectEmail, connectTwilio, createTwilioTestApi, inboundSms, inboundWhatsapp, postTwilioWebhook, WHATSAPP_NUMBER } from "./twilio-support";

// The booking dialogue without a model: booking intent → the next free Cal.com slots, numbered, in the lead's
// zone; a choice → the email asked for when missing → the booking in Cal.com, lead.metadata.booking, the
// confirmation in the reply and by email, the owner's notice. Web chat, SMS and WhatsApp; the lead's time zone;
// the daily summary's count.

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

const slotLines = (slots: string[], timeZone: string) => slots.map((start, index) => `${index + 1}. ${calcomProvider.formatSlot(start, { timeZone })}`);

describe("the lead's time zone", () => {
  it("offers the slots in the zone the browser sent, and refuses a zone that is none, naming the field", async () => {
    const offer = await chat({ message: "Can I come on Tuesday?", timeZone: "America/New_York" });
    const slots = await offeredSlots(offer.conversationId);
    expect(offer.message).toContain("(America/New_York)");
    for (const line of slotLines(slots, "America/New_York")) expect(offer.message).toContain(line);

    const bad = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Can I come on Tuesday?", timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["timeZone"]);
  });

  it("keeps the zone the widget sends on the conversation, and drops one this server does not know rather than fail the chat", async () => {
    const widgetChat = (body: Record<string, unknown>) =>
      env.t.app.request("/api/widget/v1/chat", {
        method: "POST",
        headers: { "x-frontdesk-bot-key": a.botPublicKey, "x-frontdesk-visitor": "visitor-tz", "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ visitorId: "visitor-tz", ...body }),
      });
    const first = await widgetChat({ message: "Can I come on Tuesday?", timeZone: "America/Chicago" });
    expect(first.status, await first.clone().text()).toBe(200);
    const { conversationId, message } = (await first.json()) as Reply;
    expect(message).toContain("(America/Chicago)");
    const zoneOf = async () => (await env.t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).metadata;
    expect(await zoneOf()).toMatchObject({ timeZone: "America/Chicago", timeZoneSource: "browser" });
    const odd = await widgetChat({ conversationId, message: "What do you charge for a cleaning?", timeZone: "Mars/Olympus" });
    expect(odd.status, await odd.clone().text()).toBe(200);
    expect(await zoneOf()).toMatchObject({ timeZone: "America/Chicago" });
  });

  it("takes a zone the lead states over the browser's, offers again in it and books in it", async () => {
    const offer = await chat({ message: "Can I book an appointment?", timeZone: "Europe/Madrid", visitor: { name: "Nora", email: "nora@example.com" } });
    expect(offer.message).toContain("(Europe/Madrid)");
    const again = await chat({ conversationId: offer.conversationId, message: "Oh, I'm in New York by the way", timeZone: "Europe/Madrid" });
    const slots = await offeredSlots(offer.conversationId);
    expect(again.message).toContain("(America/New_York)");
    for (const line of slotLines(slots, "America/New_York")) expect(again.message).toContain(line);
    const booked = await chat({ conversationId: offer.conversationId, message: "the first one", timeZone: "Europe/Madrid" });
    expect(booked.message).toContain(`You're booked for ${calcomProvider.formatSlot(slots[0]!, { timeZone: "America/New_York" })} (America/New_York)`);
    expect(calcom.bookings.at(-1)).toMatchObject({ start: slots[0], attendee: { email: "nora@example.com", timeZone: "America/New_York" } });
  });
});

describe("the booking dialogue over WhatsApp, with the owner told", () => {
  const hook = () => `/api/webhooks/twilio/${a.botPublicKey}`;
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  // The owner also gets the hot-lead alert (a booking makes the lead hot): only the booking notices here.
  const noticesTo = (address: string) => mailsTo(address).filter((m) => /Subject: New booking/.test(m.raw));

  it("offers in the bot's zone, books, confirms on WhatsApp and to the lead by email, and notices the owner's leadAlerts.email", async () => {
    const wrong = await call("PATCH", `/api/v1/bots/${a.botId}`, { booking: { enabled: true, timeZone: "Nowhere/Town" } });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["booking.timeZone"]);
    const set = await call("PATCH", `/api/v1/bots/${a.botId}`, { booking: { enabled: true, slotsOffered: 3, timeZone: "Europe/London" }, leadAlerts: { email: "owner@harbor.example" } });
    expect(set.status, await set.clone().text()).toBe(200);
    const visitor = "+447700900123";
    const texts = () => env.fake.messages.filter((m) => m.To === `whatsapp:${visitor}`).map((m) => m.Body);
    await postTwilioWebhook(env.t.app, hook(), inboundWhatsapp(visitor, "Hi! Could I book an appointment?", "Eva"));
    await env.t.deps.events.drain();
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatch(/^Here are the next free times \(Europe\/London\):\n1\. [^]*\n2\. [^]*\n3\. /);
    await postTwilioWebhook(env.t.app, hook(), inboundWhatsapp(visitor, "2", "Eva"));
    await env.t.deps.events.drain();
    expect(texts()[1]).toMatch(/what email/i);
    const before = calcom.bookings.length;
    await postTwilioWebhook(env.t.app, hook(), inboundWhatsapp(visitor, "eva.w@example.com", "Eva"));
    await env.t.deps.events.drain();
    expect(calcom.bookings).toHaveLength(before + 1);
    const booking = calcom.bookings.at(-1)!;
    expect(booking).toMatchObject({ attendee: { email: "eva.w@example.com", timeZone: "Europe/London" } });
    expect(texts()[2]).toContain(`You're booked for ${calcomProvider.formatSlot(booking.start, { timeZone: "Europe/London" })} (Europe/London)`);
    expect(env.fake.messages.filter((m) => m.To === `whatsapp:${visitor}`).every((m) => m.From === `whatsapp:${WHATSAPP_NUMBER}`)).toBe(true);

    // The lead's own confirmation, though the email integration allows no recipients beyond its (empty) team list.
    await expect.poll(() => mailsTo("eva.w@example.com").length).toBe(1);
    expect(mailsTo("eva.w@example.com")[0]!.raw).toMatch(/Subject: Confirmed: Harbor Dental/);
    await expect.poll(() => noticesTo("owner@harbor.example").length).toBe(1);
    const notice = noticesTo("owner@harbor.example")[0]!.raw;
    expect(notice).toMatch(/Subject: New booking: Eva/);
    expect(notice).toContain("Email: eva.w@example.com");
    expect(notice).toContain(booking.uid);
    expect(notice).toMatch(/Reply-To: eva\.w@example\.com/i);
  });

  it("sends the owner's notice to the team recipients when the bot names no address, and to no one else", async () => {
    const cleared = await call("PATCH", `/api/v1/bots/${a.botId}`, { leadAlerts: {} });
    expect(cleared.status, await cleared.clone().text()).toBe(200);
    const mail = await env.t.deps.prisma.integration.findFirstOrThrow({ where: { organizationId: a.organizationId, type: "email" } });
    const patched = await call("PATCH", `/api/v1/integrations/${mail.id}`, {
      config: { host: "127.0.0.1", port: smtp.port, requireTls: false, username: "desk", password: "", from: "Harbor Desk <desk@harbor.example>", recipients: ["team@harbor.example"] },
      skipTest: true,
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const visitor = "+14155550388";
    const others = smtp.received.length;
    const ownerMails = mailsTo("owner@harbor.example").length;
    await postTwilioWebhook(env.t.app, hook(), inboundSms(visitor, "Can I book a cleaning on Tuesday?"));
    await env.t.deps.events.drain();
    await postTwilioWebhook(env.t.app, hook(), inboundSms(visitor, "1"));
    await env.t.deps.events.drain();
    await postTwilioWebhook(env.t.app, hook(), inboundSms(visitor, "tom@example.com"));
    await env.t.deps.events.drain();
    await expect.poll(() => smtp.received.length - others).toBe(2);
    expect(mailsTo("tom@example.com")).toHaveLength(1);
    expect(noticesTo("team@harbor.example")).toHaveLength(1);
    expect(noticesTo("team@harbor.example")[0]!.raw).toContain("Email: tom@example.com");
    expect(mailsTo("owner@harbor.example")).toHaveLength(ownerMails); // no longer named on the bot: nothing more
  });
});

describe("the daily summary", () => {
  it("counts the bookings the dialogue made", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const summary = await buildDailySummary(a.ctx, today);
    expect(calcom.bookings.length).toBeGreaterThanOrEqual(5);
    expect(summary.bookings).toBe(calcom.bookings.length);
  });
});
