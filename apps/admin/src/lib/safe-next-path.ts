/** Only same-site paths may follow sign-in, so the `next` parameter cannot bounce users to another host. */
export function safeNextPath(next: string | string[] | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** `path` carrying `next` along (sign-in ↔ sign-up), unless it is the default landing page. */
export function withNext(path: string, next: string): string {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}
