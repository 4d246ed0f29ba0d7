import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpFake } from "../../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { BOT_NUMBER, connectEmail, connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// "A quiet lead → follow-up sent, cancelled by a reply": the sequence runs as step.waitForEvent with the step's
// delay as timeout, in the in-process executor (no Inngest server), against the Twilio and SMTP fakes.

let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let hook: string;

beforeAll(async () => {
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  await connectEmail(env.t.app, a, smtp.port);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Prices", text: "A cleaning at Harbor Dental costs 80 euros. Whitening costs 250 euros." });
  await env.t.deps.events.drain();
  hook = `/api/webhooks/twilio/${a.botPublicKey}`;
}, 120_000);
afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

const smsTo = (number: string) => env.fake.messages.filter((m) => m.To === number);
const followUpsIn = (conversationVisitor: string) =>
  env.t.deps.prisma.message.findMany({
    where: { organizationId: a.organizationId, conversation: { visitorId: conversationVisitor }, metadata: { path: ["type"], equals: "follow_up" } },
    orderBy: { createdAt: "asc" },
  });

describe("follow-up settings", () => {
  // tRPC's bots.update takes the same updateBotInput, so the same rules hold there.
  it("are set with PATCH /bots/{id}, validated naming the field, and returned by GET", async () => {
    const bad = await call("PATCH", `/api/v1/bots/${a.botId}`, { followUps: [{ after: "soon", channel: "fax", message: "" }] });
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(["followUps.0.after", "followUps.0.channel", "followUps.0.message"]);
    const sequence = [
      { after: "3s", channel: "sms", message: "Hi {name}, still thinking about that cleaning? Reply here to book." },
      { after: "500ms", channel: "email", message: "A last note: cleanings are 80 euros.", subject: "Your cleaning at Harbor Dental" },
    ];
    const ok = await call("PATCH", `/api/v1/bots/${a.botId}`, { followUps: sequence });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ followUps: sequence });
    expect(await (await call("GET", `/api/v1/bots/${a.botId}`)).json()).toMatchObject({ followUps: sequence });
  });
});

describe("a lead who goes quiet", () => {
  it("gets the sequence: an SMS on the conversation, then an email, each once", async () => {
    const visitor = "+14155550201";
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Hi, my name is Ana. How much is a cleaning? My email is ana.quiet@example.com"));
    await env.t.deps.events.drain();
    expect(smsTo(visitor)[0]!.Body).not.toContain("still thinking"); // the answer comes first
    await expect.poll(() => smsTo(visitor).length, { timeout: 10_000 }).toBe(2);
    expect(smsTo(visitor)[1]).toMatchObject({ From: BOT_NUMBER, Body: "Hi Ana, still thinking about that cleaning? Reply here to book." });
    await expect.poll(() => smtp.received.filter((m) => m.to.includes("ana.quiet@example.com")).length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes("ana.quiet@example.com"))!;
    expect(mail.raw).toContain("Subject: Your cleaning at Harbor Dental");
    expect(mail.raw).toContain("cleanings are 80 euros");
    await expect.poll(() => env.t.deps.events.waiting, { timeout: 5000 }).toBe(0);
    await env.t.deps.events.drain();

    const sent = await followUpsIn(visitor);
    expect(sent.map((m) => [(m.metadata as { channel: string }).channel, (m.metadata as { sentTo: string }).sentTo])).toEqual([
      ["sms", visitor],
      ["email", "ana.quiet@example.com"],
    ]);
    expect(sent[0]!.externalId).toMatch(/^SM[0-9a-f]{32}$/); // sent on the conversation: status callbacks find it
  });

  it("sends a 'same channel' step on the SMS conversation itself, and by email after a web chat", async () => {
    const patched = await call("PATCH", `/api/v1/bots/${a.botId}`, { followUps: [{ after: "500ms", channel: "same", message: "Anything else, {name}?" }] });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const visitor = "+14155550204";
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Hi, my name is Bea. How much is a cleaning?"));
    await env.t.deps.events.drain();
    await expect.poll(() => smsTo(visitor).filter((m) => m.Body?.startsWith("Anything else")).length, { timeout: 10_000 }).toBe(1);
    // The fake has the SMS once Twilio's API answered; the sender records the SID, then where it went (sentTo).
    await expect.poll(async () => ((await followUpsIn(visitor))[0]?.metadata as { sentTo?: string } | undefined)?.sentTo ?? null, { timeout: 10_000 }).not.toBeNull();
    const [onSms] = await followUpsIn(visitor);
    expect(onSms).toMatchObject({ externalId: expect.stringMatching(/^SM[0-9a-f]{32}$/), metadata: expect.objectContaining({ channel: "sms", sentTo: visitor }) });

    const web = await call("POST", "/api/v1/chat", { botId: a.botId, message: "How much is whitening?", visitor: { name: "Cal Web", email: "cal.web@example.com" } });
    expect(web.status).toBe(200);
    await env.t.deps.events.drain();
    await expect.poll(() => smtp.received.filter((m) => m.to.includes("cal.web@example.com")).length, { timeout: 10_000 }).toBe(1);
    expect(smtp.received.find((m) => m.to.includes("cal.web@example.com"))!.raw).toContain("Anything else, Cal?");
    await expect.poll(() => env.t.deps.events.waiting, { timeout: 5000 }).toBe(0);
  });

  it("stops when the lead replies: the waiting sequence ends at once and nothing more is sent", async () => {
    await call("PATCH", `/api/v1/bots/${a.botId}`, { followUps: [{ after: "4s", channel: "sms", message: "Still there?" }] });
    const visitor = "+14155550202";
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "How much is whitening?"));
    await env.t.deps.events.drain();
    expect(env.t.deps.events.waiting).toBe(1);
    // The reply asks for a person: the bot's handoff notice is no answer, so no new sequence starts.
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "Can I talk to a human please?"));
    await env.t.deps.events.drain();
    expect(env.t.deps.events.waiting).toBe(0); // woken by leads/conversation.engaged, well before its 4 s deadline
    const before = smsTo(visitor).length;
    await new Promise((resolve) => setTimeout(resolve, 4500));
    await env.t.deps.events.drain();
    expect(smsTo(visitor)).toHaveLength(before);
    expect(smsTo(visitor).some((m) => m.Body === "Still there?")).toBe(false);
    expect(await followUpsIn(visitor)).toHaveLength(0);
  });

  it("restarts from the latest answer when the lead writes again, so only the last answer is followed up", async () => {
    await call("PATCH", `/api/v1/bots/${a.botId}`, { followUps: [{ after: "3s", channel: "sms", message: "Any other questions?" }] });
    const visitor = "+14155550203";
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "How much is a cleaning?"));
    await env.t.deps.events.drain();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await postTwilioWebhook(env.t.app, hook, inboundSms(visitor, "And whitening?"));
    await env.t.deps.events.drain();
    expect(env.t.deps.events.waiting).toBe(1); // the first sequence stopped, the second waits
    await expect.poll(() => smsTo(visitor).filter((m) => m.Body === "Any other questions?").length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => env.t.deps.events.waiting, { timeout: 5000 }).toBe(0);
    expect(smsTo(visitor).filter((m) => m.Body === "Any other questions?")).toHaveLength(1);
  });
});
