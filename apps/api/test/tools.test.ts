import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createChatModel } from "@frontdesk/rag";
import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer, type FakeToolCallsReply } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCalcomFake } from "../../../packages/integrations/test/fakes/calcom-fake";
import { startHubspotFake } from "../../../packages/integrations/test/fakes/hubspot-fake";
import { runBotTool, type AuthSession } from "@frontdesk/core";
import { appRouter } from "../src/trpc/root";
import { createCallerFactory } from "../src/trpc/trpc";
import { startReceiver, type Receiver } from "./integrations/receiver";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, syntheticRag, type Tenant } from "./support/test-api";

// The whole tool loop through the real API: the real LangChain OpenAI client talks to a fake OpenAI-compatible
// server that answers with tool calls; Cal.com and HubSpot are their fakes, custom actions hit a receiver.

const CAL_KEY = "cal_test_tools_0123456789";
const HUBSPOT_TOKEN = "pat-na1-tools-token-0123456789ab";
const ACTION_SECRET = "hook-secret-never-logged";
const FINAL_ANSWER = "You're booked for Monday 5 September at 09:00 UTC and we saved your details. We open at 8am [1].";

type Tool = { name: string; kind: string; origin: string; parameters: { properties?: Record<string, unknown> } };
type ToolCall = { toolName: string; ok: boolean; arguments: Record<string, unknown>; error: string | null; durationMs: number; conversationId: string | null; botId: string | null };
type Problem = { status: number; code: string; errors?: { field: string; message: string }[] };

let calcom: Awaited<ReturnType<typeof startCalcomFake>>;
let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let hooks: Receiver;
let llm: FakeOpenAIServer;
let actionsDir: string;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

/** Rounds the model has already spent calling tools in this request (assistant messages with tool_calls). */
const toolRounds = (request: FakeChatRequest) =>
  request.messages.filter((message) => message.role === "assistant" && Array.isArray((message as { tool_calls?: unknown[] }).tool_calls)).length;

/** The answering requests, not the lead engine's or the sentiment's (each reads every message with the same model, in the background). */
const chatRequests = () =>
  llm.requests.filter(
    (request) => !(request.tools as { function: { name: string } }[] | undefined)?.some((tool) => tool.function.name === "lead_qualification" || tool.function.name === "turn_sentiment"),
  );

/** The first slot start in the find_slots result the model was given. */
const firstSlot = (request: FakeChatRequest) => {
  const result = request.messages.filter((message) => message.role === "tool").map((message) => String(message.content))[0] ?? "";
  return /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/.exec(result)?.[0] ?? "missing";
};

/** The script a real model would follow: look, book, save the lead (and tell the team), log it, answer. */
function scriptedModel(request: FakeChatRequest): string | FakeToolCallsReply {
  if (!request.tools) return "No tools were offered.";
  const question = String(request.messages.findLast((message) => message.role === "user")?.content ?? "");
  if (question.includes("same time")) {
    if (toolRounds(request) > 0) return "Sorry, I couldn't book that time.";
    return {
      toolCalls: [
        { name: "calcom_book_meeting", arguments: { start: calcom.bookings[0]?.start, name: "Bo Berg", email: "bo@example.com" } },
        { name: "hubspot_upsert_contact", arguments: { email: "not-an-email", firstname: "Bo" } },
      ],
    };
  }
  switch (toolRounds(request)) {
    case 0:
      return { toolCalls: [{ name: "calcom_find_slots", arguments: { start: "2050-09-05", end: "2050-09-05", timeZone: "UTC" } }] };
    case 1:
      return { toolCalls: [{ name: "calcom_book_meeting", arguments: { start: firstSlot(request), name: "Ana López", email: "ana@example.com" } }] };
    case 2:
      return {
        toolCalls: [
          { name: "hubspot_upsert_contact", arguments: { email: "ana@example.com", firstname: "Ana", lastname: "López" } },
          { name: "notify_team_chat", arguments: { text: "Ana López booked an intro call" } },
        ],
      };
    case 3:
      return { toolCalls: [{ name: "log_lead", arguments: { email: "ana@example.com", source: "chat", apiKey: "visitor-pasted-key-123" } }] };
    default:
      return FINAL_ANSWER;
  }
}

