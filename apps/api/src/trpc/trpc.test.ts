import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../../test/support/test-api";
import { startServer, type RunningServer } from "../start-server";
import type { AppRouter } from "./index";

// The real app (createApp via startServer) on 127.0.0.1:<random port>, spoken to over HTTP like the admin does.
let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApi();
  server = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  baseUrl = server.url;
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** "name=value; name2=value2" from a response's Set-Cookie headers. */
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

async function authPost(path: string, body: unknown) {
  const response = await fetch(`${baseUrl}/api/auth${path}`, {
    method: "POST",
    // Like a browser on the admin: better-auth rejects cookie/fetch-metadata POSTs without a trusted Origin.
    headers: { "content-type": "application/json", origin: t.deps.config.adminUrl },
    body: JSON.stringify(body),
  });
  return { response, cookie: cookieOf(response), body: (await response.json()) as Record<string, unknown> };
}

function client(cookie?: string) {
  const headers = () => ({ origin: t.deps.config.adminUrl, ...(cookie ? { cookie } : {}) });
  const url = `${baseUrl}/api/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url, headers }),
        false: httpBatchLink({ url, headers }),
      }),
    ],
  });
}

/** Signs up a user and creates their organization; returns a client carrying their session cookie. */
async function newTenant(email: string, orgName: string) {
  const signUp = await authPost("/sign-up/email", { email, password: "password-123", name: email.split("@")[0] });
  expect(signUp.response.status).toBe(200);
  const trpc = client(signUp.cookie);
  const org = await trpc.organization.create.mutate({ name: orgName });
  return { trpc, org, cookie: signUp.cookie };
}

async function trpcError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe("better-auth over HTTP + tRPC", () => {
  it("signs up, creates a provisioned organization and uses it", async () => {
    const signUp = await authPost("/sign-up/email", { email: "owner@example.com", password: "password-123", name: "Owner" });
    expect(signUp.response.status).toBe(200);
    expect(signUp.cookie).toMatch(/frontdesk\.session_token=/);

    const trpc = client(signUp.cookie);
    expect(await trpc.organization.current.query()).toBeNull();
    expect(await trpc.organization.list.query()).toEqual([]);
    const noOrg = await trpcError(trpc.bots.list.query());
    expect(noOrg.data?.code).toBe("FORBIDDEN");

    const org = await trpc.organization.create.mutate({ name: "Owner Co" });
    expect(org).toMatchObject({ name: "Owner Co", slug: "owner-co" });
    expect(await trpc.organization.current.query()).toMatchObject({ id: org.id, name: "Owner Co", role: "owner" });
    const bots = await trpc.bots.list.query();
    expect(bots.map((bot) => bot.id)).toEqual([org.defaultBotId]);
    expect(bots[0]?.knowledgeBaseIds).toEqual([org.defaultKnowledgeBaseId]);
    expect((await trpc.knowledge.bases.list.query()).map((kb) => kb.id)).toEqual([org.defaultKnowledgeBaseId]);
  });

  it("rejects calls without a session cookie as UNAUTHORIZED with a problem body", async () => {
    const error = await trpcError(client().organization.current.query());
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.httpStatus).toBe(401);
    expect(error.data?.problem).toMatchObject({ status: 401, code: "unauthorized" });
    const raw = await fetch(`${baseUrl}/api/trpc/bots.list`);
    expect(raw.status).toBe(401);
  });

  it("signs in to the user's organization straight away", async () => {
    await newTenant("returning@example.com", "Returning");
    const signIn = await authPost("/sign-in/email", { email: "returning@example.com", password: "password-123" });
    expect(signIn.response.status).toBe(200);
    const trpc = client(signIn.cookie);
    expect(await trpc.organization.current.query()).toMatchObject({ name: "Returning" });
    expect(await trpc.bots.list.query()).toHaveLength(1);

    const wrong = await authPost("/sign-in/email", { email: "returning@example.com", password: "wrong-password" });
    expect(wrong.response.status).toBe(401);
  });

  it("switches between the user's organizations", async () => {
    const { trpc, org: first } = await newTenant("multi@example.com", "First");
    const second = await trpc.organization.create.mutate({ name: "Second" });
    expect(await trpc.organization.current.query()).toMatchObject({ id: second.id });
    expect((await trpc.organization.list.query()).map((o) => [o.name, o.active])).toEqual([
      ["First", false],
      ["Second", true],
    ]);
    await trpc.organization.setActive.mutate({ organizationId: first.id });
    expect(await trpc.organization.current.query()).toMatchObject({ id: first.id });
    expect((await trpc.bots.list.query()).map((bot) => bot.id)).toEqual([first.defaultBotId]);
  });

  it("denies cross-tenant access", async () => {
    const alice = await newTenant("alice@example.com", "Alice Inc");
    const bob = await newTenant("bob@example.com", "Bob Inc");

    const attempts = [
      () => bob.trpc.bots.get.query({ id: alice.org.defaultBotId }),
      () => bob.trpc.bots.update.mutate({ id: alice.org.defaultBotId, data: { name: "pwned" } }),
      () => bob.trpc.knowledge.bases.get.query({ id: alice.org.defaultKnowledgeBaseId }),
      () => bob.trpc.knowledge.documents.list.query({ knowledgeBaseId: alice.org.defaultKnowledgeBaseId }),
      () => bob.trpc.knowledge.documents.addText.mutate({ knowledgeBaseId: alice.org.defaultKnowledgeBaseId, title: "x", text: "y" }),
      () => bob.trpc.chat.send.mutate({ botId: alice.org.defaultBotId, message: "hi" }),
    ];
    for (const attempt of attempts) expect((await trpcError(attempt())).data?.code).toBe("NOT_FOUND");
    const switchError = await trpcError(bob.trpc.organization.setActive.mutate({ organizationId: alice.org.id }));
    expect(switchError.data?.code).toBe("NOT_FOUND");
    expect(await bob.trpc.organization.current.query()).toMatchObject({ id: bob.org.id });
    expect((await alice.trpc.bots.get.query({ id: alice.org.defaultBotId })).name).not.toBe("pwned");
  });

  it("reports invalid input as UNPROCESSABLE_CONTENT naming the field", async () => {
    const { trpc } = await newTenant("invalid@example.com", "Invalid");
    const error = await trpcError(trpc.bots.create.mutate({ name: "" }));
    expect(error.data?.code).toBe("UNPROCESSABLE_CONTENT");
    expect(error.data?.httpStatus).toBe(422);
    expect(error.data?.fields).toEqual([expect.objectContaining({ field: "name" })]);
    expect(error.data?.problem).toMatchObject({ status: 422, code: "validation_failed" });
  });

  it("manages API keys, bots and documents through tRPC", async () => {
    const { trpc, org, cookie } = await newTenant("manager@example.com", "Manager");

    const key = await trpc.apiKeys.create.mutate({ name: "CI" });
    expect(key.key).toMatch(/^fd_/);
    const keys = await trpc.apiKeys.list.query();
    expect(keys).toEqual([expect.objectContaining({ id: key.id, name: "CI", prefix: key.prefix, revokedAt: null })]);
    expect(JSON.stringify(keys)).not.toContain(key.key);
    expect((await trpc.apiKeys.revoke.mutate({ id: key.id })).revokedAt).not.toBeNull();

    const bot = await trpc.bots.create.mutate({ name: "Second bot" });
    const linked = await trpc.bots.linkKnowledgeBase.mutate({ botId: bot.id, knowledgeBaseId: org.defaultKnowledgeBaseId });
    expect(linked.knowledgeBaseIds).toEqual([org.defaultKnowledgeBaseId]);

    // Files go through the admin's streaming upload route (same session cookie), not through tRPC.
    const uploadTo = (form: FormData) =>
      fetch(`${baseUrl}/api/admin/knowledge/bases/${org.defaultKnowledgeBaseId}/documents`, {
        method: "POST",
        headers: { cookie, origin: t.deps.config.adminUrl },
        body: form,
      });
    const form = new FormData();
    form.set("file", new File(["Opening hours: 9 to 5 on weekdays."], "hours.txt", { type: "text/plain" }));
    const response = await uploadTo(form);
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as { id: string; kind: string };
    expect(uploaded).toMatchObject({ kind: "document", title: "hours.txt", sourceKind: "file", status: "queued", duplicate: false });
    const text = await trpc.knowledge.documents.addText.mutate({
      knowledgeBaseId: org.defaultKnowledgeBaseId,
      title: "Parking",
      text: "Free parking behind the building.",
    });
    const documents = await trpc.knowledge.documents.list.query({ knowledgeBaseId: org.defaultKnowledgeBaseId });
    expect(documents.map((d) => d.id).sort()).toEqual([uploaded.id, text.id].sort());
    // The in-process worker ingests both; then the bot can cite them.
    await expect
      .poll(async () => (await trpc.knowledge.bases.stats.query({ id: org.defaultKnowledgeBaseId })).documents.ready, { timeout: 30_000 })
      .toBe(2);

    const missingFile = new FormData();
    missingFile.set("title", "No file");
    const uploadError = await uploadTo(missingFile);
    expect(uploadError.status).toBe(422);
    expect(await uploadError.json()).toMatchObject({ code: "validation_failed", errors: [expect.objectContaining({ field: "file" })] });

    const answer = await trpc.chat.send.mutate({ botId: org.defaultBotId, message: "What are the opening hours?" });
    expect(answer).toMatchObject({ conversationId: expect.any(String), messageId: expect.any(String), message: expect.any(String) });
    expect(answer.citations.map((citation) => citation.documentId)).toContain(uploaded.id);
    // A signed-in member's chat is the admin's preview: the inbox leaves it out unless asked for.
    expect((await trpc.conversations.list.query()).data).toEqual([]);
    const conversations = await trpc.conversations.list.query({ preview: "only" });
    expect(conversations.data.map((c) => c.id)).toEqual([answer.conversationId]);
    const conversation = await trpc.conversations.get.query({ id: answer.conversationId });
    expect(conversation.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  });

  it("streams a chat preview as a tRPC subscription (SSE)", async () => {
    const { org, cookie } = await newTenant("stream@example.com", "Stream");
    const input = encodeURIComponent(JSON.stringify({ botId: org.defaultBotId, message: "Hello?" }));
    const response = await fetch(`${baseUrl}/api/trpc/chat.stream?input=${input}`, { headers: { cookie, accept: "text/event-stream" } });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes('"type":"done"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const types = [...text.matchAll(/"type":"(\w+)"/g)].map((match) => match[1]);
    expect(types[0]).toBe("meta");
    expect(types.at(-1)).toBe("done");
  });

  it("edits widget appearance and lead capture, and takes over, replies to and releases a conversation", async () => {
    const { trpc, org } = await newTenant("operator@example.com", "Operator Co");
    const [bot] = await trpc.bots.list.query();
    const updated = await trpc.bots.update.mutate({
      id: org.defaultBotId,
      data: { appearance: { primaryColor: "#0f766e", suggestedQuestions: ["Hours?"] }, leadCapture: { mode: "on_handoff" } },
    });
    expect(updated.appearance).toEqual({ primaryColor: "#0f766e", suggestedQuestions: ["Hours?"] });
    expect(updated.leadCapture).toEqual({ mode: "on_handoff", afterMessages: 3, fields: ["name", "email"], requiredFields: ["email"] });
    const badColor = await trpcError(trpc.bots.update.mutate({ id: org.defaultBotId, data: { appearance: { primaryColor: "red;x" } } }));
    expect(badColor.data?.problem).toMatchObject({ errors: [{ field: "data.appearance.primaryColor" }] });

    const chat = await fetch(`${baseUrl}/api/widget/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-frontdesk-bot-key": bot!.publicKey },
      body: JSON.stringify({ message: "hello", visitorId: "v-trpc" }),
    });
    const { conversationId } = (await chat.json()) as { conversationId: string };

    const taken = await trpc.conversations.takeOver.mutate({ id: conversationId });
    expect(taken).toMatchObject({ id: conversationId, status: "handoff", assigneeId: expect.any(String) });
    const reply = await trpc.conversations.reply.mutate({ id: conversationId, text: "Hi, a person here." });
    expect(reply).toMatchObject({ role: "operator", content: "Hi, a person here.", authorUserId: taken.assigneeId });
    expect((await trpcError(trpc.conversations.reply.mutate({ id: conversationId, text: " " }))).data?.code).toBe("UNPROCESSABLE_CONTENT");
    expect(await trpc.conversations.release.mutate({ id: conversationId })).toMatchObject({ status: "open", assigneeId: null });
    expect((await trpcError(trpc.conversations.takeOver.mutate({ id: "missing" }))).data?.code).toBe("NOT_FOUND");
  });

  it("rejects cookie-carrying better-auth calls from untrusted origins", async () => {
    const { cookie } = await newTenant("origin@example.com", "Origin");
    const signOut = (origin: string) =>
      fetch(`${baseUrl}/api/auth/sign-out`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, cookie },
        body: "{}",
      });
    expect((await signOut("https://evil.example")).status).toBe(403);
    expect((await signOut("")).status).toBe(403);
    expect((await signOut(t.deps.config.adminUrl)).status).toBe(200);
  });
});
