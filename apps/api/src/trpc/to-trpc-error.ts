import { AppError, type ErrorCode } from "@frontdesk/core";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

const trpcCodeOf: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  bad_request: "BAD_REQUEST",
  validation_failed: "UNPROCESSABLE_CONTENT",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  rate_limited: "TOO_MANY_REQUESTS",
  internal: "INTERNAL_SERVER_ERROR",
  unavailable: "SERVICE_UNAVAILABLE",
};

/** Input the procedure's zod schema rejected: the same 422 problem the services' parseInput produces. */
function fromZodError(error: ZodError): AppError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError("validation_failed", `Invalid input: ${summary}`, { fields, cause: error });
}

/**
 * Normalizes whatever a procedure threw into a TRPCError whose cause is an AppError, so the HTTP status matches
 * the REST API's and the error formatter can attach the problem body.
 */
export function toTrpcError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof AppError) return new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
    const appError = fromZodError(cause);
    return new TRPCError({ code: trpcCodeOf[appError.code], message: appError.message, cause: appError });
  }
  return error;
}

/** The problem body for any tRPC error (AppError causes keep their own; others derive one from the code). */
export function problemOf(error: TRPCError, httpStatus: number) {
  if (error.cause instanceof AppError) return error.cause.toProblem();
  const code = error.code.toLowerCase();
  const title = error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : error.message;
  return { type: `https://frontdesk.dev/problems/${code}`, title, status: httpStatus, code };
}
