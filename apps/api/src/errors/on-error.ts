import type { ErrorHandler } from "hono";
import type { Logger } from "pino";
import { problemJson } from "./problem-response";
import { toAppError } from "./to-app-error";

/** The API's single error renderer (installed with app.onError); sub-apps let errors bubble up to it. */
export function onError(logger: Logger): ErrorHandler {
  return (error, c) => {
    const { appError, unexpected } = toAppError(error);
    if (unexpected) logger.error({ err: error, method: c.req.method, path: c.req.path }, "unhandled error");
    else if (appError.status >= 500) logger.warn({ err: appError.cause ?? appError, path: c.req.path }, appError.message);
    return problemJson(c, appError);
  };
}
