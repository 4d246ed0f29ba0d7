import { loadConfig } from "@frontdesk/config";
import { requestConversationReembedding } from "@frontdesk/core";
import { logStatements, testServerUrl } from "@frontdesk/db/testing";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Search by meaning and words over conversations (message vectors, HNSW), similar conversations and contacts,
// scoped by organization; with the real local embedding model, on PostgreSQL with TEST_DATABASE_URL, else PGlite.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let publicKey: string;
let botId: string;
const conversations: Record<string, string> = {};

const widget = (path: string, visitor: string, body?: unknown) =>
  t.app.request(`/api/widget/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-frontdesk-bot-key": publicKey, "x-frontdesk-visitor": visitor, "content-type": "application/json", accept: "text/event-stream" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function converse(visitor: string, messages: string[], contact?: { name: string; email: string }): Promise<string> {
  let conversationId: string | undefined;
  for (const message of messages) {
    const response = await widget("/chat", visitor, { message, conversationId, ...(contact ? { visitor: contact } : {}) });
    expect(response.status, await response.clone().text()).toBe(200);
    conversationId = (JSON.parse(parseSse(await response.text()).at(-1)!.data) as { conversationId: string }).conversationId;
  }
  return conversationId!;
}

interface Hit {
  id: string;
  score: number;
  match: { messageId: string; content: string };
}

async function get<T>(path: string, apiKey = a.apiKey): Promise<T> {
  const response = await client(t.app, apiKey)("GET", path);
  const body = await response.text();
  expect(response.status, body).toBe(200);
  return JSON.parse(body) as T;
}

beforeAll(async () => {
  const embeddings = await createEmbeddingsProvider(loadConfig({}));
  t = await createTestApi({ rag: { embeddings, chatModel: null }, env: { WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "1000", WIDGET_RATE_LIMIT_PER_MINUTE_IP: "1000" } });
  a = await createTenant(t.deps, "Search");
  b = await createTenant(t.deps, "Other");
  call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Hours", text: "We are open Monday to Friday from 9am to 5pm." });
  await t.deps.events.drain();
  const bot = (await (await call("POST", "/api/v1/bots", { name: "Desk", knowledgeBaseIds: [a.knowledgeBaseId] })).json()) as { id: string; publicKey: string };
  publicKey = bot.publicKey;
  botId = bot.id;
  conversations.parking = await converse("v-park", ["Where can I park my car?", "Is the car park free for visitors?"], { name: "Paula Park", email: "paula@example.com" });
  conversations.parking2 = await converse("v-park-2", ["Is there parking near your office?"]);
  conversations.payment = await converse("v-pay", ["Do you accept credit cards?", "Can I pay with PayPal?"], { name: "Carl Card", email: "carl@example.com" });
  conversations.hours = await converse("v-hours", ["When are you open on Sunday?", "Do you sell zafira spare parts?"]);
  await t.deps.events.drain();
}, 180_000);
afterAll(() => t?.close());

describe("search over conversations", () => {
  it("embeds every visitor message in the background with the knowledge base's model", async () => {
    const rows = await t.deps.prisma.messageEmbedding.findMany({ where: { organizationId: a.organizationId } });
    expect(rows).toHaveLength(7);
    const kb = await t.deps.prisma.knowledgeBase.findUniqueOrThrow({ where: { id: a.knowledgeBaseId } });
    expect(new Set(rows.map((row) => row.embeddingModel))).toEqual(new Set([kb.embeddingModel]));
    const userMessages = await t.deps.prisma.message.count({ where: { organizationId: a.organizationId, role: "user" } });
    expect(userMessages).toBe(7);
  });

  it("finds conversations by words and by meaning, best first, with the matching message", async () => {
    const byWords = await get<{ data: Hit[]; nextCursor: null }>("/api/v1/conversations?q=parking");
    expect(byWords.nextCursor).toBeNull();
    expect(byWords.data[0]!.id).toBe(conversations.parking2);
    expect(byWords.data[0]!.match.content).toBe("Is there parking near your office?");
    expect(byWords.data.map((hit) => hit.id).slice(0, 2).sort()).toEqual([conversations.parking, conversations.parking2].sort());

    // No shared word: only the meaning connects "vehicle" with parking a car.
    const byMeaning = await get<{ data: Hit[] }>("/api/v1/conversations?q=somewhere to leave my vehicle");
    expect(byMeaning.data[0]!.id).toBe(conversations.parking);

    const payment = await get<{ data: Hit[] }>("/api/v1/conversations?q=which payment methods do you take");
    expect(payment.data[0]!.id).toBe(conversations.payment);
    expect(payment.data[0]!.score).toBeGreaterThan(0);
  });

  it("lists conversations closest in meaning to one, leaving it out", async () => {
    const similar = await get<{ data: Hit[] }>(`/api/v1/conversations/${conversations.parking2}/similar`);
    expect(similar.data.map((hit) => hit.id)).not.toContain(conversations.parking2);
    expect(similar.data[0]!.id).toBe(conversations.parking);
    expect(similar.data[0]!.score).toBeGreaterThan(similar.data.at(-1)!.score);
  });

  // node-postgres statements only: PGlite's are not seen.
  it.skipIf(!testServerUrl())("looks up the nearest messages in one statement, not a transaction of four", async () => {
    const log = logStatements();
    try {
      await get<{ data: Hit[] }>(`/api/v1/conversations/${conversations.parking2}/similar`);
    } finally {
      log.stop();
    }
    expect(log.statements.filter((statement) => /message_embedding/.test(statement.sql) && /<=>/.test(statement.sql))).toHaveLength(1);
    expect(log.statements.map((statement) => statement.sql.trim()).filter((sql) => /^(BEGIN|COMMIT)\b/i.test(sql))).toEqual([]);
  });

  it("ranks contacts by their conversations: the lead when there is one, else the visitor", async () => {
    const contacts = await get<{ data: Array<{ id: string; leadId: string | null; name: string | null; visitorId: string | null; conversationIds: string[] }> }>(
      "/api/v1/contacts?q=where do I park",
    );
    expect(contacts.data[0]).toMatchObject({ name: "Paula Park", conversationIds: [conversations.parking] });
    expect(contacts.data[0]!.leadId).toBe(contacts.data[0]!.id);
    const visitor = contacts.data.find((contact) => contact.visitorId === "v-park-2");
    expect(visitor).toMatchObject({ id: "visitor:web:v-park-2", leadId: null, name: null });
    expect(contacts.data.findIndex((contact) => contact.name === "Carl Card")).toBeGreaterThan(contacts.data.indexOf(visitor!));
  });

  it("is scoped by organization, and names bad input", async () => {
    expect((await get<{ data: Hit[] }>("/api/v1/conversations?q=parking", b.apiKey)).data).toEqual([]);
    expect((await get<{ data: unknown[] }>("/api/v1/contacts?q=parking", b.apiKey)).data).toEqual([]);
    expect((await client(t.app, b.apiKey)("GET", `/api/v1/conversations/${conversations.parking}/similar`)).status).toBe(404);
    const empty = await call("GET", "/api/v1/contacts?q=");
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toEqual(["query.q"]);
  });

  it("re-embeds a bot's messages that have no vector or one of another model", async () => {
    const db = t.deps.prisma;
    await db.$executeRaw`UPDATE message_embedding SET "embeddingModel" = 'local/old-model' WHERE "conversationId" = ${conversations.payment}`;
    await db.messageEmbedding.deleteMany({ where: { conversationId: conversations.hours } });
    await requestConversationReembedding({ ...t.deps, organizationId: a.organizationId }, { botId });
    await t.deps.events.drain();
    const rows = await db.messageEmbedding.findMany({ where: { organizationId: a.organizationId } });
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.embeddingModel !== "local/old-model")).toBe(true);
  });

  it("files a failed question under a knowledge gap with the same vector search keeps for its message", async () => {
    const gaps = await t.deps.prisma.knowledgeGap.findMany({ where: { organizationId: a.organizationId } });
    expect(gaps.length).toBeGreaterThan(0);
    const failures = await t.deps.prisma.failedRetrieval.findMany({ where: { organizationId: a.organizationId, gapId: { not: null } } });
    for (const failure of failures) {
      const gap = gaps.find((candidate) => candidate.id === failure.gapId)!;
      const [stored] = await t.deps.prisma.$queryRaw<Array<{ model: string }>>`SELECT "embeddingModel" AS model FROM message_embedding WHERE "messageId" = ${failure.messageId}`;
      expect(stored?.model).toBe(gap.embeddingModel);
    }
  });
});
