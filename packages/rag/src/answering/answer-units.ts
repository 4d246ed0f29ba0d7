import { remembered } from "../remembered";
import { isFieldRecord } from "./field-records";
import { fieldsOfLines, isHeaderRow, isTableLine, isTableSeparator, rowFields, rowText, tableCells, tableKey, type RowField } from "./table-rows";
import { splitSentences } from "./text-analysis";
import { questionLanguage } from "./question-language";
import { leansOnSentenceBefore } from "./sentence-window";

/** A sentence of a passage with what it sits under: the heading or FAQ question of its section. */
export interface AnswerUnit {
  /** Index of the source passage. */
  source: number;
  /** Order of the sentence within its passage. */
  position: number;
  /** Sections of a passage are numbered in order; sentences of one section share its context. */
  section: number;
  text: string;
  /** The heading or FAQ question above the sentence; null at the top of a passage without one. */
  context: string | null;
  /** Whether the context is a question (an FAQ entry) rather than a title. */
  contextIsQuestion: boolean;
  /** A table row or a record: its cells with their column labels (see table-rows.ts). */
  fields?: readonly RowField[];
  /** The table the row belongs to (tableKey): rows of one table are compared with each other. */
  table?: string;
  /**
   * The sentence before this one in its paragraph, when this one names what it is about only by a pronoun or a
   * demonstrative ("It is served in the conservatory"; see sentence-window.ts): read like a heading, quoted with it.
   */
  leansOn?: string;
}

/** Sentences shorter than this are joined to the next one of their paragraph. */
const SHORT_SENTENCE = 16;
const markdownHeading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
/** "Q: …", "Question: …", "Pregunta: …", "Frage: …": the question of an FAQ entry. */
const faqQuestion = /^\s*(?:q|question|pregunta|p|frage|f)\s*[:.)]\s+(.+)$/iu;
/** "A: …", "Answer: …", "Respuesta: …", "Antwort: …": its answer, without the label. */
const faqAnswer = /^\s*(?:a|answer|respuesta|r|antwort)\s*[:.)]\s+(.+)$/iu;
const listMarker = /^\s*(?:[-*+>|•]|\d+[.)])\s+/;

/** Passages whose sentences are kept (see splitAnswerUnits). */
const UNITS_KEPT = 2_000;
const unitsOf = remembered(UNITS_KEPT, (content: string, source: number) => `${source}\u0000${content}`, (content: string, source: number): readonly AnswerUnit[] => readAnswerUnits(content, source));

/**
 * Splits a passage into answerable sentences, each with its context: Markdown headings, short title lines (a
 * few words, no digits, no closing punctuation, followed by text) and FAQ questions ("Q: …" or a line that is a
 * whole question) start a section and are never answers themselves. Remembered for the last UNITS_KEPT passages: an
 * answer splits the passages it reads once for each way of reading the question it composes, and a knowledge base's
 * passages come back question after question. The units are shared between callers (none changes one); the list
 * is a copy.
 */
export function splitAnswerUnits(content: string, source = 0): AnswerUnit[] {
  return [...unitsOf(content, source)];
}

