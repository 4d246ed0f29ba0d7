import { AppError, errorCodeForStatus, type ErrorCode } from "@frontdesk/core";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { fieldsOf } from "./fields-of";

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
  const code = error instanceof HTTPException ? errorCodeForStatus(error.status) : undefined;
  if (error instanceof HTTPException && code && code !== "internal") {
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
