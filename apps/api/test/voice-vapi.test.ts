import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startReceiver, type Receiver } from "./integrations/receiver";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";
import { vapiCall } from "./support/vapi-call";

// The Vapi server URL end to end: a realistic call replayed (every message twice) through the real app answers in
// Vapi's shapes, stores each message once, runs tools through the shared executor once, and settles the call.

const SECRET = "vapi-server-secret-0123456789";
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let hooks: Receiver;
let control: Receiver;

type Json = Record<string, unknown>;
const webhookPath = () => `/api/webhooks/vapi/${a.botPublicKey}`;
const post = (body: unknown, headers: Record<string, string> = { "x-vapi-secret": SECRET }) => client(t.app)("POST", webhookPath(), body, headers);

beforeAll(async () => {
  hooks = await startReceiver((request) => (request.path === "/crm" ? { status: 502, body: { error: "down" } } : { status: 200, body: { saved: true } }));
  control = await startReceiver(() => ({ status: 200, body: {} }));
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true", PUBLIC_URL: "https://desk.example.com" } });
  a = await createTenant(t.deps, "Voice");
  call = client(t.app, a.apiKey);
  const created = await Promise.all([
    call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Opening hours", text: "We open at 8am on weekdays and at 10am on Saturdays. Parking is free behind the building." }),
    call("POST", "/api/v1/actions", {
      name: "log_lead",
      description: "Record a caller as a lead.",
      parameters: { type: "object", properties: { phone: { type: "string" }, note: { type: "string" } }, required: ["phone"] },
      endpoint: { url: `${hooks.url}/leads`, method: "POST" },
    }),
    call("POST", "/api/v1/actions", {
      name: "notify_crm",
      description: "Add a note to the CRM.",
      parameters: { type: "object", properties: { note: { type: "string" } }, required: ["note"] },
      endpoint: { url: `${hooks.url}/crm`, method: "POST" },
    }),
    call("POST", "/api/v1/webhooks", { url: `${hooks.url}/events`, events: ["call.ended"] }),
  ]);
  for (const response of created) expect(response.status, await response.clone().text()).toBeLessThan(300);
  expect((await call("PUT", `/api/v1/bots/${a.botId}/tools`, { tools: ["log_lead", "notify_crm"] })).status).toBe(200);
  await t.deps.events.drain();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await Promise.all([hooks?.close(), control?.close()]);
});

