import { foldAccents } from "../wording/fold-accents";
import { rememberedByText } from "../remembered";
import { SENTENCE_BREAK } from "./asking-sentence";
import { frenchAnswerPatterns, frenchLeadPatterns, frenchQuestionPatterns, frenchTypeWords } from "./french-cues";
import { germanAnswerPatterns, germanLeadPatterns, germanQuestionPatterns, germanStreetAddress, germanTypeWords } from "./german-cues";
import { spanishAnswerPatterns, spanishLeadPatterns, spanishQuestionPatterns, spanishStreetAddress, spanishTypeWords } from "./spanish-cues";

/** What kind of fact a question asks for, from its wording; null when the wording does not say. */
export type AnswerType = "price" | "time" | "duration" | "frequency" | "person" | "place" | "phone" | "email" | "quantity" | "age" | "distance" | "consequence";

/**
 * "Which vet sees lizards", "which of your techs is the bed bug specialist": a member of staff, asked by their trade,
 * one or several, after "which" or "which of your"; and "which of you does colour".
 */
const whichStaff =
  "which (?:(?:one )?of (?:your|the|you)\\s+)?(?:doctor|dentist|person|people|staff|member|teacher|instructor|mechanic|therapist|physio|vet|nurse|tech|technician|engineer|stylist|groomer|trainer|coach|guide|driver|chef|consultant|specialist|surgeon|hygienist|adviser|advisor)s?|which (?:one )?of you\\b";

/**
 * The interrogative that opens the question or one of its clauses says what is asked, wherever other cue words
 * stand: "Who do I speak to when booking?" wants a person ("when" joins a clause), "Where can I park when I drop
 * off my car?" a place. Checked in order: "how long" before "how much", "who do I call" (a number) before "who".
 * The words after the interrogative can name another kind than the interrogative alone: "how much notice" wants a
 * duration, not a price; "how far in advance" a duration, not a distance; "how do I get there" a place. "How late is
 * reception open?" asks for a time and "how late can I cancel?" for a notice period: "late" there is the
 * interrogative's, no topic (see typeWords), and "Late check-out until 1 pm" shares nothing more with them.
 */
const leadPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  // "What happens if I pay late?", "what if my dog arrives with fleas", "what happens to my deposit when I leave": what
  // follows from a case the visitor names (see answerPatterns.consequence).
  ["consequence", /^(?:what (?:happens|happened|will happen|would happen)|what if(?! (?:i|we) (?:want|wish|would like|need) to\b))\b/iu],
  ["duration", /^(?:how long|how many (?:minutes|hours|days|weeks|months|years)|how much (?:time|notice|warning|advance notice|lead time)|how far (?:in advance|ahead)|how (?:early|soon) (?:do|should|must|can) (?:i|we) (?:book|reserve|order|arrive|tell|let|cancel)|how late (?:can|may|could|do|should) (?:i|we) (?:cancel|change|amend|rebook|reschedule)|cuánto tiempo|cuánto dura)\b/iu],
  ["age", /^(?:how old|(?:at |from )?what age|which age|what(?:'s| is) the (?:minimum |maximum |youngest |oldest )?age)\b/iu],
  ["distance", /^how far\b/iu],
  ["price", /^(?:how much|cuánto cuesta|cuánto vale)\b/iu],
  ["frequency", /^(?:how often|how frequently|how many times|cada cuánto)\b/iu],
  ["phone", /^(?:who|what number|which number) (?:do|should|can|could|shall) (?:i|we) (?:call|ring|phone|text)\b/iu],
  ["time", /^(?:when|what time|at what time|which days?|what days?|until when|how (?:late|early)|cuándo|a qué hora)\b/iu],
  // "who do I email about a party for 20", "a quién escribo si tengo una flota", "à qui j'écris pour l'inscription":
  // whom to write to is an address, as "who do I call" is a number (before "who" asks for a person): a business
  // that gives a team member's row and an events@ address for the same thing is written to at the address.
  ["email", /^(?:(?:who|whom) (?:do|should|can|could|shall|would) (?:i|we) (?:e-?mail|write to|send (?:an? )?(?:e-?mail|mail|message) to)|(?:which|what) (?:e-?mail )?address (?:do|should|can|shall) (?:i|we) (?:e-?mail|write to|use)|a qui[eé]n (?:le |les )?(?:escribo|escribimos|escribir|tengo que escribir|(?:mando|env[ií]o|mandamos|enviamos) (?:un )?(?:correo|e-?mail|mail))|[àa] qui (?:(?:est-ce que |est ce que )?(?:j['’]|je (?:dois |peux )?|on (?:doit |peut )?)(?:[ée]cri[st]?|envoie (?:un )?(?:e-?mail|mail|courriel))|[ée]crire))(?!\p{L})/iu],
  ["person", new RegExp(`^(?:who|whom|whose|${whichStaff}|quién)\\b`, "iu")],
  ["place", /^(?:where|dónde|how (?:do|can|would|should) (?:i|we) (?:get|find|reach) (?:there|to you|to your|you|us)|how to (?:get|find) (?:there|to you|you|us))\b/iu],
  ["quantity", /^(?:how many|cuántos|cuántas)\b/iu],
];

/**
 * An e-mail address asked for, in English, French, Spanish or German (see questionPatterns): "email address", "votre
 * courriel", and an interrogative asking which mail ("quel mail pour …", "a qué email mando …", "cuál es el correo
 * para …", "wie lautet die E-Mail für …", "un mail …, à quelle adresse ?").
 */
const emailAsked =
  /(?<!\p{L})(?:e-?mail[\s-]*(?:address|adresse)|mail[\s-]*adresse|mailadresse|adresse\s+(?:e-?mail|mail|courriel)|direcci[oó]n\s+de\s+(?:e-?mail|correo)|correo\s+electr[oó]nico|(?:your|votre|ton|vos|vuestr[oa]|su|tu|eure|ihre|deine)\s+(?:e-?mail|mail|courriel|correo)|quel(?:le)?s?\s+(?:adresse\s+)?(?:e-?mail|mail|courriel)|(?:a\s+)?qu[eé]\s+(?:e-?mail|mail|correo)|cu[aá]l\s+es\s+(?:el|tu|su|vuestro)\s+(?:e-?mail|mail|correo)|welche[mnrs]?\s+(?:e-?mail|mail)|wie\s+lautet\s+(?:die|eure|ihre|deine)\s+(?:e-?mail|mail)|(?:e-?mail|mail|courriel|correo)(?!\p{L})[^?]*(?:[àa]\s+quelle\s+adresse|qu[eé]\s+direcci[oó]n)|(?:[àa]\s+quelle\s+adresse|qu[eé]\s+direcci[oó]n)[^?]*(?<!\p{L})(?:e-?mail|mail|courriel|correo))(?!\p{L})/iu;

// Cue words anywhere in the question, when no interrogative opens it ("Are you open on Saturday?", "What does an
// implant cost?"). Checked in order: "how long" before "how", "what time" before "what". "Charge" followed by what
// is charged ("charge my car", "charge the phone") is the verb of batteries, not a price. Bare "when", "who" and
// "where" are no cues here: inside a question they join clauses ("Is balancing extra when I buy tyres?"); nor is
// "phone" alone ("my phone charger", "book by phone"): a number is asked for by "phone number", "call", "ring".
const questionPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  ["price", /\b(?:how much(?!\s+(?:time|notice|warning|advance notice|lead time)\b)|what (?:does|do|is|are|will)\b.*\b(?:cost|price|fee|charge)|costs?|price[sd]?|fees?|charges?(?!\s+(?:my|your|our|his|her|their|its|it|the|an?|this|that|up)\b)|expensive|cheap|rates?|pay for|discount(?:s|ed)?|reductions?|concessions?|free(?: of charge)?|cuánto cuesta|cuesta|precio|tarifa|descuentos?|gratis)\b/iu],
  ["duration", /\b(?:how long|how many (?:minutes|hours|days|weeks|months|years)|how much (?:time|notice|warning)|how far in advance|duration|notice period|cuánto tiempo|cuánto dura)\b/iu],
  ["age", /\b(?:how old|what age|age (?:limit|restrictions?|requirements?)|(?:minimum|maximum) age|old enough|too (?:young|old))\b/iu],
  ["distance", /\b(?:how far|distance)\b/iu],
  ["frequency", /\b(?:how often|how frequently|how many times|cada cuánto)\b/iu],
  ["time", /\b(?:what time|which days?|what days?|opening hours|hours|open|close[sd]?|until|earliest|latest|a qué hora|horario)\b/iu],
  ["phone", /\b(?:(?:phone|telephone|contact|mobile) number|number to|call(?!\s+off\b)|ring|hotline|llamar|teléfono)\b/iu],
  ["person", new RegExp(`\\b${whichStaff}\\b`, "iu")],
  // "what's your email address", "adresse e-mail", "E-Mail-Adresse", "vuestro correo": an e-mail address, before "address"
  // asks for a place. Not "reply to emails", "can you email me", "my mail": the address is what is asked for.
  ["email", emailAsked],
  ["place", /\b(?:address|located|location|directions|find you|dirección)\b/iu],
  ["quantity", /\b(?:how many|limit|maximum|minimum|capacity|cuántos|cuántas)\b/iu],
];

/**
 * Clauses of a question, last first (the one holding the question mark asks): split at , ; : and at and/but/so, and
 * between sentences ("We're new here. how much is a check-up").
 */
function clausesOf(question: string): string[] {
  return question
    .split(new RegExp(`[,;:]|\\b(?:and|but|so|pero)\\b|${SENTENCE_BREAK.source}`, "iu"))
    .map((clause) => clause.replace(/^[\s¿¡"'(]+/u, "").trim())
    .filter(Boolean)
    .reverse();
}

const allLeadPatterns = [...leadPatterns, ...germanLeadPatterns, ...frenchLeadPatterns, ...spanishLeadPatterns];
const allQuestionPatterns = [...questionPatterns, ...germanQuestionPatterns, ...frenchQuestionPatterns, ...spanishQuestionPatterns];

/** Questions whose type is kept (see rememberedByText). */
const TYPES_KEPT = 2_000;
/** Sentences whose fit is kept per type (see rememberedByText). */
const FITS_KEPT = 20_000;

const typeOfQuestion = rememberedByText(TYPES_KEPT, (question: string): AnswerType | null => {
  for (const clause of clausesOf(question)) for (const [type, pattern] of allLeadPatterns) if (pattern.test(clause)) return type;
  for (const [type, pattern] of allQuestionPatterns) if (pattern.test(question)) return type;
  return null;
});

/** The kind of fact the question wants, e.g. "How much is a first visit?" → price. */
export function answerTypeOf(question: string): AnswerType | null {
  return typeOfQuestion(question);
}

const numberWord = "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a few|several|half an?|an?)";
const currency = "(?:€|\\$|£|¥|eur|euros?|usd|dollars?|pounds?|gbp|chf|francs?|pesos?|cents?)";
const weekday = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|daily|every day|lunes|martes|miércoles|jueves|viernes|sábados?|domingos?)";

/**
 * What is done once a case happens: charged, refunded, returned, cleared, kept, sold, lost ("are charged at £20", "is
 * returned within 14 days", "we return it within 14 days", "incur a $35 late fee", "lose the class", "do not roll over").
 */
const doneThen =
  "(?:is|are|be|been|gets?|get)\\s+(?:\\p{L}+ly\\s+)?(?:charged|billed|invoiced|fined|refunded|returned|released|cleared|removed|disposed of|thrown away|kept|held|sold|stopped|suspended|blocked|cancell?ed|forfeited|lost|extended|deducted|added|treated|towed|destroyed|donated|terminated)|(?:we|they) (?:will )?(?:charge|refund|sell|remove|keep|cancel|return|credit)|lose|loses|forfeits?|incurs?|non-refundable|not refundable|(?:do|does|will) not (?:roll|carry) over|counts? as";

const answerPatterns: Record<AnswerType, RegExp> = {
  // An amount: money, free, a share ("10% off"), or a price counted in what is sold ("one night's stay").
  price: new RegExp(`(?:${currency}\\s?\\d|\\d[\\d.,]*\\s?${currency}|\\bfree\\b|no charge|free of charge|\\bgratis\\b|\\bgratuit|\\d\\s?%|\\b${numberWord}\\s(?:night|day|week|month|year)['’]s\\b)`, "iu"),
  time: new RegExp(`(?:\\b\\d{1,2}[:.h]\\d{2}\\b|\\b\\d{1,2}\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b${weekday}\\b|\\bnoon\\b|\\bmidnight\\b|\\b(?:in|since|from) (?:19|20)\\d{2}\\b|\\bclosed\\b|\\bopen\\b|\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b)`, "iu"),
  duration: new RegExp(`\\b${numberWord}(?:\\s?(?:to|-|–|and)\\s?${numberWord})?\\s?(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|minutos|horas|días|semanas|meses|años)\\b`, "iu"),
  frequency: /\b(?:every|each|once|twice|per (?:day|week|month|year)|a (?:day|week|month|year)|times a|annually|yearly|monthly|weekly|daily|cada)\b/iu,
  // A name before a verb ("Jess Moreno runs", "Hannah Doyle founded", "Mel and Jason Dwyer have"; not a noun in -ss:
  // "our Pregnancy Yoga class"),
  // after a role or "by" ("started by Gareth and Lynne Pryce"), alone in a field naming a role ("Teacher: Sofia",
  // "Manager: Declan Murphy", a course table's "Leitung: Emre Yildiz", "Profesora: Carmen Ruiz", "Moniteur: Luc Petit"), or ending a sentence saying who holds a role ("Our safeguarding lead is Gemma Rowe.").
  person: /\b(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+\p{Lu}\p{Ll}+|(?:[Nn]ame|[Ss]taff|[Tt]herapist|[Ii]nstructor|[Tt]eacher|[Cc]linician|[Tt]echnician|[Cc]ontact(?: person)?|[Oo]wner|[Mm]anager|[Dd]irector|[Ff]ounder|[Pp]roprietor|[Tt]utor|[Tt]rainer(?:in)?|[Cc]oach|[Ll]ed by|[Ll]eiter(?:in)?|[Kk]ursleitung|[Ll]eitung|[Ll]ehrer(?:in)?|[Aa]nsprechpartner(?:in)?|[Nn]ombre|[Pp]rofesora?|[Mm]onitora?|[Rr]esponsable|[Nn]om|[Pp]rofesseur|[Mm]oniteur|[Mm]onitrice|[Aa]nimat(?:eur|rice)|[Ff]ormat(?:eur|rice)):\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+|\s*(?:;|$))|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+(?:is|are)\b|,|\s+(?:has|have|had|was|were|will|can|\p{Ll}{2,}s(?<!ss|sses)|\p{Ll}{2,}ed)\b)|(?:our|the)\s+(?:team|staff|hygienist|receptionist|manager|owner|doctor|dentist|nurse|mechanic|instructor|teacher|therapist|chef)|\b(?:by|with)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\bby\s+\p{Lu}\p{Ll}+\s+(?:and|&)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|\b(?:technician|engineer|electrician|plumber|manager|owner|director|coordinator|officer|hygienist|receptionist|doctor|dentist|nurse|mechanic|instructor|teacher|therapist|chef|consultant|advis[eo]r|specialist|surgeon|vet|trainer|coach|founder|assistant)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\b(?:lead|head|contact|chair|technician|engineer|manager|owner|director|coordinator|officer|receptionist|doctor|dentist|nurse|instructor|teacher|therapist|chef|consultant|specialist|surgeon|vet|trainer|coach|founder|assistant)\s+(?:is|was)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?=\s*(?:[.,;)]|$)))/u,
  place: /\b(?:street|st\.|road|avenue|square|floor|level|garage|building|entrance|car park|parking|next to|opposite|near|behind|in front of|corner|located|address)\b|\b\d+\s+\p{Lu}\p{Ll}+\s+(?:Street|Road|Avenue|Lane)/iu,
  phone: /(?:\+?\d[\d ().-]{6,}\d)/u,
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u,
  quantity: /\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b/iu,
  // An age or a span of ages: "from the age of 8", "aged 16", "between 10 and 16 weeks old", "over-18s", "children
  // under 12". A bare "over 20" or "from 9" is no age ("over 20 kg", "from 9am").
  age: /\bage[sd]?\b[^.;]{0,20}\d|\d[^.;]{0,25}\b(?:weeks?|months?|years?)[\s-]+old\b|\b(?:over|under)[\s-]?\d+s\b|\b(?:children|kids|adults|teens|teenagers|babies|infants|toddlers|puppies|kittens)\b[^.;]{0,20}\b(?:over|under|from|aged|up to)\s+\d+/iu,
  // A distance: "2 km", "half a mile", "a 10-minute walk", "5 minutes by car", "ten minutes west of Ballarat", "next
  // door", "around the corner".
  distance: new RegExp(`\\b${numberWord}\\s?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|yards?)\\b|\\b${numberWord}[\\s-]?(?:minutes?|mins?)(?:['’]s)?\\s+(?:walk|drive|ride|away|on foot|by (?:car|bus|train|taxi|bike)|(?:north|south|east|west|north-east|north-west|south-east|south-west) of)\\b|\\bwalk(?:ing)? distance\\b|\\bnext door\\b|\\baround the corner\\b`, "iu"),
  // What follows from a case: a sentence naming a case ("if", "unless", "otherwise"), or what is done then — charged,
  // refunded, returned, cleared, kept, sold, lost ("are charged at £20", "is returned within 14 days", "the fridges are
  // cleared every Friday", "lose the class", "do not roll over") —; not an instruction ("Please give us 24 hours'
  // notice", "Label food in the fridges") nor a state ("We are closed at weekends").
  consequence: new RegExp(`\\b(?:if|unless|otherwise|${doneThen})\\b`, "iu"),
};

/** Two capitalised words followed by a third: the start of a longer name ("Wattle Creek Boarding Kennels"). */
const longName = /(?<![\p{L}\p{N}])(?=(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) \p{Lu}\p{Ll})/gu;
const title = /(?:Dr|Mr|Mrs|Ms|Prof)\.?\s$/u;
/**
 * A role written as a title before a person's name ("Owner Dale Hutchins started the business", "Chef Tomasz Nowak
 * plans the menu"): the title and the first name are no business's name. Not "Head" or "Lead", which start the names
 * of things too ("Head Office Building").
 */
const roleTitle = /^(?:Owner|Co-owner|Founder|Co-founder|Proprietor|Manager|Director|President|Chair|Chairman|Chairwoman|Principal|Headteacher|Chef|Coach|Instructor|Teacher|Tutor|Trainer|Technician|Engineer|Therapist|Physiotherapist|Receptionist|Nurse|Dentist|Hygienist|Surgeon|Vet|Groomer|Mechanic|Officer|Coordinator|Supervisor|Consultant|Specialist|Assistant|Secretary|Treasurer|Captain) /u;

/**
 * The capitalised pairs the texts write as the start of a longer name ("Wattle Creek" of "Wattle Creek Boarding
 * Kennels & Cattery", "Oak Street" of "Oak Street Motors"): a business's or a place's name, whose "Wattle Creek is a
 * family-owned kennel" names no person. A person's first and last name are seldom followed by a third capitalised
 * word ("Tomasz Nowak is our head chef"); a name after a title stays a person's ("Dr Lucia Ferrer", "Owner Dale
 * Hutchins").
 */
export function namesOfThings(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(longName)) if (!/^(?:Dr|Mr|Mrs|Ms|Prof) /u.test(match[1]!) && !roleTitle.test(match[1]!) && !title.test(text.slice(0, match.index))) names.add(match[1]!);
  // "Lingua Viva es una academia …" beside "hola@linguaviva.es": a pair written joined as a web or mail domain is the
  // business's own name; a person's name stands before the "@", not after it.
  const domains = new Set(texts.flatMap((text) => [...text.matchAll(domainName)].map((match) => match[1]!.toLowerCase())));
  if (domains.size > 0) {
    for (const text of texts) for (const match of text.matchAll(capitalisedPair)) if (domains.has(fold(match[1]! + match[2]!))) names.add(`${match[1]} ${match[2]}`);
  }
  return names;
}

/** The name part of a web or mail domain ("linguaviva" of "hola@linguaviva.es", "www.linguaviva.es"). */
const domainName = /(?:@|\bwww\.|:\/\/)([\p{L}\p{N}-]+)\.\p{L}{2,}/gu;
const capitalisedPair = /(?<![\p{L}\p{N}])(?=(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]))/gu;
const fold = foldAccents;

/** Whether a sentence states a person (see answerPatterns.person) once the names of things in it are set aside. */
export function statesPerson(text: string, things: ReadonlySet<string>): boolean {
  const masked = text.split("");
  for (const name of things) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (title.test(text.slice(0, at))) continue;
      for (let index = at; index < at + name.length; index += 1) masked[index] = text[index]!.toLowerCase();
    }
  }
  return fitsAnswerType("person", masked.join(""));
}

