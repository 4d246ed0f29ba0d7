import { describe, expect, it } from "vitest";
import { givesContactDetails, qualifyByRules } from "./qualification-rules";
import type { LeadTier } from "./schemas";

type Row = {
  messages: string[];
  contact?: { name?: string; email?: string; phone?: string };
  tier: LeadTier;
  /** Reasons that must be among the assessment's (prefix match). */
  reasons?: string[];
  fields?: Partial<{ serviceInterest: string; urgency: string; budget: string; timeline: string }>;
  found?: { name?: string; email?: string; phone?: string };
};

// Real-looking first messages and short exchanges to a dental clinic, a garage, a plumber and a salon, in English
// and Spanish. The tier is what an owner would want to see; reasons and fields check why.
const table: Row[] = [
  { messages: ["What are your opening hours?"], tier: "cold", reasons: [] },
  { messages: ["Do you take Delta Dental insurance?"], tier: "cold" },
  { messages: ["Where are you located? Is there parking?"], tier: "cold" },
  { messages: ["Just looking at prices for now, maybe later"], tier: "cold", reasons: ["asked about prices", "just browsing"], fields: { urgency: "low" } },
  { messages: ["How much is teeth whitening?"], tier: "cold", reasons: ["asked about prices"] },
  { messages: ["I'm interested in teeth whitening next month, how much is it?"], tier: "warm", reasons: ["asked about prices", "named the service", "mentioned a date"], fields: { serviceInterest: "teeth whitening", timeline: "next month" } },
  { messages: ["Can I come on Tuesday?"], tier: "warm", reasons: ["wants to book", "mentioned a date"], fields: { timeline: "on tuesday" } },
  { messages: ["I'd like to book an appointment for a cleaning"], tier: "warm", reasons: ["wants to book"] },
  { messages: ["Can I book a cleaning for tomorrow?"], contact: { phone: "+14155550123" }, tier: "hot", reasons: ["wants to book", "wants it soon", "gave a phone number", "named the service"], fields: { serviceInterest: "cleaning", urgency: "medium", timeline: "tomorrow" } },
  { messages: ["My tooth is killing me, can I come in today? My number is 415-555-0100"], tier: "hot", reasons: ["wants to book", "needs it urgently", "gave a phone number"], fields: { urgency: "high" }, found: { phone: "415-555-0100" } },
  { messages: ["Emergency! Water leaking under the sink, need a plumber ASAP"], tier: "warm", reasons: ["needs it urgently", "named the service"], fields: { urgency: "high", serviceInterest: "plumber" } },
  { messages: ["Emergency! Water leaking under the sink, need a plumber ASAP", "Call me at (212) 555-0199, I'm at 12 Elm St"], tier: "hot", reasons: ["needs it urgently", "gave a phone number"] },
  { messages: ["Hi, my name is Maria Lopez. I need a quote for a new roof, budget is around $8,000. Email maria.lopez@example.com"], tier: "hot", reasons: ["asked about prices", "stated a budget", "gave an email address", "gave their name", "named the service"], fields: { budget: "around $8,000", serviceInterest: "new roof" }, found: { name: "Maria Lopez", email: "maria.lopez@example.com" } },
  { messages: ["We're looking for a caterer for 40 people on December 12th, around 1500 dollars"], tier: "warm", reasons: ["stated a budget", "named the service", "mentioned a date"], fields: { budget: "1500 dollars", timeline: "december 12th" } },
  { messages: ["My car makes a grinding noise when braking", "How much for brake pads?", "Could I drop it off this week?"], tier: "hot", reasons: ["wants it soon", "asked about prices", "kept the conversation going"] },
  { messages: ["Can I schedule a haircut?"], contact: { name: "Sam", email: "sam@example.com" }, tier: "hot", reasons: ["wants to book", "gave an email address", "gave their name"] },
  { messages: ["Do you do oil changes?"], contact: { phone: "+14155550123" }, tier: "cold", reasons: ["gave a phone number"] },
  { messages: ["thanks!"], tier: "cold" },
  { messages: ["Is it ok to text 2026-12-05 as my date?"], tier: "cold" },
  // Spanish
  { messages: ["¿A qué hora abren los sábados?"], tier: "cold" },
  { messages: ["¿Cuánto cuesta una limpieza dental?"], tier: "cold", reasons: ["asked about prices"] },
  { messages: ["Solo estoy mirando, gracias"], tier: "cold", reasons: ["just browsing"] },
  { messages: ["Quisiera una cita para el lunes"], tier: "warm", reasons: ["wants to book", "mentioned a date"] },
  { messages: ["Necesito una limpieza la próxima semana, ¿tienen cita?"], tier: "warm", reasons: ["wants to book", "named the service", "mentioned a date"], fields: { serviceInterest: "limpieza", timeline: "la próxima semana" } },
  { messages: ["Me duele mucho una muela, ¿puedo ir hoy? Mi teléfono es 612 345 678"], tier: "hot", reasons: ["wants to book", "needs it urgently", "gave a phone number"], fields: { urgency: "high" }, found: { phone: "612 345 678" } },
  { messages: ["Hola, me llamo Lucía Fernández. Quiero reservar un corte para mañana, mi correo es lucia@example.es"], tier: "hot", reasons: ["wants to book", "wants it soon", "gave an email address", "gave their name"], fields: { urgency: "medium", timeline: "mañana" }, found: { name: "Lucía Fernández", email: "lucia@example.es" } },
  { messages: ["Tengo un presupuesto de 500 euros para la reforma del baño, ¿me pueden dar una cotización?"], tier: "warm", reasons: ["asked about prices", "stated a budget"], fields: { budget: "500 euros" } },
  { messages: ["Es urgente, se rompió la tubería", "¿Pueden venir esta tarde?", "Mi número es +34 612 345 678"], tier: "hot", reasons: ["needs it urgently", "gave a phone number", "kept the conversation going"] },
  { messages: ["Quizás más adelante, por ahora no"], tier: "cold", reasons: ["just browsing"] },
];