describe("voice secret", () => {
  it("is set with PATCH /bots/{id}, stored encrypted, shown masked and never returned", async () => {
    const response = await call("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: SECRET } });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(text).not.toContain(SECRET);
    expect((JSON.parse(text) as { voice: Json }).voice).toEqual({ serverSecret: `••••${SECRET.slice(-4)}` });
    expect(await (await call("GET", `/api/v1/bots/${a.botId}`)).text()).not.toContain(SECRET);
    const row = await t.deps.prisma.bot.findUniqueOrThrow({ where: { id: a.botId } });
    expect(JSON.stringify(row)).not.toContain(SECRET);

    const tooShort = await call("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: "short" } });
    expect(tooShort.status).toBe(422);
    expect(((await tooShort.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("voice.serverSecret");
  });

  it("wrong, missing or another bot's secret → 401 and nothing stored", async () => {
    const script = vapiCall({ callId: "call-intruder", controlUrl: `${control.url}/x` });
    const status = script.messages[1]!;
    for (const headers of [{}, { "x-vapi-secret": "wrong-secret-0123456789" }, { authorization: "Bearer wrong-secret-0123456789" }] as Record<string, string>[]) {
      const response = await post(status, headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as Json).code).toBe("unauthorized");
    }
    expect((await client(t.app)("POST", "/api/webhooks/vapi/pk_unknown", status, { "x-vapi-secret": SECRET })).status).toBe(401);
    expect(await t.deps.prisma.call.count()).toBe(0);
    expect(await t.deps.prisma.callEvent.count()).toBe(0);
  });
});

describe("HMAC-signed requests (a Vapi HMAC credential keyed with the voice secret)", () => {
  const sign = (payload: string, key = SECRET) => createHmac("sha256", key).update(payload).digest("hex");
  const signedPost = (raw: string, headers: Record<string, string>) => client(t.app)("POST", webhookPath(), raw, { "content-type": "application/json", ...headers });
  const message = () => vapiCall({ callId: "call-signed", controlUrl: `${control.url}/x` }).messages[1]!;

  it("wrong key, tampered body, stale or missing-timestamp signatures → 401 and nothing stored", async () => {
    const raw = JSON.stringify(message());
    const now = String(Math.floor(Date.now() / 1000));
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const refused: Record<string, string>[] = [
      { "x-vapi-signature": sign(`${now}.${raw}`, "another-secret-0123456789"), "x-vapi-timestamp": now },
      { "x-vapi-signature": sign(`${now}.${raw.replace("in-progress", "ended")}`), "x-vapi-timestamp": now },
      { "x-vapi-signature": sign(`${stale}.${raw}`), "x-vapi-timestamp": stale },
      { "x-vapi-signature": sign(`${now}.${raw}`) },
      { "x-vapi-signature": "" },
    ];
    for (const headers of refused) {
      const response = await signedPost(raw, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(((await response.json()) as Json).code).toBe("unauthorized");
    }
    expect(await t.deps.prisma.call.count({ where: { vapiCallId: "call-signed" } })).toBe(0);
  });

  it("a valid signature is accepted: timestamped (hex, X-Vapi-Signature), body only, or Vapi's default x-signature/x-timestamp headers", async () => {
    const script = vapiCall({ callId: "call-signed", controlUrl: `${control.url}/x` }).messages;
    const [first, second, third] = script.slice(1, 4).map((entry) => JSON.stringify(entry));
    const now = String(Math.floor(Date.now() / 1000));
    const accepted: Array<[string, Record<string, string>]> = [
      [first!, { "x-vapi-signature": sign(`${now}.${first}`), "x-vapi-timestamp": now }],
      [second!, { "x-vapi-signature": `sha256=${sign(second!)}` }],
      [third!, { "x-signature": createHmac("sha256", SECRET).update(`${now}.${third}`).digest("base64"), "x-timestamp": now }],
    ];
    for (const [raw, headers] of accepted) {
      const response = await signedPost(raw, headers);
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const stored = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "call-signed" }, include: { events: true } });
    expect(stored.events).toHaveLength(3);
    // Cleared again so the replayed call below starts from no calls.
    await t.deps.prisma.conversation.delete({ where: { id: stored.conversationId } });
  });
});

describe("a replayed Vapi call", () => {
  const script = () => vapiCall({ callId: "vapi-call-001", controlUrl: `${control.url}/control/vapi-call-001` });
  const answers = new Map<string, unknown[]>();

  beforeAll(async () => {
    // Every message twice (Vapi retries), alternating the two ways of sending the secret.
    for (const message of script().messages) {
      const type = String(message.message.type);
      for (const headers of [{ "x-vapi-secret": SECRET }, { authorization: `Bearer ${SECRET}` }] as Record<string, string>[]) {
        const response = await post(message, headers);
        expect(response.status, `${type}: ${await response.clone().text()}`).toBe(200);
        answers.set(`${type}@${message.message.timestamp}`, [...(answers.get(`${type}@${message.message.timestamp}`) ?? []), await response.json()]);
      }
    }
    await t.deps.events.drain();
  }, 120_000);

  const answerTo = (type: string) => [...answers.entries()].find(([key]) => key.startsWith(`${type}@`))![1] as Json[];

  it("answers assistant-request with the bot as a Vapi assistant whose tools point back at this URL", async () => {
    const [first, replay] = answerTo("assistant-request");
    expect(replay).toEqual(first);
    const assistant = first!.assistant as Json & { model: Json & { tools: Json[]; messages: Json[] } };
    const bot = (await (await call("GET", `/api/v1/bots/${a.botId}`)).json()) as { greeting: string; systemPrompt: string };
    expect(assistant.firstMessage).toBe(bot.greeting);
    expect(assistant.model.messages).toEqual([{ role: "system", content: bot.systemPrompt }]);
    expect(assistant.model.provider).toBe("openai");
    const url = `https://desk.example.com${webhookPath()}`;
    expect(assistant.server).toMatchObject({ url, headers: { "X-Vapi-Secret": SECRET } });
    expect(assistant.model.knowledgeBase).toMatchObject({ provider: "custom-knowledge-base", server: { url } });
    expect(assistant.model.tools.map((tool) => (tool.function as Json).name)).toEqual(["search_knowledge", "log_lead", "notify_crm"]);
    for (const tool of assistant.model.tools) expect(tool).toMatchObject({ type: "function", server: { url } });
  });

  it("answers knowledge-base-request with the bot's passages for the caller's last message", () => {
    const [first, replay] = answerTo("knowledge-base-request");
    expect(replay).toEqual(first);
    const documents = first!.documents as { content: string; similarity: number; uuid: string }[];
    expect(documents.length).toBeGreaterThan(0);
    expect(documents[0]!.content).toContain("8am");
    for (const document of documents) {
      expect(typeof document.similarity).toBe("number");
      expect(typeof document.uuid).toBe("string");
    }
  });

  it("answers tool-calls through the shared executor: one single-line result per call id, tools run once", async () => {
    const [first, replay] = answerTo("tool-calls");
    expect(replay).toEqual(first);
    const results = first!.results as { toolCallId: string; name: string; result?: string; error?: string }[];
    expect(results.map((result) => [result.toolCallId, result.name, result.result !== undefined ? "result" : "error"])).toEqual([
      ["call_search_1", "search_knowledge", "result"],
      ["call_lead_1", "log_lead", "result"],
      ["call_legacy_1", "escalate_to_manager", "error"],
      ["call_broken_1", "notify_crm", "error"],
    ]);
    for (const result of results) expect(result.result ?? result.error).not.toMatch(/[\r\n]/);
    expect(results[0]!.result).toContain("8am");
    expect(results[2]!.error).toContain("No tool named escalate_to_manager");
    // The string and object arguments both reached the endpoint, once, despite the replay.
    expect(hooks.requests.filter((request) => request.path === "/leads")).toHaveLength(1);
    expect(JSON.parse(hooks.requests.find((request) => request.path === "/leads")!.body)).toMatchObject({ phone: "+14155550123" });
    expect(hooks.requests.filter((request) => request.path === "/crm")).toHaveLength(1);

    const logged = await t.deps.prisma.toolCall.findMany({ where: { organizationId: a.organizationId, source: "voice" }, orderBy: { toolName: "asc" } });
    expect(logged.map((row) => [row.toolName, row.ok])).toEqual([
      ["log_lead", true],
      ["notify_crm", false],
      ["search_knowledge", true],
    ]);
  });

  it("stores each message once as an event of the call, and the call's fields from the report", async () => {
    const sent = script().messages;
    const calls = await t.deps.prisma.call.findMany({ where: { organizationId: a.organizationId } });
    expect(calls).toHaveLength(1);
    const stored = calls[0]!;
    expect(await t.deps.prisma.callEvent.count({ where: { callId: stored.id } })).toBe(sent.length);
    expect(stored).toMatchObject({
      vapiCallId: "vapi-call-001",
      customerNumber: "+14155550123",
      status: "ended",
      endedReason: "customer-ended-call",
      durationSeconds: 12.5,
      costUsd: 0.0734,
      recordingUrl: "https://storage.vapi.example/recordings/call.wav",
      summary: "Caller asked for Monday opening hours; told 8am.",
      successEvaluation: "true",
      toolCallsCount: 4,
      toolErrorsCount: 2,
      userSentiment: "positive",
      interventionCount: 0,
    });
    const conversation = await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: stored.conversationId }, include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(conversation).toMatchObject({ channel: "voice", status: "closed", visitorId: "+14155550123" });
    // The caller's number is their lead (declared, like an SMS sender's), re-scored when the call ended.
    const lead = await t.deps.prisma.lead.findFirstOrThrow({ where: { conversationId: stored.conversationId } });
    expect(lead).toMatchObject({ phone: "+14155550123" });
    expect(lead.metadata).toMatchObject({ source: "voice", declared: { phone: "+14155550123" } });
    // Final lines only (no partial, no duplicate), caller as user and AI as assistant.
    expect(conversation.messages.map((message) => [message.role, message.content])).toEqual([
      ["assistant", "Hi! How can I help you today?"],
      ["user", "What time do you open on Monday?"],
      ["assistant", "We open at 8am on weekdays.\nAnything else?"],
      ["user", "Perfect, thank you!"],
    ]);
  });

  it("lists calls, shows one with its transcript and tool latency, and its events", async () => {
    const list = (await (await call("GET", `/api/v1/calls?botId=${a.botId}&status=ended`)).json()) as { data: Json[]; nextCursor: string | null };
    expect(list.data).toHaveLength(1);
    expect(Object.keys(list.data[0]!).sort()).toEqual(
      ["id", "vapiCallId", "botId", "conversationId", "status", "customerNumber", "startedAt", "endedAt", "durationSeconds", "endedReason", "summary", "toolCallsCount", "toolErrorsCount", "userSentiment", "costUsd", "recordingUrl"].sort(),
    );
    expect(list.data[0]).toMatchObject({ startedAt: "2026-12-04T10:00:00.000Z", endedAt: "2026-12-04T10:00:12.500Z", durationSeconds: 12.5 });
    expect((await (await call("GET", "/api/v1/calls?status=ringing")).json()) as Json).toEqual({ data: [], nextCursor: null });
    expect(((await (await call("GET", "/api/v1/calls?until=2000-01-01T00:00:00Z")).json()) as { data: unknown[] }).data).toEqual([]);
    const badFilter = await call("GET", "/api/v1/calls?since=yesterday");
    expect(badFilter.status).toBe(422);

    const id = String(list.data[0]!.id);
    const detail = (await (await call("GET", `/api/v1/calls/${id}`)).json()) as Json & { transcript: Json[]; toolLatency: Json[] };
    expect(detail.transcript.map((line) => [line.speaker, line.text])).toEqual([
      ["assistant", "Hi! How can I help you today?"],
      ["caller", "What time do you open on Monday?"],
      ["assistant", "We open at 8am on weekdays.\nAnything else?"],
      ["caller", "Perfect, thank you!"],
    ]);
    expect(detail.transcript[1]!.secondsFromStart).toBe(5);
    expect(detail.transcriptText).toContain("User: What time do you open on Monday?");
    expect(detail.structuredData).toEqual({ intent: "hours" });
    expect(detail.toolLatency.map((tool) => [tool.toolName, tool.calls, tool.errors])).toEqual([
      ["log_lead", 1, 0],
      ["notify_crm", 1, 1],
      ["search_knowledge", 1, 0],
    ]);
    for (const tool of detail.toolLatency) expect(Number(tool.p99Ms)).toBeGreaterThanOrEqual(Number(tool.p50Ms));

    const events = (await (await call("GET", `/api/v1/calls/${id}/events`)).json()) as { data: Json[] };
    expect(events.data.map((event) => event.type)).toEqual(script().messages.map((message) => message.message.type));
    const partial = events.data.find((event) => event.type === "transcript" && event.isFinal === false)!;
    expect(partial).toMatchObject({ speaker: "caller", text: "What time do", isFinal: false, secondsFromStart: 4 });
    expect(Object.keys(partial).sort()).toEqual(["createdAt", "data", "id", "isFinal", "secondsFromStart", "speaker", "text", "type"]);
    expect(events.data.find((event) => event.type === "end-of-call-report")!.data).toMatchObject({ endedReason: "customer-ended-call", cost: 0.0734 });
  });

  it("emits call.ended to webhooks", async () => {
    const delivered = await eventually(async () => hooks.requests.find((request) => request.path === "/events"));
    const body = JSON.parse(delivered.body) as Json;
    expect(JSON.stringify(body)).toContain("call.ended");
    expect(JSON.stringify(body)).toContain("vapi-call-001");
  });
});

describe("call control", () => {
  it("sends say, add-message, mute, unmute and end to the call's control URL and counts interventions", async () => {
    const script = vapiCall({ callId: "vapi-call-live", controlUrl: `${control.url}/control/live`, customer: "+14155550999" });
    expect((await post(script.messages[1])).status).toBe(200);
    const live = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "vapi-call-live" } });
    const actions = [
      { action: "say", message: "One moment, I'm checking that for you." },
      { action: "add-message", message: "Offer the caller a callback tomorrow morning." },
      { action: "mute" },
      { action: "unmute" },
      { action: "end" },
    ];
    for (const [i, body] of actions.entries()) {
      const response = await call("POST", `/api/v1/calls/${live.id}/control`, body);
      expect(response.status, await response.clone().text()).toBe(200);
      expect(((await response.json()) as Json).interventionCount).toBe(i + 1);
    }
    expect(control.requests.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
      ["/control/live", { type: "say", content: "One moment, I'm checking that for you.", endCallAfterSpoken: false }],
      ["/control/live", { type: "add-message", message: { role: "system", content: "Offer the caller a callback tomorrow morning." }, triggerResponseEnabled: true }],
      ["/control/live", { type: "control", control: "mute-assistant" }],
      ["/control/live", { type: "control", control: "unmute-assistant" }],
      ["/control/live", { type: "end-call" }],
    ]);
    const missing = await call("POST", `/api/v1/calls/${live.id}/control`, { action: "say" });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("message");
    expect(await t.deps.prisma.callEvent.count({ where: { callId: live.id, type: "control" } })).toBe(5);

    const ended = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "vapi-call-001" } });
    expect((await call("POST", `/api/v1/calls/${ended.id}/control`, { action: "end" })).status).toBe(409);
  });

  it("refuses a control URL on a private address unless ALLOW_PRIVATE_NETWORK_FETCH is set", async () => {
    const script = vapiCall({ callId: "vapi-call-internal", controlUrl: `${control.url}/control/internal`, customer: "+14155550998" });
    expect((await post(script.messages[1])).status).toBe(200);
    const internal = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "vapi-call-internal" } });
    const before = control.requests.length;
    t.deps.config.ALLOW_PRIVATE_NETWORK_FETCH = false;
    try {
      const response = await call("POST", `/api/v1/calls/${internal.id}/control`, { action: "end" });
      expect(response.status).toBe(503);
    } finally {
      t.deps.config.ALLOW_PRIVATE_NETWORK_FETCH = true;
    }
    expect(control.requests.length).toBe(before);
    expect((await t.deps.prisma.call.findUniqueOrThrow({ where: { id: internal.id } })).interventionCount).toBe(0);
  });
});
