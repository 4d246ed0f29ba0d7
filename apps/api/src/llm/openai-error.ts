import type { Context, ErrorHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { toAppError } from "../errors";

const openAiType: Record<number, string> = { 401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_exceeded" };

/**
 * Errors for OpenAI-compatible clients: the usual problem body plus OpenAI's `error` object (`message`, `type`,
 * `param` = the first offending field, `code`), which the official SDKs read.
 */
export function openAiErrorHandler(logger: Logger): ErrorHandler {
  return (error, c: Context) => {
    const { appError, unexpected } = toAppError(error);
    if (unexpected) logger.error({ err: error, path: c.req.path }, "unhandled error");
    const problem = appError.toProblem();
    const body = {
      ...problem,
      error: {
        message: appError.message,
        type: openAiType[appError.status] ?? (appError.status >= 500 ? "server_error" : "invalid_request_error"),
        param: appError.fields[0]?.field ?? null,
        code: appError.code,
      },
    };
    return c.json(body, appError.status as ContentfulStatusCode, { "content-type": "application/json" });
  };
}
