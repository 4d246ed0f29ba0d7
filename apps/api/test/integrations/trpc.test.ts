import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../../src/trpc";
import { startServer, type RunningServer } from "../../src/start-server";
import { createTestApi } from "../support/test-api";
import { startReceiver, type Receiver } from "./receiver";

// The admin's view: the integrations, actions and webhooks routers over HTTP with a session cookie.
let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
let receiver: Receiver;
let trpc: ReturnType<typeof createTRPCClient<AppRouter>>;

beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: { ok: 1 } }));
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  server = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: t.deps.config.adminUrl },
    body: JSON.stringify({ email: "admin@example.com", password: "password-123", name: "Admin" }),
  });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  trpc = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/api/trpc`, headers: () => ({ origin: t.deps.config.adminUrl, cookie }) })],
  });
  await trpc.organization.create.mutate({ name: "Admin Co" });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
  await receiver?.close();
});

describe("admin tRPC: integrations, actions, webhooks", () => {
  it("manages an integration without ever returning its secret", async () => {
    const types = await trpc.integrations.types.query();
    expect(types.map((type) => type.id)).toEqual(expect.arrayContaining(["calcom", "email", "hubspot", "twilio", "webhook"]));
    const secret = "webhook-signing-secret-0123456789";
    const created = await trpc.integrations.create.mutate({ type: "webhook", name: "Ops hook", config: { url: `${receiver.url}/ops`, secret } });
    expect(created).toMatchObject({ status: "connected", config: { url: `${receiver.url}/ops` }, secrets: { secret: "••••6789" } });
    const updated = await trpc.integrations.update.mutate({ id: created.id, data: { name: "Ops", config: { url: `${receiver.url}/ops2` } } });
    expect(updated).toMatchObject({ name: "Ops", config: { url: `${receiver.url}/ops2` }, status: "connected" });
    expect((await trpc.integrations.test.mutate({ id: created.id })).ok).toBe(true);
    const all = JSON.stringify([await trpc.integrations.list.query(), await trpc.integrations.get.query({ id: created.id })]);
    expect(all).not.toContain(secret);
    expect(await trpc.integrations.delete.mutate({ id: created.id })).toEqual({ id: created.id, deleted: true });
  });

  it("creates and invokes a custom action, and lists webhook deliveries", async () => {
    const action = await trpc.actions.create.mutate({
      name: "notify_ops",
      description: "Tell ops",
      parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      endpoint: { url: `${receiver.url}/notify` },
    });
    expect(await trpc.actions.invoke.mutate({ id: action.id, arguments: { text: "hi" } })).toMatchObject({ ok: true, status: 200, response: { ok: 1 } });
    await expect(trpc.actions.invoke.mutate({ id: action.id, arguments: {} })).rejects.toMatchObject({
      data: { fields: [{ field: "arguments.text" }] },
    });

    const endpoint = await trpc.webhooks.create.mutate({ url: `${receiver.url}/events`, events: ["document.ready"] });
    expect(endpoint.signingSecret).toMatch(/^whsec_/);
    expect((await trpc.webhooks.list.query()).map((e) => e.id)).toEqual([endpoint.id]);
    expect(await trpc.webhooks.deliveries.query({ id: endpoint.id })).toEqual([]);
    expect((await trpc.webhooks.update.mutate({ id: endpoint.id, data: { enabled: false } })).enabled).toBe(false);
    await trpc.webhooks.delete.mutate({ id: endpoint.id });
  });
});
