import { afterEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction, testIntegrationConnection, verifySignature } from "../src";
import { type FakeServer, sendJson, startServer } from "./fakes/http";

const secret = "whsec_0123456789abcdef";
// The receiver is on loopback, which owner-entered URLs may only reach when the deployment allows it.
const ctx = { allowPrivateNetworks: true };
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Receiver that behaves like a careful customer endpoint: verifies signature and tolerance before accepting. */
async function startReceiver(opts: { rateLimited?: boolean } = {}) {
  const received: { event: string | undefined; delivery: string | undefined; body: unknown }[] = [];
  server = await startServer((req, body, res) => {
    const check = verifySignature({ secret, body, header: req.headers["x-frontdesk-signature"] as string | undefined });
    if (!check.ok) return sendJson(res, 401, { error: check.reason });
    if (opts.rateLimited) return sendJson(res, 429, { error: "slow down" }, { "Retry-After": "7" });
    received.push({
      event: req.headers["x-frontdesk-event"] as string | undefined,
      delivery: req.headers["x-frontdesk-delivery"] as string | undefined,
      body: JSON.parse(body),
    });
    sendJson(res, 202, {});
  });
  return { url: `${server.url}/hooks`, received };
}

describe("webhook integration", () => {
  it("delivers a signed event the receiver verifies", async () => {
    const { url, received } = await startReceiver();
    const result = await runAction({
      integrationId: "webhook",
      action: "send_webhook",
      config: { url, secret },
      input: { event: "lead.created", data: { email: "a@b.com" } },
      ctx,
    });
    expect(result).toMatchObject({ delivered: true });
    expect(received).toHaveLength(1);
    expect(received[0]?.event).toBe("lead.created");
    expect(received[0]?.body).toMatchObject({ event: "lead.created", data: { email: "a@b.com" } });
    expect(received[0]?.delivery).toBe((result as { deliveryId: string }).deliveryId);
  });

  it("reports a wrong secret as a failed connection test", async () => {
    const { url } = await startReceiver();
    expect(await testIntegrationConnection({ integrationId: "webhook", config: { url, secret }, ctx })).toEqual({ ok: true });
    const bad = await testIntegrationConnection({ integrationId: "webhook", config: { url, secret: "x".repeat(20) }, ctx });
    expect(bad).toMatchObject({ ok: false, status: 401 });
  });

  it("surfaces 429 Retry-After for the retrying job", async () => {
    const { url } = await startReceiver({ rateLimited: true });
    const error = await runAction({
      integrationId: "webhook",
      action: "send_webhook",
      config: { url, secret },
      input: { event: "lead.created", data: {} },
      ctx,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 7 });
  });

  it("refuses private destinations unless the deployment allows them", async () => {
    const { url, received } = await startReceiver();
    const input = { event: "lead.created", data: {} };
    await expect(runAction({ integrationId: "webhook", action: "send_webhook", config: { url, secret }, input })).rejects.toMatchObject({ code: "blocked_destination" });
    const localhost = url.replace("127.0.0.1", "localhost");
    await expect(runAction({ integrationId: "webhook", action: "send_webhook", config: { url: localhost, secret }, input })).rejects.toMatchObject({ code: "blocked_destination" });
    expect(await testIntegrationConnection({ integrationId: "webhook", config: { url, secret } })).toMatchObject({ ok: false, error: expect.stringContaining("private") });
    expect(received).toHaveLength(0);
  });

  it("validates config and LLM input before any request", async () => {
    await expect(
      runAction({ integrationId: "webhook", action: "send_webhook", config: { url: "ftp://x", secret }, input: { event: "a", data: {} } }),
    ).rejects.toThrow(/url/);
    await expect(
      runAction({ integrationId: "webhook", action: "send_webhook", config: { url: "http://127.0.0.1:1/", secret }, input: { event: "Bad Event" } }),
    ).rejects.toThrow();
  });
});
