import { lookup } from "node:dns/promises";
import { BlockList, isIPv4 } from "node:net";
import { IntegrationError } from "../errors";

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) privateRanges.addSubnet(net, prefix, "ipv4");
// ::/96 (IPv4-compatible, includes :: and ::1), NAT64 64:ff9b::/96 (a NAT64 gateway would reach the IPv4 inside),
// unique-local fc00::/7, link-local fe80::/10, the deprecated site-local fec0::/10 and multicast ff00::/8.
for (const [net, prefix] of [["::", 96], ["64:ff9b::", 96], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8]] as const) {
  privateRanges.addSubnet(net, prefix, "ipv6");
}

/** The IPv4 inside an IPv4-mapped IPv6 address, dotted (::ffff:10.0.0.1) or hex (::ffff:a00:1). */
function mappedIPv4(address: string): string | undefined {
  const dotted = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) return dotted[1];
  const hex = address.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!hex?.[1] || !hex[2]) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isPrivateAddress(address: string): boolean {
  const lower = address.toLowerCase();
  const mapped = mappedIPv4(lower);
  if (mapped) return privateRanges.check(mapped, "ipv4");
  return privateRanges.check(lower, isIPv4(lower) ? "ipv4" : "ipv6");
}

/** Resolves a host name to every address it has (dns.lookup, like connections do); injectable for tests. */
export type ResolveHost = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolveHost: ResolveHost = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Owner-entered destinations (webhook URLs, SMTP hosts) must not reach the server's own network (cloud metadata,
 * databases). Self-hosters who need internal endpoints opt in with ctx.allowPrivateNetworks. This check resolves
 * DNS on its own, so a rebinding resolver could answer differently when the connection is made: HTTP callers
 * also connect through publicOnlyFetch, which checks the addresses actually connected to (see public-only-fetch.ts).
 */
export async function assertPublicDestination(host: string, provider: string, resolve: ResolveHost = systemResolveHost): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  try {
    addresses = await resolve(bare);
  } catch (error) {
    throw new IntegrationError({ provider, code: "unresolvable_destination", message: `Cannot resolve ${bare}: ${(error as Error).message}` });
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new IntegrationError({ provider, code: "blocked_destination", message: `${bare} resolves to a private or reserved address` });
  }
}
