/** Stable error codes; transports map them to HTTP statuses (REST problem bodies, tRPC codes). */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const codeByStatus = new Map<number, ErrorCode>(
  (Object.entries(errorStatus) as Array<[ErrorCode, number]>).map(([code, status]) => [status, code]),
);

/** The error code for an HTTP status another library reported (Hono, better-auth), if we have one. */
export function errorCodeForStatus(status: number): ErrorCode | undefined {
  return codeByStatus.get(status);
}

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. "message" or "allowedOrigins.0". */
  field: string;
  message: string;
  /** For bulk input: which item (0-based index, or the source line for file imports) the problem is in. */
  row?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, message: string, options: { fields?: FieldProblem[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.fields = options.fields ?? [];
  }

  /** RFC 9457-style problem body every transport returns. */
  toProblem() {
    return {
      type: `https://frontdesk.dev/problems/${this.code}`,
      title: this.message,
      status: this.status,
      code: this.code,
      ...(this.fields.length > 0 ? { errors: this.fields } : {}),
    };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
