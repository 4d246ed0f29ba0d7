import { NOT_FOUND_REPLIES } from "@frontdesk/rag";
import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Without a chat model, a question nothing in the knowledge answers gets the not-found reply in the visitor's
// language (packages/rag not-found-reply.ts), or the bot owner's own reply when answerSettings.notFoundReply is set.
// The knowledge base is empty, so nothing can answer whatever the (synthetic) vectors say.

const embeddings = new SyntheticEmbeddings({ vectorSize: 384 });
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

beforeAll(async () => {
  t = await createTestApi({ rag: { embeddings: { embeddings, model: "test/synthetic-384", dimensions: 384 }, chatModel: null } });
  a = await createTenant(t.deps, "Salon");
}, 120_000);
afterAll(() => t?.close());

async function ask(question: string): Promise<{ answer: string; cited: number }> {
  const response = await client(t.app, a.apiKey)("POST", "/api/v1/chat", { botId: a.botId, message: question });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { message: string; citations: unknown[] };
  return { answer: body.message, cited: body.citations.length };
}

describe("the not-found reply through chat", () => {
  it("answers a German question nothing answers in German, without citations", async () => {
    expect(await ask("Haben Sie eine Sauna im Keller?")).toEqual({ answer: NOT_FOUND_REPLIES.de, cited: 0 });
  });

  it("answers a French one in French and an English one in English", async () => {
    expect(await ask("Avez-vous une piscine pour les enfants ?")).toEqual({ answer: NOT_FOUND_REPLIES.fr, cited: 0 });
    expect(await ask("Do you have a swimming pool for children?")).toEqual({ answer: NOT_FOUND_REPLIES.en, cited: 0 });
  });

  it("says the bot owner's own reply when they wrote one", async () => {
    const own = "Dazu steht nichts in unseren Unterlagen. Rufen Sie uns gern an: 0761 555 0101.";
    const patched = await client(t.app, a.apiKey)("PATCH", `/api/v1/bots/${a.botId}`, { answerSettings: { notFoundReply: own } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(((await patched.json()) as { answerSettings: { notFoundReply?: string } }).answerSettings.notFoundReply).toBe(own);
    expect(await ask("Haben Sie eine Sauna im Keller?")).toEqual({ answer: own, cited: 0 });
  });
});
