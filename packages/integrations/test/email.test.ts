import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import { runAction, testIntegrationConnection, type ResolveHost } from "../src";
import { socketThrough } from "../src/email/send-email";
import { startSmtpFake } from "./fakes/smtp-fake";

const ctx = { allowPrivateNetworks: true };

describe("email (SMTP via nodemailer) against smtp-server on 127.0.0.1", () => {
  let fake: Awaited<ReturnType<typeof startSmtpFake>>;
  let config: Record<string, unknown>;
  beforeEach(async () => {
    fake = await startSmtpFake({ username: "desk", password: "s3cret" });
    config = { host: "127.0.0.1", port: fake.port, requireTls: false, username: "desk", password: "s3cret", from: "Desk <desk@acme.test>", recipients: ["team@acme.test"] };
  });
  afterEach(() => fake.close());

  it("notifies the team with Reply-To set to the visitor", async () => {
    const result = await runAction({ integrationId: "email", action: "notify_team", config, input: { subject: "New lead", text: "Ada wants a demo", replyTo: "ada@example.com" }, ctx });
    expect(result).toMatchObject({ accepted: ["team@acme.test"] });
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]?.to).toEqual(["team@acme.test"]);
    expect(fake.received[0]?.raw).toContain("Subject: New lead");
    expect(fake.received[0]?.raw).toContain("Reply-To: ada@example.com");
    expect(fake.received[0]?.raw).toContain("Ada wants a demo");
  });

  it("refuses recipients outside the team unless allowAnyRecipient", async () => {
    const input = { to: "visitor@example.com", subject: "Your booking", text: "See you" };
    await expect(runAction({ integrationId: "email", action: "send_email", config, input, ctx })).rejects.toMatchObject({ code: "recipient_not_allowed" });
    expect(fake.received).toHaveLength(0);
    await runAction({ integrationId: "email", action: "send_email", config: { ...config, allowAnyRecipient: true }, input, ctx });
    expect(fake.received[0]?.to).toEqual(["visitor@example.com"]);
  });

  it("bad credentials fail with SMTP 535 and a failed connection test", async () => {
    expect(await testIntegrationConnection({ integrationId: "email", config, ctx })).toEqual({ ok: true });
    const bad = { ...config, password: "wrong" };
    expect(await testIntegrationConnection({ integrationId: "email", config: bad, ctx })).toMatchObject({ ok: false, status: 535 });
    await expect(runAction({ integrationId: "email", action: "notify_team", config: bad, input: { subject: "x", text: "y" }, ctx })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("a rejected mailbox surfaces the 550", async () => {
    const cfg = { ...config, recipients: ["bounce@acme.test"] };
    await expect(runAction({ integrationId: "email", action: "notify_team", config: cfg, input: { subject: "x", text: "y" }, ctx })).rejects.toMatchObject({ status: 550 });
  });

  it("refuses a private SMTP host unless the deployment allows it", async () => {
    await expect(runAction({ integrationId: "email", action: "notify_team", config, input: { subject: "x", text: "y" } })).rejects.toMatchObject({ code: "blocked_destination" });
    expect(fake.received).toHaveLength(0);
  });

  it("checks the SMTP host at connect time: a name that rebinds to a private address after the early check is refused", async () => {
    const answers: string[] = [];
    const rebinding: ResolveHost = async () => {
      const address = answers.length === 0 ? "93.184.216.34" : "127.0.0.1";
      answers.push(address);
      return [{ address, family: 4 }];
    };
    const named = { ...config, host: "smtp.rebind.test" };
    const input = { subject: "x", text: "y" };
    await expect(runAction({ integrationId: "email", action: "notify_team", config: named, input, ctx: { resolveHost: rebinding } })).rejects.toMatchObject({
      code: "blocked_destination",
      message: expect.stringMatching(/smtp\.rebind\.test .*private or reserved address at connect time/),
    });
    expect(answers).toEqual(["93.184.216.34", "127.0.0.1"]); // checked first, then on the connection itself
    expect(fake.connections).toBe(0);
    expect(fake.received).toHaveLength(0);
  });

  it("sends mail over the socket it opens itself (the connect-time guard's path)", async () => {
    const lookups: string[] = [];
    const loopback: LookupFunction = (hostname, options, callback) => {
      lookups.push(hostname);
      if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
      else callback(null, "127.0.0.1", 4);
    };
    const transport = nodemailer.createTransport({ host: "smtp.acme.test", port: fake.port, auth: { user: "desk", pass: "s3cret" }, getSocket: socketThrough(loopback) });
    await transport.sendMail({ from: "desk@acme.test", to: "team@acme.test", subject: "Through our socket", text: "hi" });
    transport.close();
    expect(lookups).toEqual(["smtp.acme.test"]);
    expect(fake.received[0]?.raw).toContain("Subject: Through our socket");
  });

  it("by default refuses to send credentials without STARTTLS", async () => {
    const { requireTls: _ignored, ...strict } = config;
    expect(await testIntegrationConnection({ integrationId: "email", config: strict, ctx })).toMatchObject({ ok: false });
  });
});
