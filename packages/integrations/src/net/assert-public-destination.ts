import { lookup } from "node:dns/promises";
import { BlockList, isIPv4 } from "node:net";
import { IntegrationError } from "../errors";

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) privateRanges.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  privateRanges.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return privateRanges.check(mapped[1], "ipv4");
  return privateRanges.check(address, isIPv4(address) ? "ipv4" : "ipv6");
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
