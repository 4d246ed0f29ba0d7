import { TRPCClientError } from "@trpc/client";

/** One problem the API named; bulk procedures add `row` (the item's index in what was sent). */
export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  fields?: FieldProblem[];
}

function dataOf(error: unknown): ErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return dataOf(error)?.code === "UNAUTHORIZED";
}

/** Procedures nest their payload (`{ id, data: {...} }`); users know the field, not the envelope. */
const fieldName = (path: string) => path.replace(/^data\./, "");

/** One line for the UI: the field problems the API named, else its message. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = dataOf(error)?.fields ?? [];
  if (fields.length === 0) return error.message;
  return fields.map((problem) => `${fieldName(problem.field)}: ${problem.message}`).join("; ");
}

/** The field problems of an API error (empty when it named none). */
export function fieldProblems(error: unknown): FieldProblem[] {
  return dataOf(error)?.fields ?? [];
}
