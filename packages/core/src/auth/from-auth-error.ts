import { isAPIError } from "better-auth/api";
import { AppError, errorCodeForStatus } from "../errors";


/** better-auth throws its own APIError from server calls; services speak AppError. */
export function fromAuthError(error: unknown): unknown {
  if (!isAPIError(error)) return error;
  const body = (error.body ?? {}) as { code?: string; message?: string };
  const message = body.message ?? error.message;
  if (body.code === "USER_ALREADY_EXISTS" || body.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
    return new AppError("conflict", "A user with this email already exists", {
      fields: [{ field: "email", message: "already registered" }],
      cause: error,
    });
  }
  return new AppError(errorCodeForStatus(error.statusCode) ?? "internal", message, { cause: error });
}
