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

/**
 * Owner-entered destinations (webhook URLs, SMTP hosts) must not reach the server's own network (cloud metadata,
 * databases). Self-hosters who need internal endpoints opt in with ctx.allowPrivateNetworks. The check resolves
 * DNS once, so a rebinding resolver could still race it; the connect-time guard is left for later.
 */
export async function assertPublicDestination(host: string, provider: string): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch (error) {
    throw new IntegrationError({ provider, code: "unresolvable_destination", message: `Cannot resolve ${bare}: ${(error as Error).message}` });
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new IntegrationError({ provider, code: "blocked_destination", message: `${bare} resolves to a private or reserved address` });
  }
}
