import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maskSecret, redactSecretLookingKeys, resolveIntegrationKeyring, seal, unseal } from "./index";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "frontdesk-secrets-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("resolveIntegrationKeyring", () => {
  it("uses INTEGRATIONS_ENCRYPTION_KEYS when set, first key encrypting", () => {
    const keys = `k2:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`;
    const keyring = resolveIntegrationKeyring({ INTEGRATIONS_ENCRYPTION_KEYS: keys, FRONTDESK_DATA_DIR: tempDir() });
    expect(keyring.currentKeyId).toBe("k2");
    expect([...keyring.keys.keys()]).toEqual(["k2", "k1"]);
  });

  it("otherwise generates one key into the data dir (0600) and reuses it", () => {
    const dataDir = tempDir();
    const first = resolveIntegrationKeyring({ INTEGRATIONS_ENCRYPTION_KEYS: undefined, FRONTDESK_DATA_DIR: dataDir });
    const again = resolveIntegrationKeyring({ INTEGRATIONS_ENCRYPTION_KEYS: undefined, FRONTDESK_DATA_DIR: dataDir });
    expect(again.keys.get("k1")?.equals(first.keys.get("k1")!)).toBe(true);
    expect(statSync(join(dataDir, "integrations-keys")).mode & 0o777).toBe(0o600);
    const sealed = seal(first, { token: "abc" }, "row-1");
    expect(unseal(again, sealed.envelope, "row-1")).toEqual({ token: "abc" });
    expect(() => unseal(again, sealed.envelope, "row-2")).toThrow(/cannot be decrypted/);
  });
});

describe("masking and redaction", () => {
  it("masks long secrets to their last four characters and short ones entirely", () => {
    expect(maskSecret("pat-na1-0123456789abcdef")).toBe("••••cdef");
    expect(maskSecret("short")).toBe("••••");
  });

  it("redacts values under secret-looking keys at any depth", () => {
    expect(redactSecretLookingKeys({ title: "x", apiKey: "k", nested: [{ password: "p", note: "n" }], Authorization: "Bearer t" })).toEqual({
      title: "x",
      apiKey: "[redacted]",
      nested: [{ password: "[redacted]", note: "n" }],
      Authorization: "[redacted]",
    });
  });
});
