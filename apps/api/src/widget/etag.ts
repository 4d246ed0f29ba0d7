import { createHash } from "node:crypto";
import type { Context } from "hono";

/**
 * JSON with a strong ETag (hash of the body) and the given Cache-Control; a matching If-None-Match gets an
 * empty 304, so a cached config costs the widget one small round trip.
 */
export function cacheableJson(c: Context, body: unknown, cacheControl: string): Response {
  const json = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
  c.header("etag", etag);
  c.header("cache-control", cacheControl);
  c.header("vary", "Origin, X-Frontdesk-Bot-Key");
  const ifNoneMatch = c.req.header("if-none-match") ?? "";
  if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    return c.body(null, 304);
  }
  return c.body(json, 200, { "content-type": "application/json" });
}
