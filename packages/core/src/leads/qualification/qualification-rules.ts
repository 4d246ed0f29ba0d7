import { emptyQualification, tierForScore, type LeadAssessment, type Qualification } from "./schemas";

/**
 * Deterministic lead scoring for when no language model is configured (and as the model's fallback). Each rule
 * counts once per conversation, over everything the visitor wrote plus the contact details already on the lead;
 * English and Spanish phrases. Points (score clamped to 0–100; hot ≥ 55, warm ≥ 25, else cold):
 *
 * | rule                                                                  | points |
 * |-----------------------------------------------------------------------|--------|
 * | booking intent ("book", "appointment", "can I come in", "can you come", "drop it off", "cita", "reservar", "pueden venir") | +30 |
 * | urgent ("today", "asap", "emergency", "in pain", "hoy", "urgente")    | +30    |
 * | soon ("tomorrow", "this week", "mañana", "esta semana")               | +15    |
 * | price / quote asked ("how much", "quote", "cuánto cuesta", "precio")  | +15    |
 * | budget stated (an amount: "$300", "500 euros", "presupuesto de 800")  | +15    |
 * | phone number given (in a message, the form, or the SMS/WhatsApp number) | +15  |
 * | email address given                                                   | +15    |
 * | name given ("my name is…", "me llamo…", or on the lead)               | +5     |
 * | service named ("I need a crown", "looking for…", "necesito…", "book a cleaning") | +10 |
 * | a date or timeline ("on Tuesday", "next week", "el lunes", "5 de diciembre") | +10 |
 * | three or more visitor messages                                        | +5     |
 * | just browsing ("just looking", "maybe later", "solo mirando", "más adelante") | −20 |
 */
export function qualifyByRules(input: { messages: string[]; contact: { name?: string | null; email?: string | null; phone?: string | null } }): LeadAssessment {
  const text = input.messages.join("\n");
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const qualification: Qualification = { ...emptyQualification };
  const contact: LeadAssessment["contact"] = {};

  const booking = find(BOOKING, text);
  if (booking) add(30, "wants to book an appointment");

  const urgent = find(URGENT, text);
  const soon = urgent ? null : find(SOON, text);
  if (urgent) {
    add(30, `needs it urgently ("${urgent}")`);
    qualification.urgency = "high";
    qualification.timeline = urgent;
  } else if (soon) {
    add(15, `wants it soon ("${soon}")`);
    qualification.urgency = "medium";
    qualification.timeline = soon;
  }

  if (find(PRICE, text)) add(15, "asked about prices");
  const budget = findBudget(text);
  if (budget) {
    add(15, `stated a budget (${budget})`);
    qualification.budget = budget;
  }

  const phone = input.contact.phone || findPhone(text);
  if (phone) {
    add(15, "gave a phone number");
    if (!input.contact.phone) contact.phone = phone;
  }
  const email = input.contact.email || EMAIL.exec(text)?.[0];
  if (email) {
    add(15, "gave an email address");
    if (!input.contact.email) contact.email = email.toLowerCase();
  }
  const name = input.contact.name || NAME.exec(text)?.[1];
  if (name) {
    add(5, "gave their name");
    if (!input.contact.name) contact.name = name;
  }

  const service = findService(text);
  if (service) {
    add(10, `named the service they want ("${service}")`);
    qualification.serviceInterest = service;
  }
  const date = find(DATE, text);
  if (date && !qualification.timeline) {
    add(10, `mentioned a date ("${date}")`);
    qualification.timeline = date;
  }
  if (input.messages.length >= 3) add(5, "kept the conversation going");
  if (find(BROWSING, text)) {
    add(-20, "just browsing for now");
    qualification.urgency ??= "low";
  }

  const clamped = Math.max(0, Math.min(100, score));
  return { tier: tierForScore(clamped), score: clamped, reasons, qualification, contact, method: "rules" };
}

/**
 * The contact details qualifyByRules reads from what the visitor wrote (a phone number, an email address, a name),
 * without scoring the rest: whether any is there.
 */
export function givesContactDetails(messages: readonly string[]): boolean {
  const text = messages.join("\n");
  return findPhone(text) !== null || EMAIL.test(text) || NAME.test(text);
}

// Whole words or phrases, with letters (accented too) not allowed right before or after.
const words = (...phrases: string[]) => new RegExp(`(?<!\\p{L})(?:${phrases.join("|")})(?!\\p{L})`, "iu");

