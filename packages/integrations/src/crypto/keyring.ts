export interface Keyring {
  /** Key id new ciphertexts are written with (the first entry). */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * Parses `k1:<base64 32 bytes>,k2:<base64 32 bytes>` (e.g. INTEGRATIONS_ENCRYPTION_KEYS). The first key encrypts;
 * all keys decrypt, so rotation is: prepend a new key, re-encrypt rows, then drop the old one.
 */
export function parseKeyring(value: string | undefined): Keyring {
  if (!value || !value.trim()) throw new Error("Integration encryption keyring is empty");
  const keys = new Map<string, Buffer>();
  let currentKeyId: string | undefined;
  for (const entry of value.split(",")) {
    const trimmed = entry.trim();
    const colon = trimmed.indexOf(":");
    if (colon <= 0) throw new Error("Keyring entries must look like <id>:<base64 key>");
    const id = trimmed.slice(0, colon);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`Invalid key id "${id}"`);
    const key = Buffer.from(trimmed.slice(colon + 1), "base64");
    if (key.length !== 32) throw new Error(`Key "${id}" must be 32 bytes (base64), got ${key.length}`);
    if (keys.has(id)) throw new Error(`Duplicate key id "${id}"`);
    keys.set(id, key);
    currentKeyId ??= id;
  }
  return { currentKeyId: currentKeyId as string, keys };
}