beforeAll(async () => {
  calcom = await startCalcomFake({ apiKey: CAL_KEY });
  hubspot = await startHubspotFake({ tokens: { [HUBSPOT_TOKEN]: "write" } });
  hooks = await startReceiver((request) => (request.path === "/broken" ? { status: 502, body: { error: "upstream down" } } : { status: 200, body: { received: true } }));
  llm = await startFakeOpenAIServer({ reply: scriptedModel });
  actionsDir = mkdtempSync(join(tmpdir(), "frontdesk-actions-"));
  writeFileSync(
    join(actionsDir, "notify-team-chat.json"),
    JSON.stringify({
      name: "notify_team_chat",
      description: "Post a short note to the team's chat channel.",
      parameters: { type: "object", properties: { text: { type: "string", maxLength: 500 } }, required: ["text"], additionalProperties: false },
      endpoint: { url: `${hooks.url}/team-chat`, method: "POST" },
      organizations: "*",
    }),
  );
  const chatModel = createChatModel({
    LLM_PROVIDER: "openai",
    LLM_MODEL: "fake-tools",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: llm.baseUrl,
    ANTHROPIC_API_KEY: undefined,
    GOOGLE_API_KEY: undefined,
    OLLAMA_BASE_URL: undefined,
  });
  t = await createTestApi({
    rag: { ...syntheticRag(), chatModel },
    env: {
      INTEGRATION_BASE_URLS: `calcom=${calcom.url},hubspot=${hubspot.url}`,
      ALLOW_PRIVATE_NETWORK_FETCH: "true",
      FRONTDESK_ACTIONS_DIR: actionsDir,
    },
  });
  a = await createTenant(t.deps, "Tools");
  call = client(t.app, a.apiKey);

  const created = await Promise.all([
    call("POST", "/api/v1/integrations", { type: "calcom", name: "Cal.com", config: { apiKey: CAL_KEY, eventTypeId: 77 } }),
    call("POST", "/api/v1/integrations", { type: "hubspot", name: "HubSpot", config: { accessToken: HUBSPOT_TOKEN } }),
    call("POST", "/api/v1/actions", {
      name: "log_lead",
      description: "Record the lead in the owner's spreadsheet.",
      parameters: {
        type: "object",
        properties: { email: { type: "string", format: "email" }, source: { type: "string" }, apiKey: { type: "string" } },
        required: ["email"],
      },
      endpoint: { url: `${hooks.url}/leads`, method: "POST", auth: { type: "header", header: "X-Api-Key", secret: ACTION_SECRET } },
    }),
    call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Opening hours", text: "We open at 8am on weekdays and book intro calls in the morning." }),
  ]);
  for (const response of created) expect(response.status, await response.clone().text()).toBeLessThan(300);
  await t.deps.events.drain();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await Promise.all([calcom?.close(), hubspot?.close(), hooks?.close(), llm?.close()]);
  if (actionsDir) rmSync(actionsDir, { recursive: true, force: true });
});

const enabled = ["calcom_find_slots", "calcom_book_meeting", "hubspot_upsert_contact", "log_lead", "notify_team_chat"];

