/**
 * Include/exclude patterns for crawls: `*` matches any run of characters. A pattern starting with "/" is matched
 * against the URL's path and query, anything else against the whole URL.
 */
export function matchesUrlPattern(url: string, pattern: string): boolean {
  const parsed = new URL(url);
  const subject = pattern.startsWith("/") ? `${parsed.pathname}${parsed.search}` : parsed.href;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i").test(subject);
}

/** Exclusion wins; with no include patterns everything not excluded is in. */
export function passesUrlFilters(url: string, include: readonly string[], exclude: readonly string[]): boolean {
  if (exclude.some((pattern) => matchesUrlPattern(url, pattern))) return false;
  return include.length === 0 || include.some((pattern) => matchesUrlPattern(url, pattern));
}
