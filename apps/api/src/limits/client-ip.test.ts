import { describe, expect, it } from "vitest";
import { parseTrustProxy, rateLimitKeyOf } from "./client-ip";

describe("parseTrustProxy", () => {
  it("trusts nothing when unset, empty, 0 or false", () => {
    for (const value of [undefined, "", " ", "0", "false", "FALSE"]) expect(parseTrustProxy(value)).toBeNull();
  });

  it("a hop count trusts that many nearest hops", () => {
    const trust = parseTrustProxy("2")!;
    expect([0, 1, 2].map((hop) => trust("203.0.113.1", hop))).toEqual([true, true, false]);
  });

  it("a list trusts its addresses, CIDRs and named ranges only", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.0.2.4, loopback")!;
    expect(trust("10.1.2.3", 0)).toBe(true);
    expect(trust("192.0.2.4", 3)).toBe(true);
    expect(trust("::1", 0)).toBe(true);
    expect(trust("192.0.2.5", 0)).toBe(false);
    expect(trust("203.0.113.9", 0)).toBe(false);
  });

  it("refuses 'true' and anything that is not an address, failing start with the setting's name", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/8, true")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/TRUST_PROXY.*proxy\.internal/);
    expect(() => parseTrustProxy("10.0.0.0/99")).toThrow(/TRUST_PROXY/);
  });
});

describe("rateLimitKeyOf", () => {
  it("keys IPv4 by address (also when it arrives IPv4-mapped) and IPv6 by its /64", () => {
    expect(rateLimitKeyOf("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitKeyOf("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitKeyOf("2001:db8:1:2:aaaa::1")).toBe(rateLimitKeyOf("2001:db8:1:2:bbbb::2"));
    expect(rateLimitKeyOf("2001:db8:1:2::1")).not.toBe(rateLimitKeyOf("2001:db8:1:3::1"));
    expect(rateLimitKeyOf("unknown")).toBe("unknown");
  });
});
