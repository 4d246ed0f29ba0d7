import type { Context } from "hono";

/** The widget's anonymous per-browser id travels in this header, never in a URL (where logs and referrers keep it). */
export const VISITOR_HEADER = "X-Frontdesk-Visitor";

/** The request's visitor id (trimmed), or undefined when the header is missing or blank. */
export function visitorIdOf(c: Context): string | undefined {
  return c.req.header(VISITOR_HEADER)?.trim() || undefined;
}

/**
 * A JSON body with the header's visitor id as `visitorId` (the services' input). A body's own `visitorId` is
 * used only when no header was sent: widgets built before the header still work, held by the IP limit alone.
 */
export function withVisitorId(c: Context, body: unknown): unknown {
  const visitorId = visitorIdOf(c);
  if (visitorId === undefined || typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return { ...body, visitorId };
}