/** A figure of money or a share ("£14", "20 euros", "10% off"): what "how much" asks for, more surely than "free". */
const moneyFigure = new RegExp(`(?:${currency}\\s?\\d|\\d[\\d.,]*\\s?${currency}|\\d\\s?%)`, "iu");

/**
 * Whether a price sentence only says that something costs nothing ("Mats are provided free"): it answers "How much
 * is X?" only when X is the free thing, so it weighs less there than a sentence stating a figure; asked "Is X
 * free?", "free" is the very fact asked for.
 */
export function statesOnlyFree(text: string): boolean {
  return answerPatterns.price.test(text) && !moneyFigure.test(text);
}

/** A figure of money ("£14", "20 euros", "19,50 €"), not a share. */
const moneyAmount = new RegExp(`(?:${currency}\\s?\\d|\\d[\\d.,]*\\s?${currency})`, "iu");
const share = /\d\s?%/u;
/** A word for a share off a price, in the languages read ("Rabatt" also inside a compound: "Studentenrabatt"). */
const discountWord = /(?<!\p{L})(?:discounts?|discounted|reductions?|concessions?|off|percent|percentage|descuentos?|rebajas?|rebajad[oa]s?|por ciento|porcentaje|r[ée]ductions?|remises?|pourcentage|pour ?cent|\p{L}*rabatt\p{L}*|erm[äa](?:ß|ss)ig\p{L}*|prozent\p{L}*)(?!\p{L})|%/iu;

