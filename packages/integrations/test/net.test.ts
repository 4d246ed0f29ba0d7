import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { assertPublicDestination, isPrivateAddress, type ResolveHost } from "../src/net/assert-public-destination";
import { Agent, fetch } from "undici";
import { createPublicOnlyFetch } from "../src/net/public-only-fetch";

describe("private destination guard", () => {
  it("classifies loopback, private, link-local (metadata) and mapped addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    // NAT64 (would reach the embedded IPv4), IPv4-compatible ::/96, deprecated site-local fec0::/10, hex-mapped loopback.
    for (const a of ["64:ff9b::7f00:1", "64:ff9b::808:808", "::7f00:1", "::a00:1", "fec0::1", "feff::1", "::ffff:7f00:1", "::ffff:a00:1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "::ffff:808:808", "64:ff9c::1", "2001:db9::1"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it("checks resolved addresses for names and IP literals", async () => {
    await expect(assertPublicDestination("localhost", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("[::1]", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("169.254.169.254", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("8.8.8.8", "webhook")).resolves.toBeUndefined();
  });

  it("checks the address actually connected to, so a rebinding resolver cannot slip past the first check", async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end("internal secrets");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // A rebinding name: public on the first answer (the pre-check), loopback from then on (the connection).
      const answers: string[] = [];
      const rebinding: ResolveHost = async () => {
        const address = answers.length === 0 ? "93.184.216.34" : "127.0.0.1";
        answers.push(address);
        return [{ address, family: 4 }];
      };
      await expect(assertPublicDestination("rebind.test", "web", rebinding)).resolves.toBeUndefined();
      const guarded = createPublicOnlyFetch("web", rebinding);
      const failure = await guarded(`http://rebind.test:${port}/metadata`).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as { cause?: unknown }).cause).toMatchObject({ code: "blocked_destination", message: expect.stringMatching(/rebind\.test .*private/) });
      expect(answers).toEqual(["93.184.216.34", "127.0.0.1"]);
      expect(requests).toEqual([]);

      // What the pre-check alone would have let through: connecting with the rebinding answer reaches the server.
      const unguarded = new Agent({
        connect: {
          lookup: (hostname, options, callback) =>
            void rebinding(hostname).then((found) => (options.all ? callback(null, found) : callback(null, found[0]!.address, found[0]!.family))),
        },
      });
      const leaked = await fetch(`http://rebind.test:${port}/metadata`, { dispatcher: unguarded });
      expect(await leaked.text()).toBe("internal secrets");
      expect(requests).toEqual(["/metadata"]);
      await unguarded.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
