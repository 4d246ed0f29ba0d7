import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";

/** What every limiter and log line calls the request's client. */
export type ClientIpOf = (c: Context) => string;

/** Requests that did not come through a socket (app.request in tests) share this address. */
export const UNKNOWN_CLIENT = "unknown";

type Trust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as proxy-addr's trust function. Unset, "0" or "false": nothing is trusted, so X-Forwarded-For is
 * ignored and the socket's address is the client. A number N: the N nearest hops are our proxies (each appends
 * the address it saw, so the client is the entry N from the right). Otherwise a comma list of proxy addresses or
 * CIDRs (proxy-addr's names loopback, linklocal, uniquelocal too): the client is the nearest address not in it.
 * "true" (trust every hop) is refused: anyone could then choose their own address.
 */
export function parseTrustProxy(value: string | undefined): Trust | null {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "false" || text === "0") return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0 || entries.includes("true")) {
    throw new Error(`TRUST_PROXY: expected a hop count or a comma list of proxy addresses/CIDRs, got "${value}"`);
  }
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message} in "${value}"`, { cause: error });
  }
}

/** ::ffff:203.0.113.9 (an IPv4 client on a dual-stack socket) → 203.0.113.9, so one client has one spelling. */
function canonical(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/**
 * The one place the API decides who the client is (TRUST_PROXY): X-Forwarded-For is believed only as far as
 * the trusted proxies go, so a visitor behind a proxy gets their own address and a directly exposed server
 * ignores the header entirely.
 */
export function createClientIp(trustProxy: string | undefined): ClientIpOf {
  const trust = parseTrustProxy(trustProxy);
  return (c) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const socketAddress = incoming?.socket?.remoteAddress;
    if (!incoming || !socketAddress) return UNKNOWN_CLIENT;
    return canonical(trust ? proxyAddr(incoming, trust) : socketAddress);
  };
}

/**
 * The bucket an address is limited in: an IPv4 address alone, an IPv6 address by its /64 (one subscriber's
 * network hands out a whole /64, so single addresses would give one client billions of buckets).
 */
export function rateLimitKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(":")}::/64`;
}