function readAnswerUnits(content: string, source: number): AnswerUnit[] {
  const lines = content.split(/\r?\n/).map((line) => line.trim());
  const units: AnswerUnit[] = [];
  const language = questionLanguage(content);
  let context: string | null = null;
  let contextIsQuestion = false;
  let section = 0;
  let paragraph: string[] = [];
  const startSection = (title: string, isQuestion: boolean) => {
    flush();
    context = title.replace(/[:：]\s*$/u, "").trim();
    contextIsQuestion = isQuestion;
    section += 1;
  };
  let header: string[] | null = null;
  let tableId: string | null = null;
  const pushRow = (fields: RowField[], table: string) => {
    if (fields.length > 0) units.push({ source, position: units.length, section, text: rowText(fields), context, contextIsQuestion, fields, table });
  };
  const flush = () => {
    if (paragraph.length === 0) return;
    let pending = "";
    // A CSV row's "Field: value" lines are one record, read as one sentence (see isFieldRecord) with its fields.
    const record = isFieldRecord(paragraph) ? fieldsOfLines(paragraph) : null;
    if (record && !record.some((field) => /[.!?]\s/u.test(field.value))) {
      pushRow(record, tableKey([record[0]!.label]));
      paragraph = [];
      return;
    }
    // A sentence leans on the one before it in its paragraph (see sentence-window.ts), not across a list's items.
    const prose = !record && !paragraph.some((line) => listMarker.test(line));
    let before: string | undefined;
    for (const sentence of splitSentences(paragraph.join(record ? "; " : "\n"))) {
      // "Yes." or "From 9am." says little alone: it leads the sentence after it.
      const text = pending ? `${pending} ${sentence}` : sentence;
      if (text.length < SHORT_SENTENCE) {
        pending = text;
        continue;
      }
      const leansOn = prose && before !== undefined && leansOnSentenceBefore(text, language) ? before : undefined;
      units.push({ source, position: units.length, section, text, context, contextIsQuestion, ...(leansOn !== undefined ? { leansOn } : {}) });
      before = text;
      pending = "";
    }
    if (pending) units.push({ source, position: units.length, section, text: pending, context, contextIsQuestion });
    paragraph = [];
  };
  for (const [index, line] of lines.entries()) {
    // A Markdown table: the line above "| --- |" is its header; each row below is read with the header's labels.
    if (isTableLine(line)) {
      flush();
      const next = lines[index + 1];
      if (isTableSeparator(line)) continue;
      const cells = tableCells(line);
      if (next !== undefined && isTableSeparator(next)) {
        // A first row holding a value is data (a table without a header row): its rows stand without labels.
        header = isHeaderRow(cells) ? cells : cells.map(() => "");
        if (header.every((label) => label === "")) pushRow(rowFields(header, cells), `${source}:${index}`);
        tableId = `${source}:${index}`;
      } else pushRow(rowFields(header ?? [], cells), header && header.some(Boolean) ? tableKey(header) : (tableId ?? ""));
      continue;
    }
    header = null;
    tableId = null;
    const heading = markdownHeading.exec(line);
    if (heading) {
      startSection(heading[1]!, heading[1]!.trim().endsWith("?"));
      continue;
    }
    const question = faqQuestion.exec(line);
    if (question) {
      startSection(question[1]!, true);
      continue;
    }
    if (line === "") {
      flush();
      continue;
    }
    const next = lines.slice(index + 1).find((candidate) => candidate !== "");
    if (next !== undefined && isQuestionLine(line) && !isQuestionLine(next)) {
      startSection(line, true);
      continue;
    }
    if (next !== undefined && isTitleLine(line) && !isTitleLine(next) && !markdownHeading.test(next)) {
      startSection(line, false);
      continue;
    }
    // A passage opening with two title lines ("Spoke & Chain - buying a bike", then "Returns"): the first is the
    // document's title, never an answer. Further down, title-like lines in a row are kept (a list of short items).
    if (next !== undefined && isTitleLine(line) && units.length === 0 && paragraph.length === 0 && context === null && (isTitleLine(next) || markdownHeading.test(next))) {
      startSection(line, false);
      continue;
    }
    const answer = faqAnswer.exec(line);
    paragraph.push(answer ? answer[1]! : line);
  }
  flush();
  return units;
}

/** A line that is one question and nothing else (an FAQ question without a "Q:" label). */
function isQuestionLine(line: string): boolean {
  return line.length <= 200 && /[?？؟]$/u.test(line) && !listMarker.test(line) && !/[.!]\s/u.test(line);
}

/** A short title line: a few words, no digits, no closing punctuation ("Opening hours", "Our dentists"). */
function isTitleLine(line: string): boolean {
  if (line.length > 60 || listMarker.test(line) || /\p{N}/u.test(line) || /[.!?;,。؟]$/u.test(line)) return false;
  const words = line.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 8 && /\p{L}/u.test(line) && !line.includes(": ");
}

/** The sentence with its context in front when the context adds something (used for matching and for answers). */
export function withContext(unit: AnswerUnit): string {
  return unit.context && !unit.contextIsQuestion ? `${unit.context}: ${unit.text}` : unit.context ? `${unit.context} ${unit.text}` : unit.text;
}
