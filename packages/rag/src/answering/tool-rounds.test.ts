import { afterEach, describe, expect, it } from "vitest";
import { createChatModel, type ChatModelConfig } from "../llm/create-chat-model";
import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer, type FakeToolCallsReply } from "../llm/fake-openai-server";
import { answerQuestion } from "./answer-question";
import { MAX_TOOL_ROUNDS } from "./tool-rounds";
import type { AnswerEvent, AnswerTool } from "./types";

// The real LangChain OpenAI client against an OpenAI-compatible server on 127.0.0.1 that answers with tool calls.

const config = (baseUrl: string): ChatModelConfig => ({
  LLM_PROVIDER: "openai",
  LLM_MODEL: "fake-tools",
  OPENAI_API_KEY: "sk-test",
  OPENAI_BASE_URL: baseUrl,
  ANTHROPIC_API_KEY: undefined,
  GOOGLE_API_KEY: undefined,
  OLLAMA_BASE_URL: undefined,
});

const hours = {
  chunkId: "c1",
  documentId: "d1",
  documentTitle: "Opening hours",
  content: "The clinic is open Monday to Friday from 8am to 6pm.",
  score: 0.9,
  vectorScore: 0.7,
};

let fake: FakeOpenAIServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function slotsTool(calls: unknown[]): AnswerTool {
  return {
    name: "calcom_find_slots",
    description: "Find open slots",
    parameters: { type: "object", properties: { date: { type: "string" } }, required: ["date"] },
    async run(args) {
      calls.push(args);
      return { ok: true, text: '{"slots":["09:00","09:30"]}' };
    },
  };
}

async function collect(stream: AsyncGenerator<AnswerEvent>) {
  const events: AnswerEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe("answers with tools", () => {
  it("runs the model's tool calls, feeds results back and streams the final answer with citations", async () => {
    const replies: Array<string | FakeToolCallsReply> = [
      { toolCalls: [{ name: "calcom_find_slots", arguments: { date: "2050-09-05" } }] },
      "We are open from 8am [1]; free slots are 09:00 and 09:30.",
    ];
    fake = await startFakeOpenAIServer({ reply: () => replies.shift() ?? "unexpected" });
    const calls: unknown[] = [];
    const events = await collect(
      answerQuestion({
        question: "When can I come in on 5 September?",
        history: [],
        hits: [hours],
        systemPrompt: "You are the clinic's front desk.",
        chatModel: createChatModel(config(fake.baseUrl)),
        tools: [slotsTool(calls)],
      }),
    );

    expect(calls).toEqual([{ date: "2050-09-05" }]);
    expect(events.find((e) => e.type === "tool")).toMatchObject({ name: "calcom_find_slots", ok: true, arguments: { date: "2050-09-05" }, result: '{"slots":["09:00","09:30"]}' });
    const done = events.at(-1);
    expect(done).toMatchObject({ type: "done", content: "We are open from 8am [1]; free slots are 09:00 and 09:30.", citations: [{ index: 1, title: "Opening hours" }] });
    expect(events.filter((e) => e.type === "token").map((e) => (e.type === "token" ? e.text : "")).join("")).toBe(done?.type === "done" ? done.content : "");

    const [first, second] = fake.requests as [FakeChatRequest, FakeChatRequest];
    expect(first.tools).toEqual([
      { type: "function", function: { name: "calcom_find_slots", description: "Find open slots", parameters: { type: "object", properties: { date: { type: "string" } }, required: ["date"] } } },
    ]);
    expect(JSON.stringify(first.messages[0]?.content)).toContain("call the tools");
    const toolMessage = second.messages.at(-1) as unknown as { role: string; content: string; tool_call_id: string };
    expect(toolMessage).toMatchObject({ role: "tool", content: '{"slots":["09:00","09:30"]}' });
    const assistant = second.messages.at(-2) as unknown as { tool_calls: Array<{ id: string }> };
    expect(toolMessage.tool_call_id).toBe(assistant.tool_calls[0]?.id);
  });

  it("answers an unknown tool name with a text result and stops offering tools after MAX_TOOL_ROUNDS", async () => {
    fake = await startFakeOpenAIServer({
      reply: (request) =>
        request.tool_choice === "none" ? "Sorry, I could not finish that." : { toolCalls: [{ name: "delete_everything", arguments: {} }] },
    });
    const events = await collect(
      answerQuestion({
        question: "Do it",
        history: [],
        hits: [],
        systemPrompt: "",
        chatModel: createChatModel(config(fake.baseUrl)),
        tools: [slotsTool([])],
      }),
    );
    const toolEvents = events.filter((e) => e.type === "tool");
    expect(toolEvents).toHaveLength(MAX_TOOL_ROUNDS);
    expect(toolEvents[0]).toMatchObject({ ok: false, result: expect.stringContaining('no tool named "delete_everything"') });
    expect(fake.requests).toHaveLength(MAX_TOOL_ROUNDS + 1);
    expect(fake.requests.at(-1)?.tool_choice).toBe("none");
    expect(events.at(-1)).toMatchObject({ type: "done", content: "Sorry, I could not finish that." });
  });

  it("sends no tools when none are given", async () => {
    fake = await startFakeOpenAIServer({ reply: "Plain answer." });
    await collect(answerQuestion({ question: "Hi", history: [], hits: [], systemPrompt: "", chatModel: createChatModel(config(fake.baseUrl)) }));
    expect(fake.requests[0]?.tools).toBeUndefined();
  });
});