const BOOKING = words(
  "book(?:ing)?",
  "appointments?",
  "schedule (?:a|an|me|my)",
  "reserv(?:e|ation)",
  "can (?:i|we) (?:come|stop|drop|swing) (?:in|on|by|over)",
  "can (?:you|someone|somebody) come",
  "(?:drop|bring) (?:it|the car|my car|him|her) (?:off|in|by)",
  "(?:pueden|puede|podr[ií]an) venir",
  "come in",
  "sign me up",
  "hire you",
  "citas?",
  "reservar",
  "agendar",
  "apartar",
  "turno",
  "pasar (?:el|este|ma[ñn]ana|hoy|por)",
  "puedo ir",
  "contratar",
);
const URGENT = words(
  "urgent(?:ly)?",
  "emergency",
  "asap",
  "as soon as possible",
  "right (?:away|now)",
  "immediately",
  "today",
  "tonight",
  "this (?:morning|afternoon|evening)",
  "in (?:a lot of )?pain",
  "killing me",
  "leaking",
  "urgente",
  "urgencia",
  "emergencia",
  "cuanto antes",
  "lo antes posible",
  "(?:ya|ahora) mismo",
  "hoy",
  "esta (?:tarde|noche|ma[ñn]ana)",
  "me duele",
  "mucho dolor",
);
const SOON = words("tomorrow", "this (?:week|weekend)", "in the next (?:few|couple of) days", "pasado ma[ñn]ana", "ma[ñn]ana", "esta semana", "este fin de semana", "en (?:los )?pr[oó]ximos d[ií]as");
const PRICE = words("how much", "price[sd]?", "pricing", "costs?", "quote", "estimate", "rates", "cu[aá]nto (?:cuesta|cobran|sale|vale)", "precios?", "cotizaci[oó]n", "tarifas?", "presupuesto(?!\\s+(?:de|es de)?\\s*[$€£]?\\d)");
const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo";
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
const DATE = words(
  `(?:on |next |this |el |este |el pr[oó]ximo )?(?:${WEEKDAYS})`,
  "next (?:week|month)",
  "in (?:a|one|two|three|\\d+) (?:weeks?|months?)",
  "la (?:pr[oó]xima|otra) semana",
  "el (?:pr[oó]ximo )?mes(?: que viene)?",
  "en (?:una|dos|tres|\\d+) (?:semanas?|meses)",
  `(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?`,
  `\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})`,
  `\\d{1,2} de (?:${MONTHS})`,
  "\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?",
);
const BROWSING = words("just (?:looking|browsing|curious|asking|wondering)", "not (?:right )?now", "maybe later", "some ?day", "solo (?:estoy )?(?:mirando|preguntando|curioseando)", "m[aá]s adelante", "por ahora no", "quiz[aá]s (?:luego|despu[eé]s)");
const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}/i;
// "my name is Ada", "this is Ada Lovelace", "me llamo Ada", "mi nombre es Ada", "soy Ada": a capitalized name after.
const NAME = /(?:my name is|this is|i am|me llamo|mi nombre es|soy)\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)/u;
const SERVICE =
  /(?<!\p{L})(?:i need|we need|need|i'm looking for|we're looking for|looking for|interested in|i want|i'd like|i would like|book(?:ing)?|schedule|necesito|necesitamos|busco|estoy buscando|me interesa|quiero|quisiera|reservar|agendar)\s+(?:to (?:get|have|book) )?(?:(?:an? |una? )?(?:quote|estimate|price|cotizaci[oó]n|presupuesto) (?:for|on|para|de) )?(?:una? |an? |the |some |el |la |los |las |un )?([\p{L}][\p{L}' -]{2,40}?)(?=[.,!?;\n]|\s+(?:for|on|at|to|this|next|in|asap|today|tomorrow|please|and|with|para|el|la|en|este|esta|hoy|ma[ñn]ana|por favor|y|con|urgente)(?!\p{L})|$)/iu;
const NOT_A_SERVICE = /^(?:to know|know|ask|help|information|info|saber|preguntar|ayuda|informaci[oó]n|appointment|an appointment|cita|una cita)$/iu;

function find(pattern: RegExp, text: string): string | null {
  return pattern.exec(text)?.[0].trim().toLowerCase() ?? null;
}

function findService(text: string): string | null {
  for (const line of text.split("\n")) {
    const match = SERVICE.exec(line)?.[1]?.trim();
    if (match && !NOT_A_SERVICE.test(match)) return match.toLowerCase();
  }
  return null;
}

// "$300", "€1.500", "300 dollars", "500 euros", "1,200 USD", "presupuesto de 800", "budget is 2k".
const NUMBER = String.raw`\d(?:[\d.,]*\d)?`;
const AMOUNT = new RegExp(
  [
    String.raw`(?:budget|presupuesto)(?:\s+(?:is|of|de|es|around|about|approximately|aproximadamente|unos|alrededor de))*\s+(?:[$€£]\s?)?${NUMBER}\s?k?(?:\s?(?:dollars|bucks|usd|euros?|eur|€|pounds|gbp|pesos|mxn)(?!\p{L}))?`,
    String.raw`[$€£]\s?${NUMBER}\s?k?`,
    String.raw`${NUMBER}\s?k?\s?(?:dollars|bucks|usd|euros?|eur|€|pounds|gbp|pesos|mxn)(?!\p{L})`,
  ].join("|"),
  "iu",
);

/** The amount as written, without the "budget is" that introduced it ("around $8,000", "500 euros"). */
function findBudget(text: string): string | null {
  const found = AMOUNT.exec(text)?.[0].trim();
  return found ? found.replace(/^(?:budget|presupuesto)(?:\s+(?:is|of|de|es))*\s+/iu, "") : null;
}

// 7–15 digits with the usual separators; not a date (2026-12-05) or an amount.
const PHONE = /(?<![\d$€£.,])\+?\(?\d[\d\s().-]{5,}\d(?![\d.,]*\s?(?:dollars|euros?|usd|eur))/giu;

function findPhone(text: string): string | null {
  for (const match of text.matchAll(PHONE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, "").length;
    if (digits >= 7 && digits <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(candidate)) return candidate;
  }
  return null;
}
