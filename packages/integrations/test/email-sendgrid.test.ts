import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction, testIntegrationConnection } from "../src";
import { deliverEmail, emailConfigSchema, sendViaSendgrid } from "../src/email";
import { startSendgridFake } from "./fakes/sendgrid-fake";
import { startSmtpFake } from "./fakes/smtp-fake";

const key = "SG.test-key.0123456789";
const statsOnlyKey = "SG.stats-only.0123456789";

describe("email: SendGrid v3 (@sendgrid/mail) first, SMTP (nodemailer) fallback", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
  let sendgrid: Awaited<ReturnType<typeof startSendgridFake>>;
  let config: Record<string, unknown>;
  const ctx = () => ({ allowPrivateNetworks: true, baseUrl: sendgrid.url, timeoutMs: 10_000 });
  const parsed = () => emailConfigSchema.parse(config);
  const message = { to: ["team@acme.test"], subject: "New lead", text: "Ada wants a demo", html: "<p>Ada wants a demo</p>", replyTo: "ada@example.com" };
  beforeEach(async () => {
    smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
    sendgrid = await startSendgridFake({ keys: { [key]: ["mail.send", "stats.read"], [statsOnlyKey]: ["stats.read"] }, verifiedSenders: ["desk@acme.test"] });
    config = { host: "127.0.0.1", port: smtp.port, requireTls: false, username: "desk", password: "s3cret", from: "Acme Desk <desk@acme.test>", recipients: ["team@acme.test"], sendgridApiKey: key };
  });
  afterEach(async () => {
    await smtp.close();
    await sendgrid.close();
  });

  it("sends through SendGrid with text first, then HTML, and never touches SMTP", async () => {
    const result = await deliverEmail(parsed(), ctx(), message);
    expect(result).toMatchObject({ via: "sendgrid", accepted: ["team@acme.test"], messageId: expect.stringMatching(/^[\w-]{10,}$/) });
    expect(result.fallbackReason).toBeUndefined();
    expect(sendgrid.sent).toHaveLength(1);
    expect(sendgrid.sent[0]).toMatchObject({
      from: { email: "desk@acme.test", name: "Acme Desk" },
      personalizations: [{ to: [{ email: "team@acme.test" }] }],
      subject: "New lead",
      reply_to: { email: "ada@example.com" },
      content: [{ type: "text/plain", value: "Ada wants a demo" }, { type: "text/html", value: "<p>Ada wants a demo</p>" }],
    });
    expect(smtp.received).toHaveLength(0);
  });

  it("without a SendGrid key it is plain SMTP", async () => {
    delete config.sendgridApiKey;
    expect(await deliverEmail(parsed(), ctx(), message)).toMatchObject({ via: "smtp", accepted: ["team@acme.test"] });
    expect(smtp.received).toHaveLength(1);
    expect(sendgrid.state.requests).toHaveLength(0);
  });

  it("falls back to SMTP when SendGrid answers 5xx", async () => {
    sendgrid.state.serverErrorNext = 1;
    const result = await deliverEmail(parsed(), ctx(), message);
    expect(result).toMatchObject({ via: "smtp", fallbackReason: "SendGrid 500: Internal server error" });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.raw).toContain("Subject: New lead");
    expect(smtp.received[0]?.raw).toContain("Content-Type: text/html");
  });

  it("falls back to SMTP when SendGrid does not answer within the timeout", async () => {
    sendgrid.state.hang = true;
    const result = await deliverEmail(parsed(), { ...ctx(), timeoutMs: 300 }, message);
    expect(result).toMatchObject({ via: "smtp", fallbackReason: expect.stringContaining("SendGrid timed out") });
    expect(smtp.received).toHaveLength(1);
  });

  it("a revoked key is a 401 unauthorized error, not a silent fallback", async () => {
    config.sendgridApiKey = "SG.revoked.000000000";
    const error = await deliverEmail(parsed(), ctx(), message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", message: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked" });
    expect(smtp.received).toHaveLength(0);
  });

  it("an unverified sender is SendGrid's 403", async () => {
    config.from = "Other <other@acme.test>";
    await expect(deliverEmail(parsed(), ctx(), message)).rejects.toMatchObject({ status: 403, code: "unauthorized", message: expect.stringContaining("verified Sender Identity") });
    config.sendgridFrom = "desk@acme.test";
    expect(await deliverEmail(parsed(), ctx(), message)).toMatchObject({ via: "sendgrid" });
  });

  it("SendGrid's 400 validation errors name the field", async () => {
    const error = await sendViaSendgrid({ ...parsed(), sendgridApiKey: key }, ctx(), { ...message, to: ["not-an-address"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", message: expect.stringContaining("personalizations.0.to: Does not contain a valid address.") });
    expect(smtp.received).toHaveLength(0);
  });

  it("429 carries retryAfterSeconds and does not fall back", async () => {
    sendgrid.state.rateLimitNext = 1;
    await expect(deliverEmail(parsed(), ctx(), message)).rejects.toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 7 });
    expect(smtp.received).toHaveLength(0);
  });

  it("the connection test checks SMTP and the SendGrid key's mail.send scope", async () => {
    const test = (cfg: unknown) => testIntegrationConnection({ integrationId: "email", config: cfg, ctx: ctx() });
    expect(await test(config)).toEqual({ ok: true, detail: "SMTP and SendGrid accepted the credentials" });
    expect(await test({ ...config, sendgridApiKey: "SG.revoked.000000000" })).toMatchObject({ ok: false, status: 401 });
    expect(await test({ ...config, sendgridApiKey: statsOnlyKey })).toMatchObject({ ok: false, status: 403, error: expect.stringContaining("mail.send") });
    await expect(test({ ...config, sendgridApiKey: "not-a-key" })).rejects.toThrow(/SG\./);
  });

  it("notify_team goes through SendGrid and reports the route", async () => {
    const result = await runAction({ integrationId: "email", action: "notify_team", config, input: { subject: "Hi", text: "There" }, ctx: ctx() });
    expect(result).toMatchObject({ via: "sendgrid", accepted: ["team@acme.test"] });
  });
});
