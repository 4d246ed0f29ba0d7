/** Deterministic pseudo-random numbers (mulberry32), so every bench run ingests and asks the same things. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Front-desk topics with their own vocabulary, so chunks differ in meaning and not only in wording. */
export const TOPICS = [
  { name: "parking", nouns: ["garage", "permit", "level", "validation sticker", "bay", "barrier", "meter"], verbs: ["park", "validate", "reserve", "exit"] },
  { name: "billing", nouns: ["invoice", "refund", "receipt", "card", "payment plan", "deposit", "statement"], verbs: ["pay", "refund", "charge", "split"] },
  { name: "appointments", nouns: ["booking", "slot", "reminder", "waiting list", "calendar", "cancellation", "visit"], verbs: ["book", "reschedule", "cancel", "confirm"] },
  { name: "opening hours", nouns: ["weekday", "holiday", "evening", "weekend", "closing time", "season", "schedule"], verbs: ["open", "close", "extend", "staff"] },
  { name: "accessibility", nouns: ["ramp", "lift", "hearing loop", "wheelchair", "guide dog", "entrance", "handrail"], verbs: ["assist", "accommodate", "guide", "reach"] },
  { name: "wifi", nouns: ["network", "password", "router", "guest portal", "signal", "bandwidth", "hotspot"], verbs: ["connect", "reset", "stream", "log in"] },
  { name: "deliveries", nouns: ["parcel", "courier", "loading dock", "signature", "mailroom", "locker", "label"], verbs: ["deliver", "collect", "sign", "forward"] },
  { name: "privacy", nouns: ["record", "consent form", "data request", "camera", "retention period", "policy", "archive"], verbs: ["store", "delete", "share", "protect"] },
  { name: "insurance", nouns: ["claim", "policy number", "provider", "coverage", "co-payment", "pre-approval", "form"], verbs: ["claim", "cover", "approve", "submit"] },
  { name: "security", nouns: ["badge", "visitor pass", "lobby", "guard", "key card", "alarm", "escort"], verbs: ["check in", "scan", "escort", "lock"] },
] as const;

const subjects = ["Visitors", "Guests", "Patients", "Members", "Customers", "Staff", "Families", "Contractors"];
const times = ["on Mondays", "after 6 pm", "during holidays", "before noon", "every weekday", "at weekends", "in winter", "on the first visit"];
const places = ["at the front desk", "in the east wing", "near the main entrance", "on level 2", "by the lifts", "online", "at reception", "in building B"];
const connectors = ["In addition,", "However,", "As a rule,", "Please note that", "For example,", "If needed,", "Usually,", "On request,"];

/** One plausible front-desk sentence about `topic`, with numbers and places that vary. */
export function sentence(random: Random, topic: (typeof TOPICS)[number]): string {
  const noun = pick(random, topic.nouns);
  const other = pick(random, topic.nouns);
  const verb = pick(random, topic.verbs);
  const lead = random() < 0.3 ? `${pick(random, connectors)} ` : "";
  const shapes = [
    () => `${pick(random, subjects).toLowerCase()} can ${verb} the ${noun} ${pick(random, places)} ${pick(random, times)}.`,
    () => `the ${noun} costs ${1 + Math.floor(random() * 90)} euros and includes the ${other}.`,
    () => `ask for the ${noun} ${pick(random, places)} if you need to ${verb} ${pick(random, times)}.`,
    () => `our ${topic.name} team handles every ${noun} within ${2 + Math.floor(random() * 12)} working days.`,
    () => `the ${other} must be shown before you ${verb} the ${noun}.`,
    () => `${pick(random, subjects).toLowerCase()} who ${verb} ${pick(random, times)} receive a ${noun} ${pick(random, places)}.`,
  ];
  const text = pick(random, shapes)();
  const body = lead ? `${lead} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return body.replace(/\s+/g, " ");
}

export function paragraph(random: Random, topic: (typeof TOPICS)[number], sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, topic)).join(" ");
}

/** A question a visitor might ask about `topic`. */
export function question(random: Random, topic: (typeof TOPICS)[number]): string {
  const noun = pick(random, topic.nouns);
  const verb = pick(random, topic.verbs);
  return pick(random, [
    `How do I ${verb} the ${noun}?`,
    `Where can I find the ${noun}?`,
    `What does the ${noun} cost?`,
    `Can I ${verb} ${pick(random, times)}?`,
    `Who handles ${topic.name} questions about the ${noun}?`,
  ]);
}
