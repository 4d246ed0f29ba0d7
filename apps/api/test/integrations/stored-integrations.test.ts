import { randomBytes } from "node:crypto";
import { loadIntegrationConfig, reencryptStoredSecrets } from "@frontdesk/core";
import { parseKeyring } from "@frontdesk/integrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubspotFake } from "../../../../packages/integrations/test/fakes/hubspot-fake";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";
import { recordingJson } from "./receiver";

const GOOD_TOKEN = "pat-na1-good-token-0123456789abcdef";
const WRONG_TOKEN = "pat-na1-wrong-token-000000000000000";

let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
/** Every response body this file saw, to prove no secret ever left the API. */
const seen: string[] = [];

const json = recordingJson(seen);

type Integration = { id: string; type: string; name: string; status: string; statusReason: string | null; config: Record<string, unknown>; secrets: Record<string, string>; lastTestedAt: string | null; updatedAt: string; canSync: boolean };
type Problem = { status: number; code: string; title: string; errors?: { field: string; message: string }[] };

beforeAll(async () => {
  hubspot = await startHubspotFake({ tokens: { [GOOD_TOKEN]: "write" } });
  t = await createTestApi({ env: { INTEGRATION_BASE_URLS: `hubspot=${hubspot.url}` } });
  a = await createTenant(t.deps, "Alpha");
  b = await createTenant(t.deps, "Beta");
  call = client(t.app, a.apiKey);
});
afterAll(async () => {
  await t?.close();
  await hubspot?.close();
});