/**
 * Whether a passage states a discount and no amount of money: a share ("10 %") under or beside a word for a discount
 * ("15 % de réduction", "¿Hay descuentos? … un 15 % de descuento", "Gibt es Rabatt? Ja, … 10 % auf alle Schnitte").
 * It says what comes off, not what anything costs; "3,5 % du séjour" (a price as a share of another) is a price.
 */
export function statesOnlyDiscount(text: string): boolean {
  return share.test(text) && !moneyAmount.test(text) && discountWord.test(text.replace(/\d\s?%/gu, ""));
}

/** "Is there a student discount?", "¿hay descuento?", "gibt es Studentenrabatt?", "how much % off": asks about a discount. */
export function asksForShare(question: string): boolean {
  return discountWord.test(question);
}

/** "Is it free?", "do kids go free": the question itself asks whether something costs nothing. */
export function asksIfFree(question: string): boolean {
  return /\b(?:free|gratis|no charge)\b/iu.test(question);
}

/** "once a year", "every 2 years", "twice a month": a span of time counted per period is a frequency, not a duration. */
const perPeriod = /\b(?:once|twice|every|each|per|times)\s+$/iu;

const fitsOfType = new Map<AnswerType, (text: string) => boolean>();

/** Whether a sentence states the kind of fact the question wants. */
export function fitsAnswerType(type: AnswerType | null, text: string): boolean {
  if (type === null) return false;
  let fits = fitsOfType.get(type);
  if (!fits) fitsOfType.set(type, (fits = rememberedByText(FITS_KEPT, (sentence) => statesAnswerType(type, sentence))));
  return fits(text);
}

