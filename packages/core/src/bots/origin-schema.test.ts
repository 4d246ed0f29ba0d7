import { describe, expect, it } from "vitest";
import { originSchema } from "./schemas";

describe("originSchema", () => {
  it("accepts origins and normalizes them", () => {
    expect(originSchema.parse("https://shop.example.com")).toBe("https://shop.example.com");
    expect(originSchema.parse("https://Shop.Example.com/")).toBe("https://shop.example.com");
    expect(originSchema.parse("http://localhost:5173")).toBe("http://localhost:5173");
    expect(originSchema.parse("https://example.com:443")).toBe("https://example.com");
  });

  it.each(["example.com", "https://example.com/path", "https://example.com?x=1", "ftp://example.com", "*", "https://*.example.com", "https://user@example.com"])(
    "rejects %s",
    (value) => {
      const result = originSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("is not an origin");
    },
  );
});
