import type { AppConfig } from "@frontdesk/config";
import { AppError, formatBytes } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";
import { uploadBodyMaxBytes } from "../rest/knowledge/upload-limit";
import { dropWebRest, refuseRest } from "./refused-body";

/** Inngest keeps up to 32 MB of state per function run and sends it with each step call; a little room on top. */
export const INNGEST_BODY_MAX_BYTES = 36 * 1024 * 1024;

/** REST and admin file uploads: their route counts the file while it streams (uploadLimit). */
const UPLOAD_PATH = /^\/api\/(?:v1|admin)\/knowledge\/bases\/[^/]+\/documents\/?$/;

export type BodyLimitConfig = Pick<AppConfig, "JSON_BODY_MAX_BYTES" | "WIDGET_BODY_MAX_BYTES" | "AUTH_BODY_MAX_BYTES" | "UPLOAD_MAX_BYTES">;

export interface BodyLimit {
  maxBytes: number;
  /** Checked by the route itself (uploads: declared length, then counted while the file streams). */
  countedByRoute: boolean;
}

/** The body limit of a path: every route has one, and a path no route serves gets the JSON one. */
export function bodyLimitFor(path: string, config: BodyLimitConfig): BodyLimit {
  if (path.startsWith("/api/widget/")) return { maxBytes: config.WIDGET_BODY_MAX_BYTES, countedByRoute: false };
  if (path.startsWith("/api/auth/")) return { maxBytes: config.AUTH_BODY_MAX_BYTES, countedByRoute: false };
  if (path === "/api/inngest") return { maxBytes: INNGEST_BODY_MAX_BYTES, countedByRoute: false };
  if (UPLOAD_PATH.test(path)) return { maxBytes: uploadBodyMaxBytes(config.UPLOAD_MAX_BYTES), countedByRoute: true };
  return { maxBytes: config.JSON_BODY_MAX_BYTES, countedByRoute: false };
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `Request body is larger than the ${formatBytes(maxBytes)} limit`, {
    fields: [{ field: "body", message: `must be at most ${formatBytes(maxBytes)}` }],
  });

/** A chunked body counted while it streams: its bytes, or the reader holding the rest as soon as it passes maxBytes. */
async function readCounted(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | { rest: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) return { rest: reader };
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body limits, before any route. A declared Content-Length over the path's limit is a 413 problem before a
 * byte of the body is read. A chunked body is counted as it streams and cut off at the limit. Either way the rest
 * is dropped as it arrives while the 413 goes out (refused-body.ts), so the client reads the 413 on a connection
 * that stays open. The body stream is not touched otherwise: a stream opened and left unread would stall the
 * server's drain and the connection would be reset under the client.
 */
export function bodyLimits(config: BodyLimitConfig): MiddlewareHandler {
  return async function bodyLimitsMiddleware(c, next) {
    const limit = bodyLimitFor(c.req.path, config);
    // Uploads answer a declared or counted excess themselves, naming the `file` field.
    if (limit.countedByRoute) return next();
    const declared = c.req.header("content-length");
    if (!c.req.header("transfer-encoding")) {
      if (declared !== undefined && Number(declared) > limit.maxBytes) throw tooLarge(limit.maxBytes);
      return next();
    }
    if (!c.req.raw.body) return next();
    const bytes = await readCounted(c.req.raw.body, limit.maxBytes);
    if ("rest" in bytes) {
      refuseRest(c, dropWebRest(bytes.rest));
      throw tooLarge(limit.maxBytes);
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    return next();
  };
}
