import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/start-server";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";
import { startReceiver, type Receiver } from "./receiver";

let receiver: Receiver;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

beforeAll(async () => {
  receiver = await startReceiver((request) => ({ status: request.path === "/down" ? 500 : 200 }));
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Alpha");
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe("webhook deliveries after a restart (in-process jobs)", () => {
  it("delivers what a crashed run left pending or retrying, once each; gives up on used-up ones", async () => {
    const call = client(t.app, a.apiKey);
    const created = await call("POST", "/api/v1/webhooks", { url: `${receiver.url}/hook`, events: ["lead.captured"] });
    expect(created.status).toBe(201);
    const endpointId = ((await created.json()) as { id: string }).id;

    // As the crashed process left them: the rows exist, their in-memory jobs and retry timers are gone.
    const base = { organizationId: a.organizationId, endpointId, event: "lead.captured" };
    const make = (payload: object, extra: object = {}) => t.deps.prisma.webhookDelivery.create({ data: { ...base, payload, ...extra } });
    const fresh = await make({ leadId: "never-tried" });
    const retrying = await make({ leadId: "was-retrying" }, { attempts: 2, lastStatusCode: 503, lastError: "HTTP 503 (attempt 2)" });
    const exhausted = await make({ leadId: "used-up" }, { attempts: 6, lastStatusCode: 500, lastError: "HTTP 500 (attempt 6)" });
    const down = await call("POST", "/api/v1/webhooks", { url: `${receiver.url}/down`, events: ["lead.captured"] });
    const downId = ((await down.json()) as { id: string }).id;
    // One attempt left: the restart must not hand it a fresh set of retries.
    const lastTry = await make({ leadId: "last-try" }, { endpointId: downId, attempts: 5, lastStatusCode: 500 });
    const done = await make({ leadId: "already-delivered" }, { status: "succeeded", attempts: 1, lastStatusCode: 200, deliveredAt: new Date() });

    const running = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
    try {
      await t.deps.events.drain();
      const rows = await t.deps.prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
      expect(rows.map((row) => [row.id, row.status, row.attempts])).toEqual([
        [fresh.id, "succeeded", 1],
        [retrying.id, "succeeded", 3],
        [exhausted.id, "failed", 6],
        [done.id, "succeeded", 1],
      ]);
      expect(rows[2]!.lastError).toBe("HTTP 500 (attempt 6)");
      const posted = receiver.requests.map((request) => request.headers["x-frontdesk-delivery"]);
      expect(posted.sort()).toEqual([fresh.id, retrying.id, lastTry.id].sort());
      expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: lastTry.id } })).toMatchObject({ status: "failed", attempts: 6 });
      expect(JSON.parse(receiver.requests.find((r) => r.headers["x-frontdesk-delivery"] === retrying.id)!.body)).toMatchObject({ id: retrying.id, data: { leadId: "was-retrying" } });
    } finally {
      await running.close();
    }

    // A second restart finds nothing left to send.
    const again = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
    try {
      await t.deps.events.drain();
      expect(receiver.requests).toHaveLength(3);
    } finally {
      await again.close();
    }
  }, 60_000);
});
