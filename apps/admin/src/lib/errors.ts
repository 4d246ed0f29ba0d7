import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  code?: string;
  httpStatus?: number;
  fields?: { field: string; message: string }[];
}

function dataOf(error: unknown): ErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return dataOf(error)?.code === "UNAUTHORIZED";
}

/** One line for the UI: the API's message plus any field problems it named. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = dataOf(error)?.fields ?? [];
  if (fields.length === 0) return error.message;
  return `${error.message}: ${fields.map((problem) => `${problem.field} ${problem.message}`).join("; ")}`;
}
