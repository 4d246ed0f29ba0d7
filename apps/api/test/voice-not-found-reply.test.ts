import { NOT_FOUND_REPLIES } from "@frontdesk/rag";
import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";
import { vapiCall } from "./support/vapi-call";

// A caller whose question nothing in the knowledge answers hears what a chat visitor reads: the bot owner's own
// not-found reply when answerSettings.notFoundReply is set, else the default in the caller's language. Through the
// real Vapi server URL, for both ways a Vapi assistant asks the knowledge (custom knowledge base and search_knowledge).
// The knowledge base is empty, so nothing can answer whatever the (synthetic) vectors say.

const SECRET = "vapi-server-secret-not-found-0123";
const embeddings = new SyntheticEmbeddings({ vectorSize: 384 });
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let callCount = 0;

type Document = { content: string; similarity: number; uuid: string };

beforeAll(async () => {
  t = await createTestApi({ rag: { embeddings: { embeddings, model: "test/synthetic-384", dimensions: 384 }, chatModel: null } });
  a = await createTenant(t.deps, "Sauna");
  const patched = await client(t.app, a.apiKey)("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: SECRET } });
  expect(patched.status, await patched.clone().text()).toBe(200);
}, 120_000);
afterAll(() => t?.close());

/** The message of `type` from a fresh realistic call, with `fields` in place of its own. */
function messageOf(type: string, fields: Record<string, unknown>): { message: Record<string, unknown> } {
  callCount += 1;
  const script = vapiCall({ callId: `vapi-not-found-${callCount}`, controlUrl: "https://control.example/not-found" });
  const found = script.messages.find((message) => message.message.type === type)!;
  return { message: { ...found.message, ...fields } };
}

async function post(body: unknown): Promise<Record<string, unknown>> {
  const response = await client(t.app)("POST", `/api/webhooks/vapi/${a.botPublicKey}`, body, { "x-vapi-secret": SECRET });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function knowledgeFor(question: string): Promise<Document[]> {
  const body = await post(messageOf("knowledge-base-request", { messages: [{ role: "user", message: question }], messagesOpenAIFormatted: [{ role: "user", content: question }] }));
  return body.documents as Document[];
}

async function searchToolSays(query: string): Promise<string> {
  const body = await post(
    messageOf("tool-calls", {
      toolCallList: [{ id: "call_search_nf", type: "function", function: { name: "search_knowledge", arguments: JSON.stringify({ query }) } }],
      toolWithToolCallList: [],
      toolCalls: [],
    }),
  );
  const [result] = body.results as { toolCallId: string; result?: string; error?: string }[];
  expect(result?.toolCallId).toBe("call_search_nf");
  expect(result?.result, result?.error).toBeDefined();
  expect(result!.result).not.toMatch(/[\r\n]/);
  return result!.result!;
}

describe("the not-found reply on a Vapi call", () => {
  it("tells the voice model the default reply in the caller's language when the owner wrote none", async () => {
    const documents = await knowledgeFor("Haben Sie eine Sauna im Keller?");
    expect(documents).toHaveLength(1);
    expect(documents[0]!.content).toContain(`"${NOT_FOUND_REPLIES.de}"`);
    expect(documents[0]!.content).not.toContain(NOT_FOUND_REPLIES.en);
    expect(await searchToolSays("Do you have a swimming pool for children?")).toContain(`"${NOT_FOUND_REPLIES.en}"`);
    expect(await searchToolSays("Avez-vous une piscine pour les enfants ?")).toContain(`"${NOT_FOUND_REPLIES.fr}"`);
  });

  it("tells it the bot owner's own reply when they wrote one, in both ways of asking the knowledge", async () => {
    const own = "Dazu steht nichts in unseren Unterlagen. Rufen Sie uns gern an: 0761 555 0101.";
    const patched = await client(t.app, a.apiKey)("PATCH", `/api/v1/bots/${a.botId}`, { answerSettings: { notFoundReply: own } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const documents = await knowledgeFor("Do you have a swimming pool for children?");
    expect(documents.map((document) => document.content)).toEqual([expect.stringContaining(`"${own}"`)]);
    const said = await searchToolSays("Haben Sie eine Sauna im Keller?");
    expect(said).toContain(`"${own}"`);
    expect(said).not.toContain(NOT_FOUND_REPLIES.de);
  });
});
