const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Origins better-auth accepts cookie-carrying requests from: the admin and the public API. A loopback URL also
 * trusts its loopback aliases (same port), so opening the admin at 127.0.0.1 instead of localhost still works.
 */
export function trustedOrigins(urls: string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url);
    origins.add(parsed.origin);
    if (!loopbackHosts.includes(parsed.hostname)) continue;
    for (const host of loopbackHosts) {
      const alias = new URL(parsed.origin);
      alias.hostname = host;
      origins.add(alias.origin);
    }
  }
  return [...origins];
}
