import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// The OpenAI-compatible endpoint as ElevenLabs or Vapi's custom-llm use it, driven by the official `openai` client
// against the real server on loopback: streamed and plain completions, cited answers from the bot's knowledge,
// memory per conversation, stored with channel voice.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let server: RunningServer;
let openai: OpenAI;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Voice LLM");
  const call = client(t.app, a.apiKey);
  const response = await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "We open at 8am on weekdays and at 10am on Saturdays. We are closed on Sundays. Parking is free behind the building.",
  });
  expect(response.status).toBe(201);
  await t.deps.events.drain();
  server = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
  openai = new OpenAI({ apiKey: a.apiKey, baseURL: `${server.url}/api/llm/v1`, maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe("OpenAI-compatible endpoint", () => {
  it("lists the organization's bots as models", async () => {
    const models = await openai.models.list();
    expect(models.data.map((model) => model.id)).toEqual([a.botId]);
    expect(models.data[0]).toMatchObject({ object: "model", owned_by: "frontdesk" });
  });

  it("streams a cited answer in chat.completion.chunks, then [DONE], and keeps the conversation", async () => {
    const { data: stream, response } = await openai.chat.completions
      .create({
        model: a.botId,
        stream: true,
        user: "+14155550123",
        messages: [
          { role: "system", content: "You are a phone agent." },
          { role: "user", content: "When do you open on Saturdays?" },
        ],
      })
      .withResponse();
    const conversationId = response.headers.get("x-frontdesk-conversation-id");
    expect(conversationId).toBeTruthy();
    let text = "";
    let chunks = 0;
    let finish: string | null = null;
    let citations: unknown[] = [];
    for await (const chunk of stream) {
      chunks += 1;
      expect(chunk.object).toBe("chat.completion.chunk");
      expect(chunk.model).toBe(a.botId);
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      const extra = (chunk as unknown as { citations?: unknown[] }).citations;
      if (extra) citations = extra;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(finish).toBe("stop");
    expect(text).toContain("10am");
    expect(text).toMatch(/\[1\]/);
    expect(citations).toEqual([expect.objectContaining({ index: 1, title: "Opening hours" })]);

    const stored = await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId! }, include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(stored).toMatchObject({ channel: "voice", botId: a.botId, visitorId: "+14155550123" });
    expect(stored.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(stored.messages[1]!.content).toBe(text);

    // The same caller (`user`) continues the same conversation.
    const next = await openai.chat.completions.create({ model: a.botId, user: "+14155550123", messages: [{ role: "user", content: "Is parking free?" }] });
    expect((next as unknown as { conversation_id: string }).conversation_id).toBe(conversationId);
    expect(next.object).toBe("chat.completion");
    expect(next.choices[0]?.message.content).toContain("Parking is free");
  });

  it("ends the raw event stream with data: [DONE]", async () => {
    const response = await fetch(`${server.url}/api/llm/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: a.botId, stream: true, messages: [{ role: "user", content: "Is parking free?" }] }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const lines = (await response.text()).split("\n").filter((line) => line.startsWith("data: "));
    expect(lines.at(-1)).toBe("data: [DONE]");
    expect(lines.slice(0, -1).every((line) => (JSON.parse(line.slice(6)) as { object: string }).object === "chat.completion.chunk")).toBe(true);
  });

  it("continues the conversation named by X-Frontdesk-Conversation-Id; a new caller gets a new one", async () => {
    const first = await openai.chat.completions.create({ model: a.botId, messages: [{ role: "user", content: "Are you open on Sundays?" }] }).withResponse();
    const id = first.response.headers.get("x-frontdesk-conversation-id")!;
    const again = await openai.chat.completions
      .create({ model: a.botId, messages: [{ role: "user", content: [{ type: "text", text: "And on weekdays?" }] }] }, { headers: { "X-Frontdesk-Conversation-Id": id } })
      .withResponse();
    expect(again.response.headers.get("x-frontdesk-conversation-id")).toBe(id);
    expect(again.data.choices[0]?.message.content).toContain("8am");
    expect(await t.deps.prisma.message.count({ where: { conversationId: id } })).toBe(4);
    const other = await openai.chat.completions.create({ model: a.botId, user: "+14155550999", messages: [{ role: "user", content: "Hello, when do you open?" }] }).withResponse();
    expect(other.response.headers.get("x-frontdesk-conversation-id")).not.toBe(id);
  });

  it("refuses a bad key, an unknown bot, a request without a user message and another organization's conversation", async () => {
    const wrongKey = new OpenAI({ apiKey: "fd_wrong", baseURL: `${server.url}/api/llm/v1`, maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    const unknown = await openai.chat.completions.create({ model: "no-such-bot", messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).param).toBe("model");

    const empty = await openai.chat.completions.create({ model: a.botId, messages: [{ role: "system", content: "only a prompt" }] }).catch((error: unknown) => error);
    expect(empty).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((empty as InstanceType<typeof OpenAI.UnprocessableEntityError>).param).toBe("messages");

    const b = await createTenant(t.deps, "Other");
    const theirs = await new OpenAI({ apiKey: b.apiKey, baseURL: `${server.url}/api/llm/v1`, maxRetries: 0 }).chat.completions
      .create({ model: b.botId, messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    const foreign = await openai.chat.completions
      .create({ model: a.botId, messages: [{ role: "user", content: "hi" }] }, { headers: { "X-Frontdesk-Conversation-Id": theirs.response.headers.get("x-frontdesk-conversation-id")! } })
      .catch((error: unknown) => error);
    expect(foreign).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
