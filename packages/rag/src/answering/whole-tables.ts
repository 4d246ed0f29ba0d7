import { splitAnswerUnits } from "./answer-units";
import { isListQuestion } from "./list-questions";
import { superlativeOf } from "./superlatives";
import { constraintsOf } from "./value-constraints";

/**
 * A question over a whole table: "which towns do you cover", "the cheapest lesson", "units under €50 a month".
 * Search returns the topK passages most like the question (8 by default), but a CSV file's rows are chunks of their
 * own: a list of 20 towns came back as the 8 found, and the cheapest row could be the ninth. Such a question reads
 * the rest of the table's rows from its document too, up to WHOLE_TABLE_ROWS of them.
 */
export const WHOLE_TABLE_ROWS = 60;

/** Whether a question asks about a table's rows together: a list, a comparison, or a value constraint. */
export function readsWholeTable(question: string): boolean {
  return isListQuestion(question) || superlativeOf(question) !== null || constraintsOf(question).length > 0;
}

/** A passage read for an answer: the fields whole-table reading needs. */
export interface TablePassage {
  documentId: string;
  content: string;
}

/**
 * The tables (tableKey) each document among the first `read` passages (the answer's SOURCES_READ) holds rows of,
 * for a whole-table question; empty for any other question.
 */
export function tablesToComplete(question: string, hits: readonly TablePassage[], read: number): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  if (!readsWholeTable(question)) return tables;
  for (const hit of hits.slice(0, read)) {
    for (const unit of splitAnswerUnits(hit.content)) {
      if (!unit.table || !unit.fields) continue;
      tables.set(hit.documentId, (tables.get(hit.documentId) ?? new Set()).add(unit.table));
    }
  }
  return tables;
}

/** Whether a passage holds a row of one of the tables (see tablesToComplete). */
export function holdsRowOf(tables: ReadonlySet<string>, content: string): boolean {
  return splitAnswerUnits(content).some((unit) => unit.table !== undefined && tables.has(unit.table));
}
