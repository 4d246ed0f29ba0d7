import { describe, expect, it } from "vitest";
import { detectBookingIntent, findEmail, localSlot, parseSlotChoice, parseWeekday } from "./booking-phrases";

// Tue 8 Sep 2026 09:00, 10:30 and Wed 9 Sep 14:00 in Madrid (UTC+2).
const ZONE = "Europe/Madrid";
const OFFER = ["2026-09-08T07:00:00.000Z", "2026-09-08T08:30:00.000Z", "2026-09-09T12:00:00.000Z"].map((start) => localSlot(start, ZONE));

describe("booking intent", () => {
  it.each(["can I come on Tuesday?", "I'd like to book an appointment", "¿puedo reservar una cita el martes?", "Quiero agendar una cita", "Can I schedule a visit?"])(
    "reads %j as booking intent",
    (text) => expect(detectBookingIntent(text)).toBe(true),
  );
  it.each(["What time do you open?", "Do you take my insurance?", "¿Cuánto cuesta una limpieza?", "the facebook page"])("reads %j as no booking intent", (text) =>
    expect(detectBookingIntent(text)).toBe(false),
  );
  it("names the weekday asked for, accents or not", () => {
    expect(parseWeekday("can I come on Tuesday?")).toBe(2);
    expect(parseWeekday("¿el miércoles?")).toBe(3);
    expect(parseWeekday("el miercoles")).toBe(3);
    expect(parseWeekday("book me in")).toBeNull();
  });
});

describe("choosing an offered slot", () => {
  it("reads the slot in the lead's zone", () => expect(OFFER[1]).toEqual({ weekday: 2, hour: 10, minute: 30 }));
  it.each([
    ["the second one", 1],
    ["2", 1],
    ["option 3", 2],
    ["#1", 0],
    ["la primera", 0],
    ["la segunda, por favor", 1],
    ["the last one", 2],
    ["10:30", 1],
    ["10:30 am", 1],
    ["Tuesday at 10:30", 1],
    ["Tuesday at 9", 0],
    ["2pm", 2],
    ["el miércoles a las 14", 2],
    ["Wednesday", 2],
  ])("reads %j as slot %i", (text, index) => expect(parseSlotChoice(text, OFFER)).toBe(index));
  it.each(["Tuesday", "11:00", "4", "the fifth one", "what about parking?", "Thursday at 9"])("reads %j as no choice", (text) => expect(parseSlotChoice(text, OFFER)).toBeNull());
});

describe("the email in a reply", () => {
  it("finds it in a sentence, without the full stop after it", () => {
    expect(findEmail("sure, it's ana.lopez@example.com.")).toBe("ana.lopez@example.com");
    expect(findEmail("no email")).toBeNull();
  });
});
