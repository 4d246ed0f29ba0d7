import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVapiFake } from "./integrations/vapi-fake";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Linking a bot to a Vapi assistant through the `vapi` integration, with the official SDK against a local fake of
// Vapi's assistant API: create one pointed at the bot, or point an existing one at it; unlinking undoes either.

const KEY = "vapi-private-key-0123456789";
const SECRET = "vapi-link-secret-0123456789";
const receptionist = {
  id: "asst-existing",
  name: "Receptionist",
  firstMessage: "Hello from the old assistant",
  model: { provider: "openai", model: "gpt-4o", messages: [{ role: "system", content: "Old prompt" }] },
  server: { url: "https://old.example.com/vapi" },
  serverMessages: ["end-of-call-report"],
};
let vapi: Awaited<ReturnType<typeof startVapiFake>>;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let integrationId: string;

type Json = Record<string, unknown>;

beforeAll(async () => {
  vapi = await startVapiFake({ apiKey: KEY, assistants: [structuredClone(receptionist)] });
  t = await createTestApi({ env: { INTEGRATION_BASE_URLS: `vapi=${vapi.url}`, PUBLIC_URL: "https://desk.example.com" } });
  a = await createTenant(t.deps, "Vapi link");
  call = client(t.app, a.apiKey);
});
afterAll(async () => {
  await t?.close();
  await vapi?.close();
});

describe("vapi integration", () => {
  it("is in the registry and its connection test lists the account's assistants with the private key", async () => {
    const types = (await (await call("GET", "/api/v1/integrations/types")).json()) as { data: { id: string }[] };
    expect(types.data.map((type) => type.id)).toContain("vapi");
    const created = await call("POST", "/api/v1/integrations", { type: "vapi", name: "Vapi", config: { apiKey: KEY } });
    const body = (await created.json()) as Json;
    expect(created.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ status: "connected" });
    expect(JSON.stringify(body)).not.toContain(KEY);
    integrationId = String(body.id);

    const wrong = await call("POST", "/api/v1/integrations", { type: "vapi", name: "Wrong", config: { apiKey: "not-the-key-0123" } });
    expect(JSON.stringify(await wrong.json())).toMatch(/Invalid Key|401/);
  });
});

describe("linking a bot to a Vapi assistant", () => {
  it("needs the bot's voice secret first", async () => {
    const response = await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId });
    expect(response.status).toBe(409);
  });

  it("creates an assistant pointed at the bot, and deletes it on unlink", async () => {
    expect((await call("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: SECRET } })).status).toBe(200);
    const response = await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId });
    const link = (await response.json()) as Json;
    expect(response.status, JSON.stringify(link)).toBe(200);
    const serverUrl = `https://desk.example.com/api/webhooks/vapi/${a.botPublicKey}`;
    expect(link).toMatchObject({ botId: a.botId, integrationId, serverUrl, created: true });
    const created = vapi.assistants.get(String(link.assistantId))! as unknown as Json & { model: Json & { tools: Json[] } };
    expect(created).toMatchObject({ firstMessage: expect.any(String), server: { url: serverUrl, headers: { "X-Vapi-Secret": SECRET } } });
    expect(created.model).toMatchObject({ provider: "openai", knowledgeBase: { provider: "custom-knowledge-base", server: { url: serverUrl } } });
    expect(created.model.tools.map((tool) => (tool.function as Json).name)).toEqual(["search_knowledge"]);
    expect((await (await call("GET", `/api/v1/bots/${a.botId}/vapi`)).json()) as Json).toMatchObject({ assistantId: link.assistantId });

    const unlinked = (await (await call("DELETE", `/api/v1/bots/${a.botId}/vapi`)).json()) as Json;
    expect(unlinked).toMatchObject({ integrationId: null, assistantId: null });
    expect(vapi.assistants.has(String(link.assistantId))).toBe(false);
  });

  it("points an existing assistant at the bot and restores it on unlink", async () => {
    const response = await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId, assistantId: "asst-existing" });
    expect(response.status).toBe(200);
    expect((await response.json()) as Json).toMatchObject({ assistantId: "asst-existing", created: false });
    const linked = vapi.assistants.get("asst-existing")!;
    expect(linked.server).toMatchObject({ url: `https://desk.example.com/api/webhooks/vapi/${a.botPublicKey}` });
    expect(linked.firstMessage).not.toBe(receptionist.firstMessage);
    // Vapi takes the id from the path only.
    const patch = vapi.requests.findLast((request) => request.method === "PATCH")!;
    expect(patch.path).toBe("/assistant/asst-existing");
    expect(patch.body).not.toHaveProperty("id");

    // Relinking refreshes it and still remembers the original.
    expect((await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId, assistantId: "asst-existing" })).status).toBe(200);
    expect((await call("DELETE", `/api/v1/bots/${a.botId}/vapi`)).status).toBe(200);
    expect(vapi.assistants.get("asst-existing")).toMatchObject({
      name: receptionist.name,
      firstMessage: receptionist.firstMessage,
      model: receptionist.model,
      server: receptionist.server,
      serverMessages: receptionist.serverMessages,
    });
  });

  it("answers 404 naming assistantId for an assistant the account does not have", async () => {
    const response = await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId, assistantId: "asst-missing" });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("assistantId");
  });
});
