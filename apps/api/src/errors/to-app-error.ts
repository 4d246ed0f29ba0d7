import { AppError, type ErrorCode } from "@frontdesk/core";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { fieldsOf } from "./fields-of";

const codeByStatus: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
  503: "unavailable",
};

/**
 * Normalizes whatever a handler threw. AppErrors pass through; Hono's HTTPExceptions (malformed JSON, body
 * limits, unsupported media types) keep their status; anything else is an unexpected 500 whose details stay in
 * the log, never in the response.
 */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (error instanceof ZodError) {
    const fields = fieldsOf(error.issues);
    return { appError: new AppError("validation_failed", "Invalid input", { fields }), unexpected: false };
  }
  if (error instanceof HTTPException && codeByStatus[error.status]) {
    const code = codeByStatus[error.status] as ErrorCode;
    const message = error.message || defaultTitle(code);
    return { appError: new AppError(code, normalizeMessage(message)), unexpected: false };
  }
  return { appError: new AppError("internal", "Internal server error", { cause: error }), unexpected: true };
}

function normalizeMessage(message: string): string {
  return /malformed json/i.test(message) ? "Malformed JSON in request body" : message;
}

function defaultTitle(code: ErrorCode): string {
  return code.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());
}
