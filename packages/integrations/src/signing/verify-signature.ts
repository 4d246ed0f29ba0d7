import { timingSafeEqual } from "node:crypto";
import { computeSignature } from "./sign-payload";

export type VerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "malformed_header" | "timestamp_out_of_tolerance" | "signature_mismatch" };

export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    // Unknown schemes (v0, v2…) are skipped so the format can evolve.
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Accepts when any v1 value matches any secret (both sides may be mid-rotation) and the timestamp is within
 * `toleranceSeconds` of `now` in either direction, which bounds replay of captured deliveries.
 */
export function verifySignature(opts: {
  secret: string | readonly string[];
  body: string | Uint8Array;
  header: string | null | undefined;
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}): VerifyResult {
  const parsed = opts.header ? parseSignatureHeader(opts.header) : null;
  if (!parsed) return { ok: false, reason: "malformed_header" };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (opts.toleranceSeconds ?? 300)) {
    return { ok: false, reason: "timestamp_out_of_tolerance" };
  }
  const secrets = typeof opts.secret === "string" ? [opts.secret] : opts.secret;
  let matched = false;
  // No early exit: the time taken doesn't reveal which candidate matched.
  for (const secret of secrets) {
    const expected = Buffer.from(computeSignature(secret, parsed.timestamp, opts.body), "hex");
    for (const candidate of parsed.signatures) {
      if (timingSafeEqual(expected, Buffer.from(candidate, "hex"))) matched = true;
    }
  }
  return matched ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: "signature_mismatch" };
}