describe("stored integrations over REST", () => {
  it("lists the catalogue with each provider's settings schema and actions", async () => {
    const { status, body } = await json<{ data: { id: string; configJsonSchema: { properties: Record<string, { writeOnly?: boolean }> }; actions: { name: string }[] }[] }>(
      call("GET", "/api/v1/integrations/types"),
    );
    expect(status).toBe(200);
    const hubspotType = body.data.find((type) => type.id === "hubspot");
    expect(hubspotType?.configJsonSchema.properties.accessToken?.writeOnly).toBe(true);
    expect(hubspotType?.actions.map((action) => action.name)).toContain("upsert_contact");
  });

  it("refuses to save settings the provider rejects, with the provider's error, unless skipTest", async () => {
    const refused = await json<Problem>(call("POST", "/api/v1/integrations", { type: "hubspot", config: { accessToken: WRONG_TOKEN } }));
    expect(refused.status).toBe(422);
    expect(refused.body.title).toContain("Authentication credentials not valid");
    expect(refused.body.errors?.[0]?.field).toBe("config");
    expect((await json<{ data: unknown[] }>(call("GET", "/api/v1/integrations"))).body.data).toEqual([]);

    const invalid = await json<Problem>(call("POST", "/api/v1/integrations", { type: "hubspot", config: { accessToken: "short" } }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(["config.accessToken"]);

    const skipped = await json<Integration>(call("POST", "/api/v1/integrations", { type: "hubspot", name: "Untested CRM", config: { accessToken: WRONG_TOKEN }, skipTest: true }));
    expect(skipped.status).toBe(201);
    expect(skipped.body.status).toBe("untested");

    const tested = await json<{ ok: boolean; error?: string; integration: Integration }>(call("POST", `/api/v1/integrations/${skipped.body.id}/test`));
    expect(tested.body.ok).toBe(false);
    expect(tested.body.error).toContain("Authentication credentials not valid");
    expect(tested.body.integration).toMatchObject({ status: "error", statusReason: expect.stringContaining("Authentication credentials not valid") });
    expect((await call("DELETE", `/api/v1/integrations/${skipped.body.id}`)).status).toBe(200);
  });

  it("saves after a successful test, shows only masked secrets, and serves the decrypted config server-side", async () => {
    const created = await json<Integration>(call("POST", "/api/v1/integrations", { type: "hubspot", name: "CRM", config: { accessToken: GOOD_TOKEN } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "hubspot", name: "CRM", status: "connected", statusReason: null });
    expect(created.body.secrets.accessToken).toBe(`••••${GOOD_TOKEN.slice(-4)}`);
    expect(created.body.lastTestedAt).not.toBeNull();
    const id = created.body.id;

    const renamed = await json<Integration>(call("PATCH", `/api/v1/integrations/${id}`, { name: "HubSpot CRM", config: { accessToken: "" } }));
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "HubSpot CRM", status: "connected" });
    const wrongUpdate = await json<Problem>(call("PATCH", `/api/v1/integrations/${id}`, { config: { accessToken: WRONG_TOKEN } }));
    expect(wrongUpdate.status).toBe(422);

    expect((await json<Integration>(call("GET", `/api/v1/integrations/${id}`))).body.name).toBe("HubSpot CRM");
    expect((await json<{ data: Integration[] }>(call("GET", "/api/v1/integrations"))).body.data.map((i) => i.id)).toEqual([id]);
    expect(renamed.body.canSync).toBe(true);
    expect((await json<{ ok: boolean }>(call("POST", `/api/v1/integrations/${id}/test`))).body.ok).toBe(true);
    const synced = await json<{ ok: boolean; integration: Integration & { lastSyncedAt: string | null } }>(call("POST", `/api/v1/integrations/${id}/sync`));
    expect(synced.body).toMatchObject({ ok: true, integration: { status: "connected", lastSyncedAt: expect.any(String) } });
    const webhook = await json<Integration>(
      call("POST", "/api/v1/integrations", { type: "webhook", config: { url: "https://hooks.example.com/x", secret: "s".repeat(20) }, skipTest: true }),
    );
    expect(webhook.body.canSync).toBe(false);
    expect((await json<Problem>(call("POST", `/api/v1/integrations/${webhook.body.id}/sync`))).status).toBe(409);
    expect((await call("GET", `/api/v1/integrations/${id}`, undefined, { authorization: `Bearer ${b.apiKey}` })).status).toBe(404);

    // The refused update kept the working token; the row holds ciphertext only.
    const loaded = await loadIntegrationConfig(a.ctx, id);
    expect(loaded).toMatchObject({ type: "hubspot", config: { accessToken: GOOD_TOKEN }, providerContext: { baseUrl: hubspot.url } });
    const row = await t.deps.prisma.integration.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(GOOD_TOKEN);
    expect(row.keyId).toBe(t.deps.keyring.currentKeyId);

    const openapi = await json<{ paths: Record<string, unknown> }>(call("GET", "/api/v1/openapi.json"));
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        "/integrations",
        "/integrations/types",
        "/integrations/{id}",
        "/integrations/{id}/test",
        "/integrations/{id}/sync",
        "/actions",
        "/actions/{id}",
        "/actions/{id}/invoke",
        "/webhooks",
        "/webhooks/{id}",
        "/webhooks/{id}/deliveries",
      ]),
    );
  });

  it("re-encrypts stored secrets with a new key so the old key can be dropped", async () => {
    const created = await json<Integration>(call("POST", "/api/v1/integrations", { type: "hubspot", name: "Rotated", config: { accessToken: GOOD_TOKEN } }));
    const oldKeyId = t.deps.keyring.currentKeyId;
    const oldKey = t.deps.keyring.keys.get(oldKeyId)!.toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const rotating = parseKeyring(`k-new:${newKey},${oldKeyId}:${oldKey}`);

    const summary = await reencryptStoredSecrets({ prisma: t.deps.prisma, keyring: rotating });
    expect(summary.integrations).toBeGreaterThanOrEqual(1);
    const row = await t.deps.prisma.integration.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.keyId).toBe("k-new");
    expect(await reencryptStoredSecrets({ prisma: t.deps.prisma, keyring: rotating })).toEqual({ integrations: 0, customActions: 0, webhookEndpoints: 0, modelSettings: 0, voiceSecrets: 0 });

    const newOnly = { ...a.ctx, keyring: parseKeyring(`k-new:${newKey}`) };
    expect((await loadIntegrationConfig(newOnly, created.body.id)).config.accessToken).toBe(GOOD_TOKEN);
    await expect(loadIntegrationConfig(a.ctx, created.body.id)).rejects.toThrow(/cannot be decrypted/);
  });

  it("never returned a secret in any response", () => {
    const everything = seen.join("\n");
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(GOOD_TOKEN);
    expect(everything).not.toContain(WRONG_TOKEN);
  });
});
