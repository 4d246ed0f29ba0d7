import type { AppError } from "@frontdesk/core";

/** The problem body every transport returns for an AppError (same shape the app's onError renders). */
export function problemResponse(error: AppError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
