import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let callA: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Alpha");
  b = await createTenant(t.deps, "Beta");
  callA = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
  await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "The clinic is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon.",
  });
  await t.deps.events.drain();
});
afterAll(() => t?.close());

type Problem = { status: number; code: string; title: string; errors?: { field: string; message: string }[] };

describe("bots", () => {
  it("creates a bot with a public key, normalized origins and settings; updates and deletes it", async () => {
    const created = await callA("POST", "/api/v1/bots", {
      name: "Support",
      allowedOrigins: ["https://shop.example.com/", "http://localhost:5173"],
      answerSettings: { maxCitations: 2, temperature: 0.1 },
      knowledgeBaseIds: [a.knowledgeBaseId],
    });
    expect(created.status).toBe(201);
    const bot = (await created.json()) as { id: string; publicKey: string; allowedOrigins: string[]; knowledgeBaseIds: string[] };
    expect(bot.publicKey).toMatch(/^pk_[A-Za-z0-9_-]{20,}$/);
    expect(bot.allowedOrigins).toEqual(["https://shop.example.com", "http://localhost:5173"]);
    expect(bot.knowledgeBaseIds).toEqual([a.knowledgeBaseId]);

    const patched = await callA("PATCH", `/api/v1/bots/${bot.id}`, { greeting: "Hello there", allowedOrigins: [] });
    expect(await patched.json()).toMatchObject({ greeting: "Hello there", allowedOrigins: [] });

    const listed = (await (await callA("GET", "/api/v1/bots")).json()) as { data: { id: string }[] };
    expect(listed.data.map((x) => x.id)).toEqual(expect.arrayContaining([a.botId, bot.id]));
    expect(((await (await callB("GET", "/api/v1/bots")).json()) as { data: { id: string }[] }).data.map((x) => x.id)).toEqual([b.botId]);

    expect((await callA("DELETE", `/api/v1/bots/${bot.id}`)).status).toBe(200);
    expect((await callA("GET", `/api/v1/bots/${bot.id}`)).status).toBe(404);
  });

  it("rejects invalid origins and settings, naming the field", async () => {
    const response = await callA("POST", "/api/v1/bots", {
      name: "Bad",
      allowedOrigins: ["https://ok.example.com", "https://example.com/path", "*.example.com"],
      answerSettings: { temperature: 5, unknownKnob: true },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Problem;
    const fields = body.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(["allowedOrigins.1", "allowedOrigins.2", "answerSettings.temperature", "answerSettings"]));
    expect(fields).not.toContain("allowedOrigins.0");
  });

  it("links and unlinks knowledge bases of the same organization only", async () => {
    const kb = (await (await callA("POST", "/api/v1/knowledge/bases", { name: "Extra" })).json()) as { id: string };
    const linked = await callA("PUT", `/api/v1/bots/${a.botId}/knowledge-bases/${kb.id}`);
    expect(((await linked.json()) as { knowledgeBaseIds: string[] }).knowledgeBaseIds).toEqual([a.knowledgeBaseId, kb.id]);
    // Idempotent.
    expect((await callA("PUT", `/api/v1/bots/${a.botId}/knowledge-bases/${kb.id}`)).status).toBe(200);

    const foreign = await callB("PUT", `/api/v1/bots/${b.botId}/knowledge-bases/${kb.id}`);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as Problem).title).toBe("Knowledge base not found");
    expect((await callB("PUT", `/api/v1/bots/${a.botId}/knowledge-bases/${b.knowledgeBaseId}`)).status).toBe(404);

    const unlinked = await callA("DELETE", `/api/v1/bots/${a.botId}/knowledge-bases/${kb.id}`);
    expect(((await unlinked.json()) as { knowledgeBaseIds: string[] }).knowledgeBaseIds).toEqual([a.knowledgeBaseId]);
  });

  it("creating a bot with another organization's knowledge base fails", async () => {
    const response = await callB("POST", "/api/v1/bots", { name: "Sneaky", knowledgeBaseIds: [a.knowledgeBaseId] });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe("knowledgeBaseIds.0");
  });
});

