import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptConfig, encryptConfig, needsReencryption, parseKeyring, reencryptConfig } from "../src/crypto";

const k = () => randomBytes(32).toString("base64");
const config = { accessToken: "pat-na1-secret", portalId: 42 };

describe("config encryption", () => {
  it("round-trips JSON and never stores the plaintext", () => {
    const keyring = parseKeyring(`k1:${k()}`);
    const sealed = encryptConfig(config, keyring);
    expect(sealed.keyId).toBe("k1");
    expect(JSON.stringify(sealed)).not.toContain("pat-na1-secret");
    expect(Buffer.from(sealed.iv, "base64")).toHaveLength(12);
    expect(decryptConfig(sealed, keyring)).toEqual(config);
    expect(encryptConfig(config, keyring).iv).not.toBe(sealed.iv);
  });

  it("detects tampering with ciphertext, tag, iv or associated data", () => {
    const keyring = parseKeyring(`k1:${k()}`);
    const sealed = encryptConfig(config, keyring, "integration:abc");
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64");
    };
    expect(() => decryptConfig({ ...sealed, ciphertext: flip(sealed.ciphertext) }, keyring, "integration:abc")).toThrow(
      /failed authentication/,
    );
    expect(() => decryptConfig({ ...sealed, tag: flip(sealed.tag) }, keyring, "integration:abc")).toThrow();
    expect(() => decryptConfig({ ...sealed, iv: flip(sealed.iv) }, keyring, "integration:abc")).toThrow();
    expect(() => decryptConfig(sealed, keyring, "integration:other")).toThrow(/failed authentication/);
    expect(decryptConfig(sealed, keyring, "integration:abc")).toEqual(config);
  });

  it("rotates: new key encrypts, old key still decrypts, re-encryption moves rows", () => {
    const old = k();
    const before = parseKeyring(`k1:${old}`);
    const sealed = encryptConfig(config, before);
    const after = parseKeyring(`k2:${k()},k1:${old}`);
    expect(after.currentKeyId).toBe("k2");
    expect(decryptConfig(sealed, after)).toEqual(config);
    expect(needsReencryption(sealed, after)).toBe(true);
    const moved = reencryptConfig(sealed, after);
    expect(moved.keyId).toBe("k2");
    expect(needsReencryption(moved, after)).toBe(false);
    expect(() => decryptConfig(sealed, parseKeyring(`k2:${k()}`))).toThrow(/Unknown encryption key id "k1"/);
  });

  it("rejects wrong keys and malformed keyrings", () => {
    expect(() => decryptConfig(encryptConfig(config, parseKeyring(`k1:${k()}`)), parseKeyring(`k1:${k()}`))).toThrow();
    expect(() => parseKeyring("")).toThrow(/empty/);
    expect(() => parseKeyring("k1:" + randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => parseKeyring(`nocolon`)).toThrow();
    const key = k();
    expect(() => parseKeyring(`k1:${key},k1:${key}`)).toThrow(/Duplicate/);
  });
});
