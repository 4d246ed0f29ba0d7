import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Server side of the widget's appearance, caching, rate limits, leads and human handoff, over the real app.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApi({ env: { WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "1000", WIDGET_RATE_LIMIT_PER_MINUTE_IP: "1000" } });
  a = await createTenant(t.deps, "Features");
  call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Hours", text: "We are open Monday to Friday from 9am to 5pm." });
  await t.deps.events.drain();
});
afterAll(() => t?.close());

async function newBot(body: Record<string, unknown> = {}): Promise<{ id: string; publicKey: string }> {
  const response = await call("POST", "/api/v1/bots", { name: "Desk", knowledgeBaseIds: [a.knowledgeBaseId], ...body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; publicKey: string };
}

const widget = (key: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  t.app.request(`/api/widget/v1${path}`, {
    method: init.method ?? "GET",
    headers: { "x-frontdesk-bot-key": key, ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

interface Done {
  conversationId: string;
  messageId: string;
  message: string;
  status: string;
  followUps: { id: string; role: string; content: string; form?: { fields: string[]; requiredFields: string[]; submitted: boolean } }[];
}

async function chat(key: string, body: Record<string, unknown>): Promise<Done> {
  const response = await widget(key, "/chat", { method: "POST", body, headers: { accept: "text/event-stream" } });
  expect(response.status, await response.clone().text()).toBe(200);
  const events = parseSse(await response.text());
  expect(events.at(-1)?.event, JSON.stringify(events.at(-1))).toBe("done");
  return JSON.parse(events.at(-1)!.data) as Done;
}

describe("bot appearance", () => {
  it("is validated, editable with PATCH and served in the widget config", async () => {
    const bot = await newBot();
    const appearance = {
      name: "Ada from Acme",
      avatarUrl: "https://cdn.acme.example/ada.png",
      primaryColor: "#e11d48",
      launcherLabel: "Questions?",
      position: "bottom-left",
      locale: "fr",
      suggestedQuestions: ["When are you open?", "Where do I park?"],
    };
    const patched = await call("PATCH", `/api/v1/bots/${bot.id}`, { appearance, greeting: "Bonjour !" });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { appearance: unknown }).appearance).toEqual(appearance);

    const config = await widget(bot.publicKey, "/config");
    const { name: _name, ...rest } = appearance;
    // Strings follow the bot's locale, or the embed's data-locale sent as ?locale=.
    expect(await config.json()).toEqual({ botName: "Ada from Acme", greeting: "Bonjour !", appearance: rest, strings: expect.objectContaining({ openChat: "Ouvrir le chat" }) });
    const german = (await (await widget(bot.publicKey, "/config?locale=de")).json()) as { strings: Record<string, string> };
    expect(german.strings.talkToPerson).toBe("Mit einer Person sprechen");

    const invalid = await call("PATCH", `/api/v1/bots/${bot.id}`, {
      appearance: { avatarUrl: "javascript:alert(1)", primaryColor: "red;background:url(x)", position: "top" },
    });
    expect(invalid.status).toBe(422);
    const fields = ((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(["appearance.avatarUrl", "appearance.position", "appearance.primaryColor"]);
  });

  it("has a cacheable config: ETag and Cache-Control, 304 for a matching If-None-Match, a new ETag after an edit", async () => {
    const bot = await newBot();
    const first = await widget(bot.publicKey, "/config");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);

    const revalidated = await widget(bot.publicKey, "/config", { headers: { "if-none-match": etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect((await widget(bot.publicKey, "/config", { headers: { "if-none-match": '"stale"' } })).status).toBe(200);

    await call("PATCH", `/api/v1/bots/${bot.id}`, { appearance: { primaryColor: "#123456" } });
    const changed = await widget(bot.publicKey, "/config", { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("widget rate limits", () => {
  async function withLimits(limits: { visitor: string; ip: string }, run: (send: (visitorId: string) => Promise<Response>) => Promise<void>) {
    const strict = await createTestApi({ env: { WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: limits.visitor, WIDGET_RATE_LIMIT_PER_MINUTE_IP: limits.ip } });
    try {
      const tenant = await createTenant(strict.deps, "Limits");
      await run(async (visitorId) =>
        strict.app.request("/api/widget/v1/chat", {
          method: "POST",
          headers: { "x-frontdesk-bot-key": tenant.botPublicKey, "x-frontdesk-visitor": visitorId, "content-type": "application/json", origin: "https://site.example" },
          body: JSON.stringify({ message: "hi" }),
        }),
      );
    } finally {
      await strict.close();
    }
  }

  it("answers a visitor over the per-minute limit with 429, Retry-After and a problem body; other visitors go on", async () => {
    await withLimits({ visitor: "3", ip: "100" }, async (send) => {
      for (let i = 0; i < 3; i++) expect((await send("v-busy")).status).toBe(200);
      const limited = await send("v-busy");
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("retry-after");
      expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited", title: expect.stringContaining(`${retryAfter} seconds`) });
      expect((await send("v-calm")).status).toBe(200);
    });
  });

  it("limits per IP across visitors", async () => {
    await withLimits({ visitor: "100", ip: "2" }, async (send) => {
      expect((await send("a")).status).toBe(200);
      expect((await send("b")).status).toBe(200);
      const third = await send("c");
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    });
  });
});

describe("leads", () => {
  it("stores identify() details sent with a message as the conversation's lead, and 422s naming a bad field", async () => {
    const bot = await newBot();
    const done = await chat(bot.publicKey, { message: "hours?", visitorId: "v-id", visitor: { name: "Ada", email: "Ada@Example.com" } });
    await chat(bot.publicKey, { message: "and weekends?", visitorId: "v-id", conversationId: done.conversationId, visitor: { phone: "+1 555 0100" } });
    const lead = await t.deps.prisma.lead.findUniqueOrThrow({ where: { conversationId: done.conversationId } });
    expect(lead).toMatchObject({ botId: bot.id, organizationId: a.organizationId, name: "Ada", email: "ada@example.com", phone: "+1 555 0100" });

    for (const [visitor, field] of [[{ email: "not-an-email" }, "visitor.email"], [{ phone: "call me" }, "visitor.phone"]] as const) {
      const bad = await widget(bot.publicKey, "/chat", { method: "POST", body: { message: "hi", visitorId: "v-id", visitor } });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it("adds the lead form after N messages, validates it server-side and stores the lead", async () => {
    const bot = await newBot({ leadCapture: { mode: "after_messages", afterMessages: 2, fields: ["name", "email", "phone"], requiredFields: ["email"] } });
    const first = await chat(bot.publicKey, { message: "hours?", visitorId: "v-form" });
    expect(first.followUps).toEqual([]);
    const second = await chat(bot.publicKey, { message: "weekends?", visitorId: "v-form", conversationId: first.conversationId });
    expect(second.followUps).toHaveLength(1);
    const form = second.followUps[0]!;
    expect(form).toMatchObject({ role: "assistant", form: { fields: ["name", "email", "phone"], requiredFields: ["email"], submitted: false } });
    const third = await chat(bot.publicKey, { message: "thanks", visitorId: "v-form", conversationId: first.conversationId });
    expect(third.followUps).toEqual([]); // one form per conversation

    const path = `/conversations/${first.conversationId}/lead`;
    const missing = await widget(bot.publicKey, path, { method: "POST", body: { visitorId: "v-form", name: "Grace" } });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: [{ field: "email" }] });
    const invalid = await widget(bot.publicKey, path, { method: "POST", body: { visitorId: "v-form", email: "nope" } });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ errors: [{ field: "email" }] });
    expect((await widget(bot.publicKey, path, { method: "POST", body: { visitorId: "someone-else", email: "g@example.com" } })).status).toBe(404);

    const ok = await widget(bot.publicKey, path, { method: "POST", body: { visitorId: "v-form", name: "Grace", email: "grace@example.com" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ lead: { name: "Grace", email: "grace@example.com", conversationId: first.conversationId }, formMessageId: form.id });

    const history = (await (await widget(bot.publicKey, `/conversations/${first.conversationId}`, { headers: { "x-frontdesk-visitor": "v-form" } })).json()) as Done & {
      messages: Done["followUps"];
    };
    expect(history.messages.find((m) => m.id === form.id)?.form?.submitted).toBe(true);
  });

  it("offers the form right away with mode always, and never with mode off", async () => {
    const always = await newBot({ leadCapture: { mode: "always", fields: ["email"], requiredFields: ["email"] } });
    expect((await chat(always.publicKey, { message: "hours?", visitorId: "v1" })).followUps).toHaveLength(1);
    const identified = await chat(always.publicKey, { message: "hours?", visitorId: "v2", visitor: { email: "known@example.com" } });
    expect(identified.followUps).toEqual([]); // the required email is already known
    const off = await newBot();
    expect((await chat(off.publicKey, { message: "hours?", visitorId: "v1" })).followUps).toEqual([]);
    for (const [leadCapture, field] of [
      [{ mode: "sometimes" }, "leadCapture.mode"],
      [{ mode: "always", fields: ["name"], requiredFields: ["email"] }, "leadCapture.requiredFields.0"],
    ] as const) {
      const bad = await call("PATCH", `/api/v1/bots/${off.id}`, { leadCapture });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
  });
});

describe("human handoff", () => {
  it("hands off on an explicit request, silences the bot, and delivers operator replies to the polling widget", async () => {
    const bot = await newBot({ leadCapture: { mode: "on_handoff", fields: ["name", "email"], requiredFields: ["email"] } });
    const first = await chat(bot.publicKey, { message: "when are you open?", visitorId: "v-h" });
    expect(first).toMatchObject({ status: "open", followUps: [] });
    expect(first.message.length).toBeGreaterThan(0);

    const asked = await chat(bot.publicKey, { message: "Can I talk to a human please?", visitorId: "v-h", conversationId: first.conversationId });
    expect(asked.status).toBe("handoff");
    expect(asked.message).toMatch(/person/);
    expect(asked.followUps.map((m) => m.form?.requiredFields)).toEqual([["email"]]);
    const stored = await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(stored.status).toBe("handoff");
    expect(stored.handoffRequestedAt).toBeInstanceOf(Date);

    const waiting = await chat(bot.publicKey, { message: "hello?", visitorId: "v-h", conversationId: first.conversationId });
    expect(waiting).toMatchObject({ status: "handoff", messageId: "", message: "" });

    const list = await call("GET", `/api/v1/conversations?botId=${bot.id}`);
    expect(((await list.json()) as { data: { id: string; status: string; handoffRequestedAt: string | null }[] }).data[0]).toMatchObject({
      id: first.conversationId,
      status: "handoff",
      handoffRequestedAt: expect.any(String),
    });

    const waitingList = (await (await call("GET", `/api/v1/conversations?status=handoff&botId=${bot.id}`)).json()) as { data: { id: string }[] };
    expect(waitingList.data.map((c) => c.id)).toEqual([first.conversationId]);
    expect(((await (await call("GET", `/api/v1/conversations?status=closed&botId=${bot.id}`)).json()) as { data: unknown[] }).data).toEqual([]);

    const poll = (after?: string) =>
      widget(bot.publicKey, `/conversations/${first.conversationId}/messages${after ? `?after=${after}` : ""}`, { headers: { "x-frontdesk-visitor": "v-h" } });
    const before = (await (await poll()).json()) as { status: string; messages: { id: string; role: string; content: string }[] };
    expect(before.status).toBe("handoff");
    const lastSeen = before.messages.at(-1)!.id;
    expect(((await (await poll(lastSeen)).json()) as { messages: unknown[] }).messages).toEqual([]);

    const reply = await call("POST", `/api/v1/conversations/${first.conversationId}/replies`, { text: "Hi, this is Sam. How can I help?" });
    expect(reply.status).toBe(201);
    expect(await reply.json()).toMatchObject({ role: "operator", content: "Hi, this is Sam. How can I help?" });
    expect((await call("POST", `/api/v1/conversations/${first.conversationId}/replies`, { text: "  " })).status).toBe(422);

    const after = (await (await poll(lastSeen)).json()) as { status: string; messages: { role: string; content: string }[] };
    expect(after.messages).toEqual([expect.objectContaining({ role: "operator", content: "Hi, this is Sam. How can I help?" })]);
    expect((await widget(bot.publicKey, `/conversations/${first.conversationId}/messages`, { headers: { "x-frontdesk-visitor": "intruder" } })).status).toBe(404);

    const released = await call("POST", `/api/v1/conversations/${first.conversationId}/release`);
    expect(await released.json()).toMatchObject({ status: "open", assigneeId: null, handoffRequestedAt: null });
    const answeredAgain = await chat(bot.publicKey, { message: "when are you open?", visitorId: "v-h", conversationId: first.conversationId });
    expect(answeredAgain.status).toBe("open");
    expect(answeredAgain.message.length).toBeGreaterThan(0);

    const taken = await call("POST", `/api/v1/conversations/${first.conversationId}/take-over`);
    expect(await taken.json()).toMatchObject({ status: "handoff" });
    expect((await chat(bot.publicKey, { message: "hours?", visitorId: "v-h", conversationId: first.conversationId })).message).toBe("");
    expect((await call("POST", `/api/v1/conversations/nope/take-over`)).status).toBe(404);
  });

  it("hands off when the widget's Talk to a person control sets requestHandoff, and not for 'in person' questions", async () => {
    const bot = await newBot();
    const inPerson = await chat(bot.publicKey, { message: "Can I visit in person on Monday?", visitorId: "v-p" });
    expect(inPerson.status).toBe("open");
    const control = await chat(bot.publicKey, { message: "Talk to a person", visitorId: "v-p", conversationId: inPerson.conversationId, requestHandoff: true });
    expect(control.status).toBe("handoff");
  });
});
