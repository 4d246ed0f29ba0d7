import { parse } from "csv-parse/sync";
import { decodeText } from "./decode-text";
import { ExtractionError } from "./extraction-error";

export interface CsvTable {
  headers: string[];
  /** Data rows with 1-based line numbers of the source (header is line 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

/** Parses CSV (comma, semicolon or tab separated; quoted fields may span lines) into a header and rows. */
export function readCsvTable(bytes: Uint8Array): CsvTable {
  const source = decodeText(bytes).replace(/^\uFEFF/, "");
  const delimiter = guessDelimiter(source);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(source, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw new ExtractionError("corrupt", `CSV could not be read: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...data] = records;
  if (!header) throw new ExtractionError("empty", "The CSV file has no rows");
  const headers = header.record.map((name, i) => name || `column ${i + 1}`);
  return { headers, rows: data.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** The separator used most on the first line outside quotes. */
function guessDelimiter(source: string): string {
  const firstLine = source.slice(0, source.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** One row as `header: value` lines; empty cells are left out. */
export function rowToText(headers: string[], cells: string[]): string {
  return cells
    .map((value, i) => [headers[i] ?? `column ${i + 1}`, value.trim()] as const)
    .filter(([, value]) => value !== "")
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
}

const QUESTION_HEADERS = new Set(["question", "questions", "q", "pregunta", "preguntas", "frage", "faq", "query"]);
const ANSWER_HEADERS = new Set(["answer", "answers", "a", "respuesta", "respuestas", "antwort", "response", "reply"]);
const TAG_HEADERS = new Set(["tags", "tag", "etiquetas", "category", "categoria", "categoría"]);

export interface FaqColumns {
  question: number;
  answer: number;
  tags?: number;
}

/** Finds question/answer columns by (case-insensitive) header name; null when the CSV is not a FAQ list. */
export function findFaqColumns(headers: string[]): FaqColumns | null {
  const names = headers.map((h) => h.trim().toLowerCase());
  const question = names.findIndex((n) => QUESTION_HEADERS.has(n));
  const answer = names.findIndex((n) => ANSWER_HEADERS.has(n));
  if (question < 0 || answer < 0 || question === answer) return null;
  const tags = names.findIndex((n) => TAG_HEADERS.has(n));
  return { question, answer, ...(tags >= 0 ? { tags } : {}) };
}

export interface CsvFaqRow {
  /** 1-based source line of the row. */
  line: number;
  question: string;
  answer: string;
  tags: string[];
}

/** Question/answer rows of a FAQ CSV, or null when the file has no question and answer columns. */
export function readFaqCsv(bytes: Uint8Array): CsvFaqRow[] | null {
  const table = readCsvTable(bytes);
  const columns = findFaqColumns(table.headers);
  if (!columns) return null;
  return table.rows.map(({ line, cells }) => ({
    line,
    question: cells[columns.question]?.trim() ?? "",
    answer: cells[columns.answer]?.trim() ?? "",
    tags:
      columns.tags === undefined
        ? []
        : (cells[columns.tags] ?? "")
            .split(/[,;|]/)
            .map((tag) => tag.trim())
            .filter(Boolean),
  }));
}

/** CSV rows as self-contained records: one chunk per row, never cut inside a row. */
export function extractCsv(bytes: Uint8Array): { text: string; records: string[] } {
  const table = readCsvTable(bytes);
  const records = table.rows.map(({ cells }) => rowToText(table.headers, cells)).filter((text) => text !== "");
  return { text: records.join("\n\n"), records };
}

/** A JSON value as readable `key: value` lines; nested keys are joined with dots, arrays of scalars with commas. */
export function recordToText(value: unknown, prefix = ""): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== "object")) {
      const joined = value.filter((item) => item !== null && item !== "").join(", ");
      return joined === "" ? [] : [prefix ? `${prefix}: ${joined}` : joined];
    }
    return value.flatMap((item, i) => recordToText(item, prefix ? `${prefix}.${i + 1}` : String(i + 1)));
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      recordToText(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  const text = String(value).trim();
  if (text === "") return [];
  return [prefix ? `${prefix}: ${text}` : text];
}

/**
 * JSON Lines: one record per line, each a self-contained chunk. Lines that are not JSON are skipped and
 * listed (with their line numbers) in `warnings`; a file with no valid line at all fails.
 */
export function extractJsonLines(bytes: Uint8Array): { text: string; records: string[]; warnings: string[] } {
  const lines = decodeText(bytes).replace(/^\uFEFF/, "").split(/\r?\n/);
  const records: string[] = [];
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const text = recordToText(JSON.parse(line)).join("\n");
      if (text !== "") records.push(text);
    } catch (error) {
      warnings.push(`line ${i + 1}: ${(error as Error).message}`);
    }
  });
  if (records.length === 0) {
    const detail = warnings.length > 0 ? `: ${warnings.slice(0, 5).join("; ")}${warnings.length > 5 ? " …" : ""}` : "";
    throw new ExtractionError(warnings.length > 0 ? "corrupt" : "empty", `No valid JSON lines found${detail}`);
  }
  return { text: records.join("\n\n"), records, warnings };
}