/** fitsAnswerType, computed. */
function statesAnswerType(type: AnswerType, text: string): boolean {
  if (germanAnswerPatterns[type]?.test(text) || frenchAnswerPatterns[type]?.test(text) || spanishAnswerPatterns[type]?.test(text)) return true;
  // "We're at 112 Remembrance Drive": a street address places, whatever word names the street.
  if (type === "place" && statesStreetAddress(text)) return true;
  if (type !== "duration") return answerPatterns[type].test(text);
  const durations = new RegExp(answerPatterns.duration.source, "giu");
  for (const match of text.matchAll(durations)) if (!perPeriod.test(text.slice(0, match.index))) return true;
  return false;
}

/**
 * Question words that name the kind of fact rather than a topic ("cost", "how long", "address", "ring"): a
 * sentence stating that kind of fact covers them, although it rarely repeats the word.
 */
const typeWords: Record<AnswerType, RegExp> = {
  price: /^(?:cost|costs|price|prices|priced|fee|fees|charge|charges|expensive|cheap|rate|rates|pay|much|free|discount|discounts|discounted|reduction|reductions|concession|concessions)$/u,
  duration: /^(?:long|time|duration|take|takes|last|lasts|late|early)$/u,
  frequency: /^(?:often|frequently|times)$/u,
  time: /^(?:when|time|hours|open|opening|close|closing|late|early|latest|earliest)$/u,
  person: /^(?:who|whom|person)$/u,
  place: /^(?:where|address|located|location|directions|find)$/u,
  phone: /^(?:phone|call|ring|number|telephone|hotline)$/u,
  email: /^(?:e|email|mail|address|adresse|courriel|correo|electronico|direccion|mailadresse|emailadresse)$/u,
  quantity: /^(?:many|number|limit|maximum|minimum|capacity)$/u,
  age: /^(?:old|age|aged|ages)$/u,
  distance: /^(?:far|distance|away)$/u,
  // Also no content words at all in answering (text-analysis.ts): no sentence says "happens", so the word only took weight
  // from every sentence's share of the question's words.
  consequence: /^(?:happens|happen|happened)$/u,
};

