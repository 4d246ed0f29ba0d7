import { createChatModel } from "@frontdesk/rag";
import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer, type FakeToolCallsReply } from "@frontdesk/rag/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import { startReceiver, type Receiver } from "./integrations/receiver";
import { client, createTenant, createTestApi, syntheticRag, type Tenant } from "./support/test-api";

// The OpenAI-compatible endpoint with a language model configured (the fake OpenAI-compatible server, through the
// real LangChain client): the bot's tools run (source voice) and the model writes the answer; `usage` reports the
// model's real token counts, summed over tool rounds, in plain completions and in the last streamed chunk when
// stream_options.include_usage is set. Driven by the official `openai` client against the real server.

const ANSWER = "I've noted your number. We open at 10am on Saturdays [1].";
/** What the fake model reports per request: two requests per turn (tool round + answer). */
const PER_REQUEST = { prompt_tokens: 120, completion_tokens: 15 };

let llm: FakeOpenAIServer;
let hooks: Receiver;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let server: RunningServer;
let openai: OpenAI;

const toolRounds = (request: FakeChatRequest) =>
  request.messages.filter((message) => message.role === "assistant" && Array.isArray((message as { tool_calls?: unknown[] }).tool_calls)).length;
/** The answering requests, not the lead engine's scoring (same model, in the background). */
const answerRequests = () => llm.requests.filter((request) => (request.tools as { function: { name: string } }[] | undefined)?.some((tool) => tool.function.name === "log_caller"));

/** A caller leaves their number: the model records it with the bot's tool, then answers from the sources. */
function scriptedModel(request: FakeChatRequest): string | FakeToolCallsReply {
  if (!(request.tools as unknown[] | undefined)?.length) return "{}";
  if (toolRounds(request) === 0) return { toolCalls: [{ name: "log_caller", arguments: { phone: "+14155550123", note: "asked about Saturdays" } }] };
  return ANSWER;
}

beforeAll(async () => {
  llm = await startFakeOpenAIServer({ reply: scriptedModel, usage: PER_REQUEST });
  hooks = await startReceiver(() => ({ status: 200, body: { saved: true } }));
  const chatModel = createChatModel({
    LLM_PROVIDER: "openai",
    LLM_MODEL: "fake-voice",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: llm.baseUrl,
    ANTHROPIC_API_KEY: undefined,
    GOOGLE_API_KEY: undefined,
    OLLAMA_BASE_URL: undefined,
  });
  t = await createTestApi({ rag: { ...syntheticRag(), chatModel }, env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Voice LLM model");
  const call = client(t.app, a.apiKey);
  const created = await Promise.all([
    call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Opening hours", text: "We open at 8am on weekdays and at 10am on Saturdays." }),
    call("POST", "/api/v1/actions", {
      name: "log_caller",
      description: "Record a caller's phone number.",
      parameters: { type: "object", properties: { phone: { type: "string" }, note: { type: "string" } }, required: ["phone"] },
      endpoint: { url: `${hooks.url}/callers`, method: "POST" },
    }),
  ]);
  for (const response of created) expect(response.status, await response.clone().text()).toBeLessThan(300);
  expect((await call("PUT", `/api/v1/bots/${a.botId}/tools`, { tools: ["log_caller"] })).status).toBe(200);
  await t.deps.events.drain();
  server = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
  openai = new OpenAI({ apiKey: a.apiKey, baseURL: `${server.url}/api/llm/v1`, maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await t?.close();
  await Promise.all([llm?.close(), hooks?.close()]);
});

describe("OpenAI-compatible endpoint with a language model", () => {
  it("runs the bot's tools, answers through the model and reports its token usage", async () => {
    const before = hooks.requests.length;
    const completion = await openai.chat.completions.create({ model: a.botId, user: "+14155550199", messages: [{ role: "user", content: "Are you open on Saturday? My number is +14155550123." }] });
    expect(completion.choices[0]!.message.content).toBe(ANSWER);
    expect(completion.usage).toEqual({ prompt_tokens: 240, completion_tokens: 30, total_tokens: 270 });

    // The tool ran against the action's endpoint, logged as a voice tool call of this conversation.
    const received = hooks.requests.slice(before);
    expect(received.map((request) => request.path)).toEqual(["/callers"]);
    expect(JSON.parse(String(received[0]!.body))).toMatchObject({ phone: "+14155550123" });
    const conversation = await t.deps.prisma.conversation.findFirstOrThrow({ where: { botId: a.botId, visitorId: "+14155550199" }, include: { messages: true } });
    expect(conversation.channel).toBe("voice");
    const toolCalls = await t.deps.prisma.toolCall.findMany({ where: { conversationId: conversation.id } });
    expect(toolCalls).toEqual([expect.objectContaining({ toolName: "log_caller", ok: true, source: "voice" })]);
    const stored = conversation.messages.find((message) => message.role === "assistant" && message.content === ANSWER);
    expect(stored).toMatchObject({ promptTokens: 240, completionTokens: 30 });
    // The model was given the bot's knowledge and its tool.
    expect(JSON.stringify(answerRequests().at(-1)!.messages)).toContain("10am on Saturdays");
  });

  it("streams the model's answer, and the last chunk carries usage when stream_options.include_usage is set", async () => {
    const stream = await openai.chat.completions.create({
      model: a.botId,
      user: "+14155550198",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "Saturday hours? Call me on +14155550123." }],
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe(ANSWER);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 240, completion_tokens: 30, total_tokens: 270 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);

    // Without include_usage no chunk has a usage field, as OpenAI streams it.
    const plain = await openai.chat.completions.create({ model: a.botId, user: "+14155550197", stream: true, messages: [{ role: "user", content: "Saturday?" }] });
    const plainChunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of plain) plainChunks.push(chunk);
    expect(plainChunks.some((chunk) => "usage" in chunk)).toBe(false);
    expect(plainChunks.at(-1)!.choices[0]!.finish_reason).toBe("stop");
  });
});
