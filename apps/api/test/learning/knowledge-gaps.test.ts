import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// Knowledge gaps through the REST API, with the real local embedding model (merging is by meaning).

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

interface Gap {
  id: string;
  botId: string;
  question: string;
  count: number;
  lastAskedAt: string;
  status: string;
  examples: string[];
  faqDocumentId: string | null;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}
// The learning loop records a turn in the background (learning/turn.answered): wait for it before looking.
const ask = async (message: string) => {
  const reply = await json<{ conversationId: string; citations: unknown[] }>(await call("POST", "/api/v1/chat", { botId: a.botId, message }));
  await t.deps.events.drain();
  return reply;
};
const gaps = async (query = "") => (await json<{ data: Gap[] }>(await call("GET", `/api/v1/knowledge-gaps${query}`))).data;

beforeAll(async () => {
  const embeddings = await createEmbeddingsProvider(loadConfig({}));
  t = await createTestApi({ rag: { embeddings, chatModel: null } });
  a = await createTenant(t.deps, "Salon");
  b = await createTenant(t.deps, "Other");
  call = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
  await json(await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "About", text: "Maria founded the salon in 1990. We cut, colour and style hair." }), 201);
  await t.deps.events.drain();
}, 180_000);
afterAll(() => t?.close());

describe("knowledge gaps", () => {
  it("merges unanswered questions that mean the same, most asked first, with their wordings", async () => {
    const questions = [
      "Where can I park?",
      "Is there parking nearby?",
      "Do you open on Sundays?",
      "Are you open on Sunday?",
      "Is the salon open Sunday?",
      "Do you accept credit cards?",
      "Do you sell gift vouchers?",
    ];
    for (const question of questions) expect((await ask(question)).citations).toEqual([]);

    const open = await gaps();
    expect(open.map((gap) => [gap.question, gap.count])).toEqual([
      ["Do you open on Sundays?", 3],
      ["Where can I park?", 2],
      // Equal counts: most recently asked first.
      ["Do you sell gift vouchers?", 1],
      ["Do you accept credit cards?", 1],
    ]);
    expect(open[0]).toMatchObject({ botId: a.botId, status: "open", examples: ["Do you open on Sundays?", "Are you open on Sunday?", "Is the salon open Sunday?"] });
    expect(Date.parse(open[0]!.lastAskedAt)).toBeGreaterThan(0);
    expect(await gaps(`?botId=${a.botId}&limit=1`)).toHaveLength(1);
    expect((await json<{ data: Gap[] }>(await callB("GET", "/api/v1/knowledge-gaps"))).data).toEqual([]);
  });

  it("\"Answer it\" turns a gap into an FAQ in one step and resolves it; the bot then answers", async () => {
    const [sunday] = await gaps();
    const answered = await json<{ gap: Gap; faq: { id: string; question: string; answer: string; knowledgeBaseId: string } }>(
      await call("POST", `/api/v1/knowledge-gaps/${sunday!.id}/answer`, { answer: "We are closed on Sundays; Saturday we open 9am to 4pm." }),
    );
    expect(answered.gap).toMatchObject({ id: sunday!.id, status: "resolved", faqDocumentId: answered.faq.id });
    expect(answered.faq).toMatchObject({ question: "Do you open on Sundays?", knowledgeBaseId: a.knowledgeBaseId });
    expect((await gaps()).map((gap) => gap.id)).not.toContain(sunday!.id);
    expect((await gaps("?status=resolved")).map((gap) => gap.id)).toEqual([sunday!.id]);

    await t.deps.events.drain();
    expect((await ask("Do you open on Sundays?")).citations.length).toBeGreaterThan(0);
  });

  it("\"Answer it\" into a chosen knowledge base of the bot; one the bot does not use, or another organization's, is refused", async () => {
    const parking = (await gaps()).find((gap) => gap.question === "Where can I park?")!;
    const second = await json<{ id: string }>(await call("POST", "/api/v1/knowledge/bases", { name: "Directions" }), 201);
    const unlinked = await json<{ id: string }>(await call("POST", "/api/v1/knowledge/bases", { name: "Archive" }), 201);
    await json(await call("PUT", `/api/v1/bots/${a.botId}/knowledge-bases/${second.id}`));
    const answer = { answer: "Park in the courtyard behind the salon." };

    for (const knowledgeBaseId of [unlinked.id, b.knowledgeBaseId, "missing"]) {
      const refused = await json<{ errors: Array<{ field: string; message: string }> }>(
        await call("POST", `/api/v1/knowledge-gaps/${parking.id}/answer`, { ...answer, knowledgeBaseId }),
        422,
      );
      expect(refused.errors).toEqual([{ field: "knowledgeBaseId", message: "not a knowledge base of the bot that was asked" }]);
    }
    expect((await gaps()).map((gap) => gap.id)).toContain(parking.id);

    const answered = await json<{ gap: Gap; faq: { knowledgeBaseId: string } }>(
      await call("POST", `/api/v1/knowledge-gaps/${parking.id}/answer`, { ...answer, knowledgeBaseId: second.id }),
    );
    expect(answered.faq.knowledgeBaseId).toBe(second.id);
    expect(answered.gap.status).toBe("resolved");
    await json(await call("DELETE", `/api/v1/bots/${a.botId}/knowledge-bases/${second.id}`));
  });

  it("dismiss hides a gap, which keeps counting when asked again", async () => {
    const vouchers = (await gaps()).find((gap) => gap.question === "Do you sell gift vouchers?")!;
    expect((await json<Gap>(await call("POST", `/api/v1/knowledge-gaps/${vouchers.id}/dismiss`))).status).toBe("dismissed");
    expect((await gaps()).map((gap) => gap.id)).not.toContain(vouchers.id);
    await ask("Do you sell gift vouchers?");
    expect((await gaps("?status=dismissed")).find((gap) => gap.id === vouchers.id)!.count).toBe(2);
  });

  it("validates input and keeps other organizations' gaps out of reach", async () => {
    const [gap] = await gaps();
    const invalid = await json<{ errors: Array<{ field: string }> }>(await call("POST", `/api/v1/knowledge-gaps/${gap!.id}/answer`, { answer: "" }), 422);
    expect(invalid.errors.map((error) => error.field)).toContain("answer");
    await json(await call("GET", "/api/v1/knowledge-gaps?status=closed"), 422);
    await json(await callB("POST", `/api/v1/knowledge-gaps/${gap!.id}/answer`, { answer: "Mine now" }), 404);
    await json(await callB("POST", `/api/v1/knowledge-gaps/${gap!.id}/dismiss`), 404);
    expect((await gaps()).find((row) => row.id === gap!.id)!.status).toBe("open");
  });
});
