import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Frontdesk-Signature";
export const EVENT_HEADER = "X-Frontdesk-Event";
export const DELIVERY_HEADER = "X-Frontdesk-Delivery";

export function computeSignature(secret: string, timestamp: number, body: string | Uint8Array): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return hmac.digest("hex");
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. Several secrets (rotation) give several v1
 * values so receivers holding either the old or the new secret accept the delivery.
 */
export function signPayload(opts: {
  secret: string | readonly string[];
  body: string | Uint8Array;
  timestamp?: number;
}): { header: string; timestamp: number; signatures: string[] } {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const secrets = typeof opts.secret === "string" ? [opts.secret] : [...opts.secret];
  if (secrets.length === 0) throw new Error("signPayload needs at least one secret");
  const signatures = secrets.map((secret) => computeSignature(secret, timestamp, opts.body));
  return { header: [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(","), timestamp, signatures };
}

/** All headers of one outbound webhook delivery. */
export function webhookHeaders(opts: {
  secret: string | readonly string[];
  body: string;
  event: string;
  deliveryId: string;
  timestamp?: number;
}): Record<string, string> {
  const { header } = signPayload(opts);
  return {
    "Content-Type": "application/json",
    [SIGNATURE_HEADER]: header,
    [EVENT_HEADER]: opts.event,
    [DELIVERY_HEADER]: opts.deliveryId,
  };
}
