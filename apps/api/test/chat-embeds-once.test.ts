import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// A web chat turn embeds the visitor's question once: the search's query vector and the message's own vector (for
// search over conversations) are the same embedding. It was two model calls per turn, the second competing with
// the answer for the model (issue 13: answer latency).

/** Synthetic vectors, counting the texts each call embeds. */
class CountingEmbeddings extends SyntheticEmbeddings {
  readonly embedded: string[] = [];
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return super.embedDocuments(texts);
  }
  override async embedQuery(text: string): Promise<number[]> {
    this.embedded.push(text);
    return super.embedQuery(text);
  }
}

const embeddings = new CountingEmbeddings({ vectorSize: 384 });
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

beforeAll(async () => {
  t = await createTestApi({ rag: { embeddings: { embeddings, model: "test/synthetic-384", dimensions: 384 }, chatModel: null } });
  a = await createTenant(t.deps, "Once");
  const call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Hours", text: "We are open Monday to Friday from 9am to 5pm." });
  await t.deps.events.drain();
}, 120_000);
afterAll(() => t?.close());

describe("a chat turn's embeddings", () => {
  it("embeds the question once for the search and the message's vector", async () => {
    embeddings.embedded.length = 0;
    const question = "When does the office open on a weekday, please?";
    const response = await client(t.app, a.apiKey)("POST", "/api/v1/chat", { botId: a.botId, message: question });
    expect(response.status, await response.clone().text()).toBe(200);
    const { messageId } = (await response.json()) as { messageId: string };
    await t.deps.events.drain();

    const answer = await t.deps.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    const stored = await t.deps.prisma.messageEmbedding.findMany({ where: { conversationId: answer.conversationId } });
    expect(stored).toHaveLength(1);
    expect(embeddings.embedded.filter((text) => text === question)).toHaveLength(1);
  });
});