/** Whether a question word only says what kind of fact is wanted (see typeWords). */
export function isAnswerTypeWord(type: AnswerType | null, term: string): boolean {
  return type !== null && (typeWords[type].test(term) || [germanTypeWords, frenchTypeWords, spanishTypeWords].some((words) => words[type]?.test(term) ?? false));
}

/** A street address ("14 Oak Street", "Calle Mayor 3"): "near the garage" is a place, but not an address. */
const streetAddress = /\b\d+[a-z]?,?\s+(?:\p{Lu}\p{Ll}+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Way|Drive|Boulevard)\b|\b(?:calle|avenida|plaza|rue|via)\s+\p{Lu}/u;

/** Whether a text holds a street address ("14 Oak Street", "Calle Mayor 3"). */
export function statesStreetAddress(text: string): boolean {
  return streetAddress.test(text) || germanStreetAddress.test(text) || spanishStreetAddress.test(text);
}

/** Whether a sentence states the fact a type word asks for: as fitsAnswerType, but "address" wants a street address. */
export function statesTypeWord(type: AnswerType | null, term: string, text: string): boolean {
  if (!isAnswerTypeWord(type, term) || !fitsAnswerType(type, text)) return false;
  return type !== "place" || statesStreetAddress(text);
}

/** "Who should I contact about …", "Who do I write to …": asking whom to reach, which a way to reach answers too. */
const contactVerb = /\b(?:contact|reach|write to|e-?mail)\b/iu;
/** A way to reach someone: an email address, a phone number, "contact us by email", "email us". */
const contactChannel = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|\+?\d[\d ().-]{6,}\d|\b(?:contact|write to|reach) us\b|\be-?mail us\b|\bby e-?mail\b/iu;

/** Whether a sentence answers a person question by saying how to reach someone ("contact us by email"). */
export function statesContactFor(question: string, text: string): boolean {
  return contactVerb.test(question) && contactChannel.test(text);
}

/**
 * "Appointments cancelled with less notice are charged at half the fee", "Later cancellations and no-shows lose the
 * class": the sentence says what is done once a case happens (doneThen), not only the case ("We ask for 24 hours'
 * notice if you need to cancel") nor what must or can be done ("All pets must be treated for fleas before they
 * arrive", "can be returned within 30 days"): a rule or a permission, which the consequence sits beside.
 */
const whatIsDoneThen = new RegExp(`\\b(?:${doneThen})\\b`, "iu");
const obligedOrAllowed = /\b(?:must|should|can|may|need to|needs to|have to|has to)\s+(?:\p{L}+ly\s+)?be\b/iu;
export function statesWhatIsDoneThen(sentence: string): boolean {
  return whatIsDoneThen.test(sentence) && !obligedOrAllowed.test(sentence);
}
