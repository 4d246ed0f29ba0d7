import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./trusted-origins";

describe("trustedOrigins", () => {
  it("keeps public origins as they are", () => {
    expect(trustedOrigins(["https://admin.example.com/", "https://api.example.com"])).toEqual([
      "https://admin.example.com",
      "https://api.example.com",
    ]);
  });

  it("adds loopback aliases on the same port", () => {
    expect(trustedOrigins(["http://localhost:3001"]).sort()).toEqual(
      ["http://127.0.0.1:3001", "http://[::1]:3001", "http://localhost:3001"].sort(),
    );
  });
});
