import { foldAccents } from "../wording/fold-accents";
import type { AnswerUnit } from "./answer-units";
import { dayFit, namedDays } from "./named-days";

/**
 * "are you open on tuesdays", "a qué hora cerráis los sábados", "what time do you close on saturday": a question about
 * when the business opens is answered by its opening hours, a line naming days with the hours or "closed"
 * ("Monday and Tuesday: closed", "Sábados: 9:00–14:00", "Monday through Friday, 8 a.m. to 6 p.m."), not by another
 * sentence naming the day: a team member's row ("Marisol Vega; Usually working: Monday to Friday", "Nerea Gil; Días:
 * Lunes a sábado"), a discount "de lunes a jueves", parking "all day on weekends". Short lines of days and hours are
 * far in meaning from a whole question, and the day named scores as much in any sentence, so the other sentence often
 * comes first.
 */

/** Words asking when a place is open or closed, in English, Spanish, French and German (lower case, accents folded). */
const OPENING_WORDS = new Set([
  "open", "opens", "opening", "close", "closes", "closing", "closed", "shut", "shuts", "hours",
  "abris", "abre", "abren", "abrir", "abrimos", "abierto", "abierta", "abiertos", "abiertas", "cerrais", "cierra", "cierran", "cerrar", "cerrado", "cerrada", "cerrados", "cerradas", "horario", "horarios",
  "ouvert", "ouverte", "ouverts", "ouvertes", "ouvrez", "ouvre", "ouvrir", "fermez", "ferme", "fermee", "fermes", "fermees", "fermer", "horaire", "horaires",
  "offen", "geoffnet", "offnet", "offnen", "offnungszeiten", "schliesst", "schliessen", "geschlossen",
]);

/** "what year did you open", "seit wann habt ihr offen": since when the business exists, not its hours. */
const SINCE_WHEN = /(?<!\p{L})(?:year|years|did|opened|since|founded|ano|anos|desde|annee|depuis|jahr|seit)(?!\p{L})/u;

function foldedWords(text: string): string[] {
  return foldAccents(text).replace(/ß/gu, "ss").split(/[^\p{L}]+/u);
}

/**
 * Whether the question asks when the business is open or closed on a day it names: an opening or closing word and a
 * day ("on tuesdays", "los sábados", "entre semana"), not "since when". Without a day ("when does the pool open",
 * "are you open on christmas day") the hours of another thing or a holiday may answer, not a line of the week.
 */
export function asksOpeningHours(question: string): boolean {
  const folded = foldAccents(question);
  return !SINCE_WHEN.test(folded) && foldedWords(question).some((word) => OPENING_WORDS.has(word)) && namedDays(question, { everyDay: false }).size > 0;
}

/** A clock time ("9am", "8 a.m.", "9:00", "8h30", "10h", "18 Uhr", "noon") or the word closed, in four languages. */
const HOURS = /(?<![\p{L}\d])(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|\d{1,2}\s?h(?:\s?\d{2})?|\d{1,2}\s?uhr|noon|midnight|mediodia|medianoche|midi|minuit|closed|cerrado|cerrados|ferme|fermee|fermes|geschlossen|ruhetag)(?![\p{L}\d])/u;

/** A column label naming a person: "Name", "Nombre", "Nom", "Vorname" … */
const NAME_LABEL = /^(?:(?:full |first |last |staff |team member )?name|nombre(?: y apellidos)?|nom|prenom|vorname|nachname)$/u;

/** Whether the unit is a row of a team table or list: one of its columns is labelled as a person's name. */
export function isPersonRow(unit: AnswerUnit): boolean {
  return unit.fields !== undefined && unit.fields.some((field) => NAME_LABEL.test(foldAccents(field.label.trim())));
}

/**
 * Whether the unit states opening hours for a day the question names: it names that day (or a range or group of days
 * holding it) and hours or "closed", and is no person's row. A line under a heading names its days itself ("Saturday: 10am to
 * 11:30pm" under "Opening hours").
 */
export function statesOpeningHours(unit: AnswerUnit, question: string): boolean {
  if (isPersonRow(unit)) return false;
  const text = unit.fields ? unit.fields.map((field) => `${field.label}: ${field.value}`).join("; ") : unit.text;
  if (!HOURS.test(foldAccents(text)) || dayFit(namedDays(question, { everyDay: false }), text) !== 1) return false;
  // Said as opening hours: under a heading of them ("Opening hours", "Horario") or in a sentence saying so ("we are
  // closed on Mondays"); not parking "after 5pm and all day on weekends" under "Where to find us", nor a class of a
  // "Weekly timetable" ("Saturday — Time: 09:00; Class: Beginners' Yoga").
  return [unit.context ?? "", text].some((said) => foldedWords(said).some((word) => OPENING_WORDS.has(word)));
}
