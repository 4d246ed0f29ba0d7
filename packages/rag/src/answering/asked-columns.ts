import { answerTypeOf, fitsAnswerType } from "./question-type";
import { hasTerm, wordsOf } from "./score-units";
import { rowText, type RowField } from "./table-rows";
import { contentTerms } from "./text-analysis";

/** How near in meaning a column's label is to the question (a cosine), when measured (see column-labels.ts). */
export type LabelSimilarity = (label: string) => number | undefined;

/**
 * Row × column: "what does a follow-up cost on a weekend" names a row ("Follow-up") and a column ("Evenings and
 * weekends"), or asks for a kind of value ("how much" → the price). A row is quoted with its name first, then the
 * cells of the columns the question names, then those holding the kind of value it asks for, then the others: in a
 * wide row the asked cell could otherwise come last, or past the answer's length.
 */
export function rowTextAsked(question: string, fields: readonly RowField[], labelSimilarity?: LabelSimilarity): string {
  return askedRowText(askedFields(question, fields, labelSimilarity));
}

/**
 * The row's fields in the order they answer the question: its name, the columns the question names (by a word of the
 * label in any form, or a day the label's span holds: "on a saturday" names "Evenings, weekends and holidays"), the
 * columns whose cells hold the kind of value asked for ("how much" → the prices), then the others. Among named or
 * typed columns, the label nearest the question in meaning comes first ("how much a month" → "Price per 4 weeks"
 * before "Price per week"), when measured.
 */
export function askedFields(question: string, fields: readonly RowField[], labelSimilarity?: LabelSimilarity): RowField[] {
  if (fields.length < 3) return [...fields];
  const terms = contentTerms(question);
  const type = answerTypeOf(question);
  const named = (field: RowField) => {
    if (field.label === "") return false;
    const said = wordsOf(question, field.label);
    return said.some((word) => hasTerm(terms, word)) || terms.some((term) => hasTerm(said, term));
  };
  const typed = (field: RowField) => !named(field) && fitsAnswerType(type, field.value);
  const nearest = (columns: RowField[]) => (labelSimilarity ? byMeaning(columns, labelSimilarity) : columns);
  // "if I'm not a member" names "Non-member rate" before "Member rate"; "for members" the other way round.
  const agrees = (field: RowField) => terms.every((term) => !hasTerm(wordsOf(question, field.label), term) || negated(question, term) === negated(field.label, term));
  const [first, ...rest] = fields;
  const namedColumns = rest.filter(named);
  // The column named before a column holding the kind of value asked for ("weekends" before "Regular hours: $79").
  return [
    first!,
    ...nearest(namedColumns.filter(agrees)),
    ...nearest(namedColumns.filter((field) => !agrees(field))),
    ...nearest(rest.filter(typed)),
    ...rest.filter((field) => !named(field) && !typed(field)),
  ];
}

/** Whether the text negates a word: "non-member", "not a member", "no deposit" (the stem's forms included). */
function negated(text: string, term: string): boolean {
  const stem = term.slice(0, Math.max(4, term.length - 2)).replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return new RegExp(`\\b(?:non|not|no|without)[\\s-]+(?:an?\\s+|any\\s+)?${stem}`, "iu").test(text);
}

/** Columns nearest the question in meaning first (a stable sort: unmeasured labels keep their place after them). */
function byMeaning(columns: readonly RowField[], labelSimilarity: LabelSimilarity): RowField[] {
  const near = (field: RowField) => labelSimilarity(field.label) ?? -Infinity;
  return [...columns].sort((a, b) => near(b) - near(a));
}

/**
 * A row as quoted: its name, then the asked cells with their column labels ("Two-piece suit — Cleaning: £14.50;
 * Notes: …"), so the visitor sees which row and which column were matched. A row whose first cell is no name (a
 * figure, a time) keeps every label ("Price: £14; Class: Yoga").
 */
export function askedRowText(fields: readonly RowField[]): string {
  const [first, ...rest] = fields;
  if (!first || rest.length === 0 || !namesItsRow(first.value)) return rowText(fields);
  return `${first.value} — ${rowText(rest)}`;
}

/** A first cell that names its row: words, not an amount or a time ("£14", "08:00", "20% off"). */
function namesItsRow(value: string): boolean {
  return /\p{L}/u.test(value) && !/^(?:\p{Sc}|\d{1,2}[:.]\d{2}\b|\d+(?:[.,]\d+)?\s?(?:%|\p{Sc}))/u.test(value);
}
