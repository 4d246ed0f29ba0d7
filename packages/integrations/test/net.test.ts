import { describe, expect, it } from "vitest";
import { assertPublicDestination, isPrivateAddress } from "../src/net/assert-public-destination";

describe("private destination guard", () => {
  it("classifies loopback, private, link-local (metadata) and mapped addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it("checks resolved addresses for names and IP literals", async () => {
    await expect(assertPublicDestination("localhost", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("[::1]", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("169.254.169.254", "webhook")).rejects.toMatchObject({ code: "blocked_destination" });
    await expect(assertPublicDestination("8.8.8.8", "webhook")).resolves.toBeUndefined();
  });
});
