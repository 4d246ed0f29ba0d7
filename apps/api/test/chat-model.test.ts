import type { BaseMessage } from "@langchain/core/messages";
import { AIMessageChunk } from "@langchain/core/messages";
import { ChatGenerationChunk } from "@langchain/core/outputs";
import { FakeStreamingChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, syntheticRag, type Tenant } from "./support/test-api";

// Chat through a chat model (a LangChain fake standing in for a hosted LLM): streamed tokens, stored usage, and a
// provider failure halfway through an answer.

/** Streams fixed chunks (with usage metadata on the last, as providers report it) or fails after the first. */
class ScriptedModel extends FakeStreamingChatModel {
  failNext = false;
  constructor(private readonly script: AIMessageChunk[]) {
    super({});
  }
  override async *_streamResponseChunks(_messages: BaseMessage[], _options: this["ParsedCallOptions"]) {
    if (this.failNext) {
      yield new ChatGenerationChunk({ message: new AIMessageChunk("Partial "), text: "Partial " });
      throw new Error("upstream 502 from https://llm.internal/secret-path");
    }
    for (const chunk of this.script) yield new ChatGenerationChunk({ message: chunk, text: String(chunk.content) });
  }
}

const model = new ScriptedModel([
  new AIMessageChunk({ content: "On Saturdays " }),
  new AIMessageChunk({ content: "we open from 9am " }),
  new AIMessageChunk({ content: "to noon [1].", usage_metadata: { input_tokens: 120, output_tokens: 12, total_tokens: 132 } }),
]);

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApi({ rag: { ...syntheticRag(), chatModel: model } });
  a = await createTenant(t.deps);
  call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "The clinic is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon.",
  });
  await t.deps.events.drain();
});
afterAll(() => t?.close());

describe("chat with a chat model", () => {
  it("streams the model's tokens and stores the answer with citations and token usage", async () => {
    model.failNext = false;
    const response = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Are you open on Saturdays?" }, { accept: "text/event-stream" });
    const events = parseSse(await response.text());
    expect(events.filter((e) => e.event === "token").map((e) => (JSON.parse(e.data) as { text: string }).text)).toEqual([
      "On Saturdays ",
      "we open from 9am ",
      "to noon [1].",
    ]);
    const done = JSON.parse(events.at(-1)?.data ?? "{}") as { messageId: string; message: string; citations: { index: number; title: string }[] };
    expect(done.message).toBe("On Saturdays we open from 9am to noon [1].");
    expect(done.citations).toMatchObject([{ index: 1, title: "Opening hours" }]);

    const stored = await t.deps.prisma.message.findUniqueOrThrow({ where: { id: done.messageId } });
    expect(stored).toMatchObject({ role: "assistant", promptTokens: 120, completionTokens: 12 });
    expect(stored.latencyMs).toBeGreaterThanOrEqual(0);

    const health = (await (await t.app.request("/api/health")).json()) as { llm: string };
    expect(health.llm).not.toBe("extractive");
  });

  it("ends the stream with an error event when the model fails midway, keeping the question", async () => {
    model.failNext = true;
    // A question the knowledge answers: one with nothing relevant gets the not-found reply without the model.
    const response = await call("POST", "/api/v1/chat", { botId: a.botId, message: "What time do you open on Saturdays?" }, { accept: "text/event-stream" });
    expect(response.status).toBe(200);
    const text = await response.text();
    const events = parseSse(text);
    expect(events.map((e) => e.event)).toEqual(["meta", "token", "error"]);
    expect(JSON.parse(events[2]?.data ?? "{}")).toEqual({ code: "unavailable", title: "The assistant could not answer right now; please try again" });
    expect(text).not.toContain("secret-path");

    const { conversationId } = JSON.parse(events[0]?.data ?? "{}") as { conversationId: string };
    const messages = await t.deps.prisma.message.findMany({ where: { conversationId } });
    expect(messages.map((m) => [m.role, m.content])).toEqual([["user", "What time do you open on Saturdays?"]]);

    // The JSON variant reports the same failure as a 503 problem.
    const json = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Are you open on Saturdays?" });
    expect(json.status).toBe(503);
    expect(await json.json()).toMatchObject({ code: "unavailable" });
  });
});