describe("chat", () => {
  it("answers with citations as JSON and continues the conversation", async () => {
    const first = await callA("POST", "/api/v1/chat", { botId: a.botId, message: "Are you open on Saturdays?" });
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { conversationId: string; messageId: string; message: string; citations: { documentId: string; index: number }[] };
    expect(answer.message.length).toBeGreaterThan(0);
    expect(answer.citations[0]).toMatchObject({ index: 1 });

    const second = await callA("POST", "/api/v1/chat", { botId: a.botId, message: "And on Mondays?", conversationId: answer.conversationId });
    expect(((await second.json()) as { conversationId: string }).conversationId).toBe(answer.conversationId);

    const conversation = await callA("GET", `/api/v1/conversations/${answer.conversationId}`);
    const body = (await conversation.json()) as { channel: string; messageCount: number; messages: { role: string; content: string; latencyMs: number | null }[] };
    expect(body.channel).toBe("api");
    expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(body.messages[0]?.content).toBe("Are you open on Saturdays?");
    expect(body.messages[1]?.latencyMs).toBeGreaterThanOrEqual(0);

    const page = (await (await callA("GET", `/api/v1/conversations?botId=${a.botId}&limit=1`)).json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(page.data[0]?.id).toBe(answer.conversationId);

    expect((await callB("GET", `/api/v1/conversations/${answer.conversationId}`)).status).toBe(404);
    expect(((await (await callB("GET", "/api/v1/conversations")).json()) as { data: unknown[] }).data).toEqual([]);
    const hijack = await callB("POST", "/api/v1/chat", { botId: b.botId, message: "hi", conversationId: answer.conversationId });
    expect(hijack.status).toBe(404);
  });

  it("streams meta, tokens and done over SSE", async () => {
    const response = await callA("POST", "/api/v1/chat", { botId: a.botId, message: "When do you open on weekdays?" }, { accept: "text/event-stream" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(await response.text());
    expect(events[0]?.event).toBe("meta");
    expect(events.at(-1)?.event).toBe("done");
    const tokens = events.filter((e) => e.event === "token");
    expect(tokens.length).toBeGreaterThan(1);
    const done = JSON.parse(events.at(-1)?.data ?? "{}") as { message: string; conversationId: string };
    expect(tokens.map((e) => (JSON.parse(e.data) as { text: string }).text).join("")).toBe(done.message);
    expect(done.conversationId).toBe((JSON.parse(events[0]?.data ?? "{}") as { conversationId: string }).conversationId);
  });

  it("validates input and hides other tenants' bots", async () => {
    const invalid = await callA("POST", "/api/v1/chat", { botId: a.botId, message: "" });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as Problem).errors?.[0]?.field).toBe("message");
    const foreign = await callB("POST", "/api/v1/chat", { botId: a.botId, message: "hello" });
    expect(foreign.status).toBe(404);
    // Validation happens before streaming starts, so SSE clients get a problem body too.
    const sse = await callA("POST", "/api/v1/chat", { message: "hi" }, { accept: "text/event-stream" });
    expect(sse.status).toBe(422);
    expect(sse.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers from the bot as it is now, though it changed outside this process since its last turn here", async () => {
    // A turn starts searching with the bot as this process last read it, while it reads it again: the fresh read decides.
    const ask = async (botId: string) => callA("POST", "/api/v1/chat", { botId, message: "Are you open on Saturdays?" });
    const cited = async (botId: string) => ((await (await ask(botId)).json()) as { citations: unknown[] }).citations.length;
    expect(await cited(a.botId)).toBeGreaterThan(0);
    // Written straight to the database, as another API process would: nothing in this one hears of it.
    await t.deps.prisma.botKnowledgeBase.deleteMany({ where: { botId: a.botId } });
    try {
      expect(await cited(a.botId)).toBe(0);
    } finally {
      await t.deps.prisma.botKnowledgeBase.create({ data: { botId: a.botId, knowledgeBaseId: a.knowledgeBaseId, organizationId: a.organizationId } });
    }
    expect(await cited(a.botId)).toBeGreaterThan(0);

    const created = (await (await callA("POST", "/api/v1/bots", { name: "Short-lived", knowledgeBaseIds: [a.knowledgeBaseId] })).json()) as { id: string };
    expect(await cited(created.id)).toBeGreaterThan(0);
    await t.deps.prisma.bot.delete({ where: { id: created.id } });
    expect((await ask(created.id)).status).toBe(404);
  });

  it("keeps the user message when answering fails", async () => {
    const failing = {
      ...t.deps,
      organizationId: a.organizationId,
      actor: { type: "system" as const },
      rag: {
        ...t.deps.rag,
        embeddings: {
          ...t.deps.rag.embeddings,
          embeddings: Object.assign(Object.create(t.deps.rag.embeddings.embeddings), {
            embedQuery: async () => {
              throw new Error("embedding service down");
            },
          }),
        },
      },
    };
    const { streamChat } = await import("@frontdesk/core");
    const stream = await streamChat(failing, { botId: a.botId, message: "Will this be kept?" });
    await expect(async () => {
      for await (const _event of stream.events) void _event;
    }).rejects.toMatchObject({ code: "unavailable" });
    const stored = await t.deps.prisma.message.findMany({ where: { conversationId: stream.conversationId } });
    expect(stored.map((m) => [m.role, m.content])).toEqual([["user", "Will this be kept?"]]);
  });
});
