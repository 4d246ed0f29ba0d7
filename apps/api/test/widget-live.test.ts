import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventStream } from "./support/event-stream";
import { parseSse } from "./support/sse";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// The widget's live stream (…/conversations/:id/events): pushes instead of polling, resumable by Last-Event-ID.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let botKey: string;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Live");
  call = client(t.app, a.apiKey);
  botKey = a.botPublicKey;
});
afterAll(() => t?.close());

const widget = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  t.app.request(`/api/widget/v1${path}`, {
    method: init.method ?? "GET",
    headers: { "x-frontdesk-bot-key": botKey, ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

/** The widget sends its visitor id in this header (a visitorId in the URL is not read). */
const visitor = (id: string) => ({ "x-frontdesk-visitor": id });

async function startConversation(visitorId: string, message = "Can I talk to a human please?") {
  const response = await widget("/chat", { method: "POST", body: { message, visitorId }, headers: { accept: "text/event-stream" } });
  const done = parseSse(await response.text()).at(-1)!;
  expect(done.event).toBe("done");
  return JSON.parse(done.data) as { conversationId: string; messageId: string };
}

describe("widget event stream", () => {
  it("sends status and history, then pushes operator replies and status changes as they happen", async () => {
    const { conversationId } = await startConversation("v-live");
    const response = await widget(`/conversations/${conversationId}/events`, { headers: visitor("v-live") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const stream = openEventStream(response);
    try {
      expect(JSON.parse((await stream.next()).data)).toEqual({ status: "handoff" });
      const history = [await stream.next(), await stream.next()];
      expect(history.map((m) => JSON.parse(m.data).role)).toEqual(["user", "assistant"]);

      const reply = await call("POST", `/api/v1/conversations/${conversationId}/replies`, { text: "Hi, this is Sam." });
      expect(reply.status).toBe(201);
      const replyId = ((await reply.json()) as { id: string }).id;
      const pushed = await stream.next((m) => m.event === "message");
      expect(JSON.parse(pushed.data)).toMatchObject({ id: replyId, role: "operator", content: "Hi, this is Sam." });

      await call("POST", `/api/v1/conversations/${conversationId}/release`);
      expect(JSON.parse((await stream.next((m) => m.event === "status")).data)).toEqual({ status: "open" });
    } finally {
      await stream.close();
    }
  });

  it("resumes after Last-Event-ID (or ?after=) with only what was missed", async () => {
    const { conversationId } = await startConversation("v-resume");
    const first = await (await widget(`/conversations/${conversationId}/messages`, { headers: visitor("v-resume") })).json();
    const lastSeen = (first as { messages: { id: string }[] }).messages.at(-1)!.id;
    await call("POST", `/api/v1/conversations/${conversationId}/replies`, { text: "Sent while you were away" });

    for (const headers of [{ "last-event-id": lastSeen }, {}] as Record<string, string>[]) {
      const query = "last-event-id" in headers ? "" : `?after=${lastSeen}`;
      const stream = openEventStream(await widget(`/conversations/${conversationId}/events${query}`, { headers: { ...headers, ...visitor("v-resume") } }));
      try {
        expect((await stream.next()).event).toBe("status");
        const missed = await stream.next();
        expect(JSON.parse(missed.data)).toMatchObject({ role: "operator", content: "Sent while you were away" });
        // Nothing older is repeated: the next thing the stream says is the next new message.
        await call("POST", `/api/v1/conversations/${conversationId}/replies`, { text: "And now" });
        expect(JSON.parse((await stream.next()).data)).toMatchObject({ content: "And now" });
      } finally {
        await stream.close();
      }
    }
  });

  it("refuses another visitor and unknown conversations with a 404 problem before streaming", async () => {
    const { conversationId } = await startConversation("v-owner");
    const attempts: Array<[string, Record<string, string>]> = [
      [`/conversations/${conversationId}/events`, visitor("intruder")],
      [`/conversations/${conversationId}/events`, {}],
      // The owner's id in the URL instead of the header is not read.
      [`/conversations/${conversationId}/events?visitorId=v-owner`, {}],
      ["/conversations/nope/events", visitor("v-owner")],
    ];
    for (const [path, headers] of attempts) {
      const response = await widget(path, { headers });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("does not wake streams of other conversations", async () => {
    const mine = await startConversation("v-quiet");
    const other = await startConversation("v-noisy");
    const stream = openEventStream(await widget(`/conversations/${mine.conversationId}/events`, { headers: visitor("v-quiet") }));
    try {
      expect([await stream.next(), await stream.next(), await stream.next()].map((m) => m.event)).toEqual(["status", "message", "message"]);
      await call("POST", `/api/v1/conversations/${other.conversationId}/replies`, { text: "for someone else" });
      await call("POST", `/api/v1/conversations/${mine.conversationId}/replies`, { text: "for you" });
      expect(JSON.parse((await stream.next()).data)).toMatchObject({ content: "for you" });
    } finally {
      await stream.close();
    }
  });
});
