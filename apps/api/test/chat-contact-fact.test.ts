import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// "What's your phone number?" shares no word with "Call us on …" and is no nearer in meaning to it than to a price
// list's rows: when no passage chat reads states the number (or a place for "where are you?"), the passage that does
// is looked up apart and read first (packages/rag contact-fact.ts, core chat/turn-sources.ts).

const embeddings = new SyntheticEmbeddings({ vectorSize: 384 });
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

const rows = ["Drop-in class", "5-class pass", "10-class pass", "Monthly unlimited", "Mat hire", "Towel hire", "Reformer class", "Private session", "Gift voucher", "Student pass", "Beginners course", "Family pass"];

beforeAll(async () => {
  t = await createTestApi({ rag: { embeddings: { embeddings, model: "test/synthetic-384", dimensions: 384 }, chatModel: null } });
  a = await createTenant(t.deps, "Contact");
  const call = client(t.app, a.apiKey);
  for (const [index, row] of rows.entries()) {
    await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: row, text: `pass: ${row}\nprice: £${12 + index * 7}\nvalid for: one month` });
  }
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "About us",
    text: "Where to find us\nWe are at 18 Mill Lane, Harrogate, above the pharmacy.\n\nReception\nCall us on 01423 555 218 or email hello@example.com.",
  });
  await t.deps.events.drain();
}, 120_000);
afterAll(() => t?.close());

async function ask(question: string): Promise<{ answer: string; cited: number }> {
  const response = await client(t.app, a.apiKey)("POST", "/api/v1/chat", { botId: a.botId, message: question });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { message: string; citations: unknown[] };
  return { answer: body.message, cited: body.citations.length };
}

describe("a question for a contact fact no passage read states", () => {
  it("answers a phone number question with the passage stating the number", async () => {
    expect((await ask("what's your phone number?")).answer).toContain("01423 555 218");
  });

  it("answers a where-are-you question with the street address", async () => {
    expect((await ask("where are you located?")).answer).toContain("18 Mill Lane");
  });

  it("looks nothing up for other questions: a price is answered from the price rows", async () => {
    const { answer } = await ask("How much is the Mat hire?");
    expect(answer).not.toContain("Mill Lane");
    expect(answer).not.toContain("01423");
  });
});
