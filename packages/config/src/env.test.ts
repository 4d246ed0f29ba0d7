import { describe, expect, it } from "vitest";
import { loadConfig } from "./env";

describe("loadConfig", () => {
  it("applies defaults that make a bare machine work", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.ADMIN_PORT).toBe(3001);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EMBEDDING_PROVIDER).toBe("local");
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.adminUrl).toBe("http://localhost:3001");
    expect(config.UPLOAD_MAX_BYTES).toBe(25 * 1024 * 1024);
  });

  it("treats blank values as unset and derives URLs from ports", () => {
    const config = loadConfig({ DATABASE_URL: "  ", PORT: "4100", PUBLIC_URL: "https://bots.example.com/" });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(4100);
    expect(config.publicUrl).toBe("https://bots.example.com");
  });

  it("names every invalid variable", () => {
    expect(() => loadConfig({ PORT: "http", EMBEDDING_PROVIDER: "magic" })).toThrowError(/PORT[\s\S]*EMBEDDING_PROVIDER/);
  });
});
