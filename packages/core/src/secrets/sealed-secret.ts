import {
  ConfigDecryptionError,
  decryptConfig,
  encryptConfig,
  type EncryptedConfig,
  type Keyring,
} from "@frontdesk/integrations";
import type { Prisma } from "@frontdesk/db";
import { z } from "zod";
import { AppError } from "../errors";

const envelopeSchema = z.object({ keyId: z.string(), iv: z.string(), tag: z.string(), ciphertext: z.string() });

/** Encrypts a value for one row (`rowId` is the AES-GCM associated data, so ciphertexts can't move between rows). */
export function seal(keyring: Keyring, value: unknown, rowId: string): { envelope: Prisma.InputJsonObject; keyId: string } {
  const envelope = encryptConfig(value, keyring, rowId);
  return { envelope: { ...envelope }, keyId: envelope.keyId };
}

/** Decrypts what seal() stored; a missing key or tampered row is a server-side problem, never shown in detail. */
export function unseal(keyring: Keyring, stored: unknown, rowId: string): unknown {
  const envelope = envelopeSchema.safeParse(stored);
  if (!envelope.success) throw new AppError("internal", "Stored secret is malformed");
  try {
    return decryptConfig(envelope.data as EncryptedConfig, keyring, rowId);
  } catch (error) {
    if (error instanceof ConfigDecryptionError) {
      throw new AppError("internal", "Stored secret cannot be decrypted with the configured keys", { cause: error });
    }
    throw error;
  }
}

/** "••••abcd" for long secrets, "••••" otherwise: enough to recognise a token, never enough to use it. */
export function maskSecret(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return text.length >= 16 ? `••••${text.slice(-4)}` : "••••";
}