describe("tools for the bot", () => {
  it("lists every tool a bot can enable, with JSON Schemas, from integrations and database and file custom actions", async () => {
    const response = await call("GET", "/api/v1/tools");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Tool[] };
    const byName = new Map(data.map((tool) => [tool.name, tool]));
    for (const name of enabled) expect(byName.has(name), name).toBe(true);
    expect(byName.get("calcom_book_meeting")).toMatchObject({ kind: "integration", origin: "integration" });
    expect(Object.keys(byName.get("calcom_book_meeting")?.parameters.properties ?? {})).toEqual(expect.arrayContaining(["start", "name", "email"]));
    expect(byName.get("log_lead")).toMatchObject({ kind: "custom_action", origin: "database" });
    expect(byName.get("notify_team_chat")).toMatchObject({ kind: "custom_action", origin: "file" });
  });

  it("enables tools per bot and refuses names that are not in the catalog", async () => {
    const refused = await call("PUT", `/api/v1/bots/${a.botId}/tools`, { tools: ["calcom_find_slots", "launch_rockets"] });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors).toEqual([expect.objectContaining({ field: "tools.1" })]);

    const saved = await call("PUT", `/api/v1/bots/${a.botId}/tools`, { tools: enabled });
    expect(saved.status).toBe(200);
    const read = (await (await call("GET", `/api/v1/bots/${a.botId}/tools`)).json()) as { tools: string[]; available: Tool[] };
    expect(read.tools).toEqual([...enabled].sort());
    expect(read.available.map((tool) => tool.name).sort()).toEqual([...enabled].sort());
  });

  it("runs the model's tool calls against Cal.com, HubSpot and the custom actions, then streams the cited answer", async () => {
    const response = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Can you book me an intro call on 5 September? I'm Ana López, ana@example.com", visitor: { name: "Ana López", email: "ana@example.com" } }, { accept: "text/event-stream" });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event).filter((name) => name !== "token")).toEqual(["meta", "done"]);
    const tokens = events.filter((event) => event.event === "token").map((event) => (JSON.parse(event.data) as { text: string }).text);
    const done = JSON.parse(events.at(-1)?.data ?? "{}") as { conversationId: string; message: string; citations: { index: number; title: string }[] };
    expect(done.message).toBe(FINAL_ANSWER);
    expect(tokens.join("")).toBe(FINAL_ANSWER);
    expect(done.citations).toMatchObject([{ index: 1, title: "Opening hours" }]);

    // The model saw exactly the enabled tools, and got every result back.
    expect(chatRequests()).toHaveLength(5);
    const offered = (chatRequests()[0]?.tools as { function: { name: string } }[]).map((tool) => tool.function.name).sort();
    expect(offered).toEqual([...enabled].sort());
    const toolResults = chatRequests().at(-1)!.messages.filter((message) => message.role === "tool").map((message) => String(message.content));
    expect(toolResults).toHaveLength(5);

    // The outside world saw the calls.
    expect(calcom.bookings).toHaveLength(1);
    expect(calcom.bookings[0]).toMatchObject({ status: "accepted", eventTypeId: 77, attendee: { name: "Ana López", email: "ana@example.com" } });
    expect([...hubspot.contacts.values()].map((contact) => contact.properties)).toEqual([expect.objectContaining({ email: "ana@example.com", firstname: "Ana" })]);
    const leads = hooks.requests.find((request) => request.path === "/leads");
    expect(leads?.headers["x-api-key"]).toBe(ACTION_SECRET);
    expect(JSON.parse(leads?.body ?? "{}")).toMatchObject({ email: "ana@example.com", source: "chat" });
    expect(JSON.parse(hooks.requests.find((request) => request.path === "/team-chat")?.body ?? "{}")).toEqual({ text: "Ana López booked an intro call" });

    // Every call is in the log, successful, tied to the bot and conversation, with secret-looking arguments redacted.
    const log = (await (await call("GET", `/api/v1/tool-calls?botId=${a.botId}&limit=50`)).json()) as { data: ToolCall[]; nextCursor: string | null };
    expect(log.data.map((entry) => entry.toolName).sort()).toEqual([...enabled].sort());
    for (const entry of log.data) {
      expect(entry, entry.toolName).toMatchObject({ ok: true, error: null, botId: a.botId, conversationId: done.conversationId });
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(log.data.find((entry) => entry.toolName === "log_lead")?.arguments).toEqual({ email: "ana@example.com", source: "chat", apiKey: "[redacted]" });
    expect(JSON.stringify(log)).not.toMatch(/visitor-pasted-key-123|hook-secret-never-logged|cal_test_tools|pat-na1-tools/);

    const failed = (await (await call("GET", `/api/v1/tool-calls?ok=false&botId=${a.botId}`)).json()) as { data: ToolCall[] };
    expect(failed.data).toEqual([]);
    const booked = (await (await call("GET", `/api/v1/tool-calls?toolName=calcom_book_meeting&since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).json()) as { data: ToolCall[] };
    expect(booked.data).toHaveLength(1);

    // The history shows the tool calls between the question and the answer.
    const conversation = (await (await call("GET", `/api/v1/conversations/${done.conversationId}`)).json()) as {
      messages: { role: string; content: string; metadata: Record<string, unknown> }[];
    };
    expect(conversation.messages.map((message) => message.role)).toEqual(["user", "tool", "tool", "tool", "tool", "tool", "assistant"]);
    const toolMessages = conversation.messages.filter((message) => message.role === "tool");
    expect(toolMessages.map((message) => message.metadata.toolName)).toEqual([
      "calcom_find_slots",
      "calcom_book_meeting",
      "hubspot_upsert_contact",
      "notify_team_chat",
      "log_lead",
    ]);
    expect(toolMessages[4]?.metadata).toMatchObject({ type: "tool_call", ok: true, arguments: { apiKey: "[redacted]" } });
    expect(toolMessages[1]?.content).toContain("ana@example.com");
  });

  it("feeds provider refusals and invalid arguments back to the model as fallbacks and logs them as failed", async () => {
    const before = chatRequests().length;
    const response = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Book me at the same time as Ana please, I'm Bo", visitor: { name: "Bo Berg", email: "bo@example.com" } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { message: string; conversationId: string };
    expect(answer.message).toBe("Sorry, I couldn't book that time.");

    expect(calcom.bookings).toHaveLength(1);
    // The model's upsert with an invalid email never reached HubSpot; the lead engine may have synced Bo (a hot
    // lead: wants to book) on its own by now, which is the only other contact allowed.
    const emails = [...hubspot.contacts.values()].map((contact) => contact.properties.email);
    expect(emails).toContain("ana@example.com");
    expect(emails.every((email) => email === "ana@example.com" || email === "bo@example.com")).toBe(true);
    const results = chatRequests().at(-1)!.messages.filter((message) => message.role === "tool").map((message) => String(message.content));
    expect(chatRequests().length - before).toBe(2);
    expect(results[0]).toContain("I couldn't reach Cal.com just now");
    expect(results[0]).toContain("already has booking");
    expect(results[1]).toMatch(/^Not executed: invalid arguments \(arguments\.email: /);

    const failed = (await (await call("GET", `/api/v1/tool-calls?ok=false&conversationId=${answer.conversationId}`)).json()) as { data: ToolCall[] };
    expect(failed.data.map((entry) => entry.toolName).sort()).toEqual(["calcom_book_meeting", "hubspot_upsert_contact"]);
    expect(failed.data.find((entry) => entry.toolName === "calcom_book_meeting")?.error).toContain("already has booking");
    expect(failed.data.find((entry) => entry.toolName === "hubspot_upsert_contact")?.error).toMatch(/^Invalid arguments: arguments\.email/);
  });

  it("gives the admin the same over tRPC: tools.list/forBot/setForBot and toolCalls.list", async () => {
    const trpc = createCallerFactory(appRouter)({
      deps: t.deps,
      auth: t.deps.auth,
      headers: new Headers(),
      resHeaders: new Headers(),
      // The session cookie is checked by middleware before tRPC; the caller stands in for a signed-in owner.
      session: { user: { id: "owner" }, session: { id: "s" } } as unknown as AuthSession,
      membership: { organizationId: a.organizationId, role: "owner" },
      core: a.ctx,
    });
    expect((await trpc.tools.list()).data.map((tool) => tool.name)).toEqual(expect.arrayContaining(enabled));
    const saved = await trpc.tools.setForBot({ botId: a.botId, tools: ["log_lead"] });
    expect(saved).toMatchObject({ botId: a.botId, tools: ["log_lead"], available: [{ name: "log_lead", kind: "custom_action" }] });
    expect((await trpc.tools.forBot({ botId: a.botId })).tools).toEqual(["log_lead"]);
    await expect(trpc.tools.setForBot({ botId: a.botId, tools: ["nope"] })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT", cause: { code: "validation_failed", fields: [{ field: "tools.0" }] } });
    const page = await trpc.toolCalls.list({ botId: a.botId, ok: true, limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toBe(page.data[1]?.id);
  });

  it("runs a bot's tool by name for other transports (voice), logging the source", async () => {
    const scope = { botId: a.botId, source: "voice" as const };
    const outcome = await runBotTool(a.ctx, scope, "log_lead", { email: "caller@example.com", source: "phone" });
    expect(outcome).toMatchObject({ ok: true, text: '{"received":true}' });
    expect(JSON.parse(hooks.requests.at(-1)?.body ?? "{}")).toEqual({ email: "caller@example.com", source: "phone" });
    const voice = (await (await call("GET", "/api/v1/tool-calls?source=voice")).json()) as { data: ToolCall[] };
    expect(voice.data).toMatchObject([{ toolName: "log_lead", ok: true, botId: a.botId, conversationId: null }]);
    // Enabled tools only: calcom_book_meeting exists but this bot no longer has it.
    await expect(runBotTool(a.ctx, scope, "calcom_book_meeting", {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("relays a failing custom action as a fallback, logged once by the action itself", async () => {
    const created = await call("POST", "/api/v1/actions", {
      name: "broken_hook",
      description: "Always fails.",
      parameters: { type: "object", properties: { note: { type: "string" } } },
      endpoint: { url: `${hooks.url}/broken`, method: "POST" },
    });
    expect(created.status).toBe(201);
    expect((await call("PUT", `/api/v1/bots/${a.botId}/tools`, { tools: ["broken_hook"] })).status).toBe(200);
    const outcome = await runBotTool(a.ctx, { botId: a.botId, source: "chat" }, "broken_hook", { note: "hi" });
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toContain("I couldn't reach the broken hook service just now");
    const log = (await (await call("GET", "/api/v1/tool-calls?toolName=broken_hook")).json()) as { data: ToolCall[] };
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ ok: false, arguments: { note: "hi" } });
  });

  it("describes the tool endpoints in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/tools"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/tool-calls"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/bots/{id}/tools"] ?? {}).sort()).toEqual(["get", "put"]);
  });
});
