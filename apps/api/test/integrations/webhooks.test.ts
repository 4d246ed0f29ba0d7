import { emitDomainEvent, requestHandoff, upsertConversationLead } from "@frontdesk/core";
import { verifySignature } from "@frontdesk/integrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";
import { eventually, startReceiver, type Receiver, recordingJson } from "./receiver";

let receiver: Receiver;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
const seen: string[] = [];

const json = recordingJson(seen);

type Endpoint = { id: string; url: string; events: string[]; secret: string; signingSecret?: string };
type Attempt = { attempt: number; statusCode: number | null; error: string | null; durationMs: number; at: string };
type Delivery = { id: string; event: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; payload: unknown; attemptLog: Attempt[] };

/** /flaky answers 500 the first time each delivery arrives, then 200; /gone always 410. */
const arrivals = new Map<string, number>();

beforeAll(async () => {
  receiver = await startReceiver((request) => {
    const delivery = String(request.headers["x-frontdesk-delivery"]);
    const count = (arrivals.get(delivery) ?? 0) + 1;
    arrivals.set(delivery, count);
    if (request.path === "/gone") return { status: 410 };
    if (request.path === "/flaky" && count === 1) return { status: 500, body: { error: "boom" } };
    return { status: 200 };
  });
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Alpha");
  call = client(t.app, a.apiKey);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

async function deliveries(endpointId: string): Promise<Delivery[]> {
  return (await json<{ data: Delivery[] }>(call("GET", `/api/v1/webhooks/${endpointId}/deliveries`))).body.data;
}

describe("outbound webhooks", () => {
  it("shows the signing secret once and masks it afterwards", async () => {
    const created = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/ok`, events: ["lead.captured"] }));
    expect(created.status).toBe(201);
    expect(created.body.signingSecret).toMatch(/^whsec_/);
    const secret = created.body.signingSecret!;
    const listed = await json<{ data: Endpoint[] }>(call("GET", "/api/v1/webhooks"));
    expect(listed.body.data[0]).toMatchObject({ id: created.body.id, secret: `••••${secret.slice(-4)}` });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const invalid = await json<{ errors: { field: string }[] }>(call("POST", "/api/v1/webhooks", { url: "ftp://x", events: ["lead.nope"] }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e) => e.field).sort()).toEqual(["events.0", "url"]);

    const patched = await json<Endpoint>(call("PATCH", `/api/v1/webhooks/${created.body.id}`, { events: ["lead.captured", "lead.qualified"] }));
    expect(patched.body.events).toEqual(["lead.captured", "lead.qualified"]);
    expect((await call("DELETE", `/api/v1/webhooks/${created.body.id}`)).status).toBe(200);
  });

  it("retries a delivery after a 500 and records both attempts; signatures verify", async () => {
    const created = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/flaky`, events: ["lead.captured"] }));
    const secret = created.body.signingSecret!;
    const [deliveryId] = await emitDomainEvent(a.ctx, "lead.captured", { leadId: "lead_1", email: "ann@example.com" });
    expect(deliveryId).toBeTruthy();

    const delivered = await eventually(async () => (await deliveries(created.body.id)).find((d) => d.status === "succeeded"));
    expect(delivered).toMatchObject({ id: deliveryId, event: "lead.captured", attempts: 2, lastStatusCode: 200, payload: { leadId: "lead_1" } });
    expect(delivered.lastError).toContain("500");
    expect(delivered.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 500, error: expect.stringContaining("500") }),
      expect.objectContaining({ attempt: 2, statusCode: 200, error: null }),
    ]);

    const posts = receiver.requests.filter((r) => r.path === "/flaky");
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.headers["x-frontdesk-delivery"]).toBe(deliveryId);
      expect(post.headers["x-frontdesk-event"]).toBe("lead.captured");
      expect(verifySignature({ secret, body: post.body, header: String(post.headers["x-frontdesk-signature"]) }).ok).toBe(true);
      expect(JSON.parse(post.body)).toMatchObject({ id: deliveryId, event: "lead.captured", data: { email: "ann@example.com" } });
    }
  });

  it("treats a 410 as final: no retry, marked failed", async () => {
    const created = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/gone`, events: ["handoff.requested"] }));
    await emitDomainEvent(a.ctx, "handoff.requested", { conversationId: "c1" });
    const failed = await eventually(async () => (await deliveries(created.body.id)).find((d) => d.status === "failed"));
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 410 });
    expect(failed.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 410 })]);
    await t.deps.events.drain();
    expect(receiver.requests.filter((r) => r.path === "/gone")).toHaveLength(1);
  });

  it("only delivers to enabled endpoints subscribed to the event", async () => {
    const off = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/ok`, events: ["message.created"], enabled: false }));
    const other = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/ok`, events: ["document.ready"] }));
    expect(await emitDomainEvent(a.ctx, "message.created", { messageId: "m1" })).toEqual([]);
    expect(await deliveries(off.body.id)).toEqual([]);
    expect(await deliveries(other.body.id)).toEqual([]);
  });

  it("emits document.ready when an added document finishes ingesting", { timeout: 120_000 }, async () => {
    const endpoint = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/docs`, events: ["document.ready"] }));
    const added = await json<{ id: string }>(
      call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Hours", text: "We open at nine every weekday." }),
    );
    expect(added.status).toBe(201);
    await t.deps.events.drain();
    const document = await t.deps.prisma.document.findUniqueOrThrow({ where: { id: added.body.id } });
    expect(document.status).toBe("ready");
    const delivered = await eventually(async () => (await deliveries(endpoint.body.id)).find((d) => d.status === "succeeded"));
    expect(delivered).toMatchObject({ event: "document.ready", payload: { documentId: added.body.id, knowledgeBaseId: a.knowledgeBaseId } });
  });

  it("emits conversation.created and message.created for a chat turn", async () => {
    const endpoint = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/chat`, events: ["conversation.created", "message.created"] }));
    const answered = await json<{ conversationId: string; messageId: string }>(call("POST", "/api/v1/chat", { botId: a.botId, message: "Are you open today?" }));
    expect(answered.status).toBe(200);
    const done = await eventually(async () => {
      const list = await deliveries(endpoint.body.id);
      return list.length === 3 && list.every((d) => d.status === "succeeded") ? list : undefined;
    });
    expect(done.map((d) => d.event).sort()).toEqual(["conversation.created", "message.created", "message.created"]);
    const messages = done.filter((d) => d.event === "message.created").map((d) => d.payload as { role: string; conversationId: string });
    expect(messages.map((m) => m.role).sort()).toEqual(["assistant", "user"]);
    expect(messages.every((m) => m.conversationId === answered.body.conversationId)).toBe(true);
  });

  it("emits lead.captured for a new lead and handoff.requested once per conversation", async () => {
    const endpoint = await json<Endpoint>(call("POST", "/api/v1/webhooks", { url: `${receiver.url}/crm`, events: ["lead.captured", "handoff.requested"] }));
    const conversation = await t.deps.prisma.conversation.create({ data: { organizationId: a.organizationId, botId: a.botId, channel: "api" } });
    const contact = { name: "Ann", email: "Ann@Example.com" };
    const lead = await upsertConversationLead(a.ctx, { botId: a.botId, conversationId: conversation.id, contact, source: "lead_form" });
    await upsertConversationLead(a.ctx, { botId: a.botId, conversationId: conversation.id, contact: { phone: "+15550100" }, source: "lead_form" });
    await requestHandoff(a.ctx, conversation);
    await requestHandoff(a.ctx, await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }));
    const done = await eventually(async () => {
      const list = await deliveries(endpoint.body.id);
      return list.length === 2 && list.every((d) => d.status === "succeeded") ? list : undefined;
    });
    expect(done.map((d) => d.event).sort()).toEqual(["handoff.requested", "lead.captured"]);
    expect(done.find((d) => d.event === "lead.captured")?.payload).toMatchObject({ leadId: lead?.id, email: "ann@example.com", source: "lead_form" });
    expect(done.find((d) => d.event === "handoff.requested")?.payload).toMatchObject({ conversationId: conversation.id, botId: a.botId });
  });
});
