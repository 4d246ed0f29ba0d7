import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// Two frustrated visitor turns: the bot offers a person once and the conversation is flagged.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

interface ChatReply {
  conversationId: string;
  userMessageId?: string;
  followUps: Array<{ role: string; content: string }>;
}

const ask = async (message: string, conversationId?: string) => {
  const response = await call("POST", "/api/v1/chat", { botId: a.botId, message, ...(conversationId ? { conversationId } : {}) });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatReply;
};
const sentiments = async (conversationId: string) =>
  (await t.deps.prisma.message.findMany({ where: { conversationId, role: "user" }, orderBy: { createdAt: "asc" } })).map(
    (message) => (message.metadata as { sentiment?: string }).sentiment,
  );

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Frustration");
  call = client(t.app, a.apiKey);
}, 120_000);
afterAll(() => t?.close());

describe("frustrated visitors", () => {
  it("gives every visitor turn a sentiment; the second frustrated turn offers a person and flags the conversation", async () => {
    const first = await ask("Do you do MOT tests?");
    expect(first.followUps).toEqual([]);
    const second = await ask("This is useless", first.conversationId);
    expect(second.followUps).toEqual([]);
    const conversation = () => t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect((await conversation()).metadata).not.toHaveProperty("flagged");

    const third = await ask("Do you do MOT tests?", first.conversationId);
    expect(third.followUps.map((message) => [message.role, message.content])).toEqual([["assistant", expect.stringContaining("talk to a person")]]);
    expect((await conversation()).metadata).toMatchObject({ flagged: true, flagReason: "frustrated" });
    expect(await sentiments(first.conversationId)).toEqual(["neutral", "frustrated", "frustrated"]);

    // Offered once per conversation.
    const fourth = await ask("WHY WON'T YOU ANSWER ME", first.conversationId);
    expect(fourth.followUps).toEqual([]);
    const thanks = await ask("ok thanks", first.conversationId);
    expect(thanks.followUps).toEqual([]);
    expect((await sentiments(first.conversationId)).slice(-2)).toEqual(["frustrated", "positive"]);
  });

  it("offers a person in Spanish to a Spanish-speaking visitor", async () => {
    const first = await ask("Esto es inútil");
    const second = await ask("Ya te lo dije, no funciona", first.conversationId);
    expect(second.followUps.map((message) => message.content)).toEqual([expect.stringContaining("hablar con una persona")]);
  });
});