describe("qualifyByRules on a table of real-looking messages", () => {
  it.each(table.map((row) => [row.messages.join(" / "), row] as const))("%s", (_label, row) => {
    const result = qualifyByRules({ messages: row.messages, contact: row.contact ?? {} });
    expect(result.tier, JSON.stringify(result)).toBe(row.tier);
    for (const reason of row.reasons ?? []) expect(result.reasons.some((r) => r.startsWith(reason)), `${reason} in ${JSON.stringify(result.reasons)}`).toBe(true);
    if (row.reasons?.length === 0) expect(result.reasons).toEqual([]);
    for (const [field, value] of Object.entries(row.fields ?? {})) expect(result.qualification[field as keyof typeof result.qualification]).toBe(value);
    for (const [field, value] of Object.entries(row.found ?? {})) expect(result.contact[field as keyof typeof result.contact]).toBe(value);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
  });

  it("does not count details the lead already has as found again", () => {
    const result = qualifyByRules({ messages: ["call me on 415-555-0100"], contact: { phone: "+14155550100" } });
    expect(result.contact).toEqual({});
    expect(result.reasons).toEqual(["gave a phone number"]);
  });
});

describe("givesContactDetails", () => {
  it("finds contact details exactly when qualifyByRules would take some from the messages", () => {
    for (const row of table) {
      const taken = Object.values(qualifyByRules({ messages: row.messages, contact: {} }).contact).some((value) => Boolean(value?.trim()));
      expect(givesContactDetails(row.messages), row.messages.join(" / ")).toBe(taken);
    }
    expect(givesContactDetails(["My tooth is killing me, can I come in today? My number is 415-555-0100"])).toBe(true);
    expect(givesContactDetails(["Email maria.lopez@example.com"])).toBe(true);
    expect(givesContactDetails(["Hola, me llamo Lucía"])).toBe(true);
    expect(givesContactDetails(["Is it ok to text 2026-12-05 as my date?", "What are your opening hours?"])).toBe(false);
  });
});
