import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthSession } from "@frontdesk/core";
import { appRouter } from "../../src/trpc/root";
import { createCallerFactory } from "../../src/trpc/trpc";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// The admin inbox: who the visitor is (lead), preview chats left out, the waiting-for-a-person count, resolving.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let member: ReturnType<typeof memberCaller>;

/** The signed-in owner in the admin (the session cookie is checked by middleware before tRPC). */
const memberCaller = (tenant: Tenant) =>
  createCallerFactory(appRouter)({
    deps: t.deps,
    auth: t.deps.auth,
    headers: new Headers(),
    resHeaders: new Headers(),
    session: { user: { id: tenant.ctx.actor.type === "user" ? tenant.ctx.actor.userId : "" }, session: { id: "s" } } as unknown as AuthSession,
    membership: { organizationId: tenant.organizationId, role: "owner" },
    core: tenant.ctx,
  });

type Page = { data: { id: string; preview: boolean; channel: string; lead: { name: string | null; email: string | null } | null; status: string }[] };
const list = async (query = "") => ((await (await call("GET", `/api/v1/conversations${query}`)).json()) as Page).data;
const waiting = async () => ((await (await call("GET", "/api/v1/conversations/waiting-count")).json()) as { waiting: number }).waiting;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Harbor Dental");
  call = client(t.app, a.apiKey);
  member = memberCaller(a);
}, 120_000);
afterAll(() => t?.close());

describe("the inbox", () => {
  let visitorConversation: string;
  let previewConversation: string;

  it("names the visitor by their lead and leaves the admin's preview chats out unless asked", async () => {
    const visitor = await call("POST", "/api/v1/chat", { botId: a.botId, message: "Hi, do you do whitening?", visitor: { name: "Ana Ruiz", email: "ana@example.com" } });
    visitorConversation = ((await visitor.json()) as { conversationId: string }).conversationId;
    previewConversation = (await member.chat.send({ botId: a.botId, message: "Testing my bot" })).conversationId;

    expect((await list()).map((c) => c.id)).toEqual([visitorConversation]);
    expect((await list())[0]).toMatchObject({ preview: false, channel: "api", lead: { name: "Ana Ruiz", email: "ana@example.com" } });
    expect((await list("?preview=only")).map((c) => c.id)).toEqual([previewConversation]);
    expect((await list("?preview=include")).map((c) => c.id).sort()).toEqual([visitorConversation, previewConversation].sort());
    expect((await member.conversations.list({ preview: "only" })).data[0]).toMatchObject({ id: previewConversation, preview: true, lead: null });
    expect((await call("GET", "/api/v1/conversations?preview=maybe")).status).toBe(422);
  });

  it("counts conversations waiting for a person until someone takes one over or resolves it", async () => {
    expect(await waiting()).toBe(0);
    const second = ((await (await call("POST", "/api/v1/chat", { botId: a.botId, message: "Hello" })).json()) as { conversationId: string }).conversationId;
    for (const id of [visitorConversation, second]) {
      const asked = await call("POST", "/api/v1/chat", { botId: a.botId, conversationId: id, message: "Can I talk to a human please?" });
      expect(((await asked.json()) as { status: string }).status).toBe("handoff");
    }
    // A preview chat asking for a person is the owner testing, not a visitor waiting.
    await member.chat.send({ botId: a.botId, conversationId: previewConversation, message: "Can I talk to a human please?" });
    expect(await waiting()).toBe(2);
    expect(await member.conversations.waitingCount()).toEqual({ waiting: 2 });
    expect((await list("?waiting=true")).map((c) => c.id).sort()).toEqual([visitorConversation, second].sort());

    await member.conversations.takeOver({ id: visitorConversation });
    expect(await waiting()).toBe(1);
    const closed = await call("POST", `/api/v1/conversations/${second}/close`);
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ id: second, status: "closed", handoffRequestedAt: null, assigneeId: null });
    expect(await waiting()).toBe(0);
    expect(await member.conversations.close({ id: visitorConversation })).toMatchObject({ status: "closed" });
    expect((await list("?status=closed")).map((c) => c.id).sort()).toEqual([visitorConversation, second].sort());

    // The visitor writes again: the conversation is active again.
    await call("POST", "/api/v1/chat", { botId: a.botId, conversationId: second, message: "One more question" });
    expect((await list("?status=closed")).map((c) => c.id)).toEqual([visitorConversation]);
  });

  it("cannot close another organization's conversation", async () => {
    const b = await createTenant(t.deps, "Other");
    const response = await client(t.app, b.apiKey)("POST", `/api/v1/conversations/${visitorConversation}/close`);
    expect(response.status).toBe(404);
  });
});
