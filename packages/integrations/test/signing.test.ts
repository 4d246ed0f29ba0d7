import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature, webhookHeaders } from "../src/signing";

const secret = "whsec_test";
const body = '{"event":"lead.created","data":{"email":"a@b.com"}}';
const t = 1_800_000_000;

describe("webhook signing", () => {
  it("produces t=<ts>,v1=<hex hmac of '<t>.<body>'> as documented", () => {
    const { header } = signPayload({ secret, body, timestamp: t });
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature within tolerance", () => {
    const { header } = signPayload({ secret, body, timestamp: t });
    expect(verifySignature({ secret, body, header, now: t + 299 })).toEqual({ ok: true, timestamp: t });
    expect(verifySignature({ secret, body, header, now: t - 299 }).ok).toBe(true);
  });

  it("rejects a tampered body", () => {
    const { header } = signPayload({ secret, body, timestamp: t });
    expect(verifySignature({ secret, body: body.replace("a@b", "x@b"), header, now: t })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
  });

  it("rejects the wrong secret and a tampered timestamp", () => {
    const { header } = signPayload({ secret, body, timestamp: t });
    expect(verifySignature({ secret: "other", body, header, now: t }).ok).toBe(false);
    const shifted = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySignature({ secret, body, header: shifted, now: t })).toEqual({ ok: false, reason: "signature_mismatch" });
  });

  it("rejects timestamps older than 5 minutes (replay)", () => {
    const { header } = signPayload({ secret, body, timestamp: t });
    expect(verifySignature({ secret, body, header, now: t + 301 })).toEqual({
      ok: false,
      reason: "timestamp_out_of_tolerance",
    });
    expect(verifySignature({ secret, body, header, now: t + 301, toleranceSeconds: 600 }).ok).toBe(true);
  });

  it("rejects missing or malformed headers", () => {
    for (const header of [undefined, "", "t=abc,v1=00", `t=${t}`, "v1=" + "a".repeat(64)]) {
      expect(verifySignature({ secret, body, header, now: t })).toEqual({ ok: false, reason: "malformed_header" });
    }
  });

  it("supports rotation: several v1 values and several receiver secrets", () => {
    const { header } = signPayload({ secret: ["old", "new"], body, timestamp: t });
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature({ secret: "old", body, header, now: t }).ok).toBe(true);
    expect(verifySignature({ secret: "new", body, header, now: t }).ok).toBe(true);
    expect(verifySignature({ secret: "neither", body, header, now: t }).ok).toBe(false);
    const single = signPayload({ secret: "new", body, timestamp: t }).header;
    expect(verifySignature({ secret: ["old", "new"], body, header: single, now: t }).ok).toBe(true);
  });

  it("builds the delivery headers", () => {
    const headers = webhookHeaders({ secret, body, event: "lead.created", deliveryId: "dlv_1", timestamp: t });
    expect(headers["X-Frontdesk-Event"]).toBe("lead.created");
    expect(headers["X-Frontdesk-Delivery"]).toBe("dlv_1");
    expect(verifySignature({ secret, body, header: headers["X-Frontdesk-Signature"], now: t }).ok).toBe(true);
  });
});
