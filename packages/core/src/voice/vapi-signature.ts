import { createHmac } from "node:crypto";
import { secretsMatch } from "./voice-secret";

/** What an HMAC-signed Vapi request presents: the signature header, the optional timestamp header and the raw body. */
export interface VapiSignedRequest {
  signature: string;
  timestamp?: string | undefined;
  rawBody: string;
}

/** How far a signed timestamp may be from our clock before the request counts as a replay. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** Seconds (Vapi's default) or milliseconds since the epoch; anything else is no timestamp. */
function timestampMs(value: string): number | null {
  if (!/^\d{9,16}$/.test(value.trim())) return null;
  const number = Number(value);
  return number < 1e12 ? number * 1000 : number;
}

/**
 * Checks a Vapi HMAC credential's signature (Vapi's HmacAuthenticationPlan with its defaults: SHA-256 over
 * `{timestamp}.{body}`, or over the body alone when the timestamp is not included; hex or base64; an optional
 * `sha256=` prefix). A signed timestamp more than 5 minutes off is refused, so a captured request cannot be replayed
 * later. Older Vapi docs also describe the plain secret in X-Vapi-Signature; that is accepted as the secret it is.
 */
export function vapiSignatureMatches(secret: string, request: VapiSignedRequest, nowMs = Date.now()): boolean {
  const presented = request.signature.trim().replace(/^sha256=/i, "");
  if (!presented) return false;
  let payload = request.rawBody;
  if (request.timestamp !== undefined) {
    const at = timestampMs(request.timestamp);
    if (at === null || Math.abs(nowMs - at) > SIGNATURE_TOLERANCE_MS) return false;
    payload = `${request.timestamp.trim()}.${request.rawBody}`;
  }
  const digest = createHmac("sha256", secret).update(payload, "utf8").digest();
  // Every comparison runs, so timing says nothing about which form was close.
  const matches = [secretsMatch(digest.toString("hex"), presented.toLowerCase()), secretsMatch(digest.toString("base64"), presented), secretsMatch(secret, request.signature)];
  return matches.includes(true);
}
