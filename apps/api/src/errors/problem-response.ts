import type { AppError } from "@frontdesk/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error leaves the API as an RFC 9457 problem body (`application/problem+json`). */
export function problemJson(c: Context, error: AppError, headers: Record<string, string> = {}): Response {
  return c.json(error.toProblem(), error.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...headers,
  });
}
