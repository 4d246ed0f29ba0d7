import { AppError, formatBytes } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** Room for the multipart envelope and a title around the file itself. */
const ENVELOPE_BYTES = 1024 * 1024;

/**
 * Refuses oversized uploads before reading them: by Content-Length when the client sends one, else by counting
 * the streamed body. The service checks the file's own size again after parsing.
 */
export function uploadLimit(maxFileBytes: number): MiddlewareHandler {
  const maxBody = maxFileBytes + ENVELOPE_BYTES;
  const tooLarge = (size?: number) =>
    new AppError(
      "payload_too_large",
      size ? `file is ${formatBytes(size)}, limit is ${formatBytes(maxFileBytes)}` : `file is larger than the ${formatBytes(maxFileBytes)} limit`,
      { fields: [{ field: "file", message: `must be at most ${formatBytes(maxFileBytes)}` }] },
    );
  const streamed = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw tooLarge();
    },
  });
  return async function uploadLimitMiddleware(c, next) {
    const declared = Number(c.req.header("content-length"));
    if (Number.isFinite(declared) && declared > maxBody) throw tooLarge(declared);
    return streamed(c, next);
  };
}
