/**
 * One spelling per page, so two links to the same page dedupe: http(s) only, no fragment, no credentials,
 * query parameters sorted, and no trailing slash on paths (the root stays "/"). Returns null for anything
 * that is not an http(s) URL.
 */
export function canonicalizeUrl(input: string | URL, base?: string | URL): string | null {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.replace(/\/+$/, "") || "/";
  // URLSearchParams.sort() rewrites "?" alone to "", which is what we want.
  return url.href;
}
