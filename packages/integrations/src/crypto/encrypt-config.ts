import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

/** What gets stored: all base64; `keyId` names the keyring entry so old rows stay readable after rotation. */
export interface EncryptedConfig {
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export class ConfigDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigDecryptionError";
  }
}

/**
 * AES-256-GCM with a fresh 96-bit IV per call. `associatedData` (e.g. the integration row id) binds the
 * ciphertext to its row so it cannot be copied onto another one.
 */
export function encryptConfig(value: unknown, keyring: Keyring, associatedData?: string): EncryptedConfig {
  const key = keyring.keys.get(keyring.currentKeyId);
  if (!key) throw new Error("Current key missing from keyring");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return {
    keyId: keyring.currentKeyId,
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ciphertext.toString("base64"),
  };
}

export function decryptConfig(envelope: EncryptedConfig, keyring: Keyring, associatedData?: string): unknown {
  const key = keyring.keys.get(envelope.keyId);
  if (!key) throw new ConfigDecryptionError(`Unknown encryption key id "${envelope.keyId}"`);
  const iv = Buffer.from(envelope.iv, "base64");
  const tag = Buffer.from(envelope.tag, "base64");
  if (iv.length !== 12 || tag.length !== 16) throw new ConfigDecryptionError("Malformed encrypted config");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, "base64")), decipher.final()]);
    return JSON.parse(plaintext.toString("utf8"));
  } catch {
    throw new ConfigDecryptionError("Encrypted config failed authentication");
  }
}

export function needsReencryption(envelope: EncryptedConfig, keyring: Keyring): boolean {
  return envelope.keyId !== keyring.currentKeyId;
}

/** Rotation step for one row: decrypt with whichever key wrote it, encrypt with the current key. */
export function reencryptConfig(envelope: EncryptedConfig, keyring: Keyring, associatedData?: string): EncryptedConfig {
  return encryptConfig(decryptConfig(envelope, keyring, associatedData), keyring, associatedData);
}
