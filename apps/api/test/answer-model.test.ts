import { setAnswerModel, type AnswerModelView } from "@frontdesk/core";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// The organization's own answer model over REST: model answers for an org that sets one, extractive for the rest
// (the server default here has no model), the key sealed at rest and never returned, changes live without restart.
const ORG_KEY = "sk-org-a-0123456789-secret";

let t: Awaited<ReturnType<typeof createTestApi>>;
let llm: FakeOpenAIServer;
let a: Tenant;
let b: Tenant;
let callA: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

const openai = () => ({ provider: "openai", model: "gpt-org-mini", apiKey: ORG_KEY, baseUrl: llm.baseUrl });

async function ask(call: ReturnType<typeof client>, tenant: Tenant, message: string) {
  const response = await call("POST", "/api/v1/chat", { botId: tenant.botId, message });
  expect(response.status).toBe(200);
  return (await response.json()) as { message: string; answerMode: string; citations: unknown[] };
}

beforeAll(async () => {
  llm = await startFakeOpenAIServer({ reply: "The org model says: Saturdays 9 to noon [1].", apiKey: ORG_KEY });
  // The fake model runs on 127.0.0.1, which the SSRF guard refuses unless the deployment allows private networks.
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Model Org");
  b = await createTenant(t.deps, "Plain Org");
  callA = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
  for (const [call, tenant] of [[callA, a], [callB, b]] as const) {
    await call("POST", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, {
      title: "Opening hours",
      text: "The clinic is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon.",
    });
  }
  await t.deps.events.drain();
});
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

describe("organization answer model", () => {
  it("shows extractive mode from the server default while the organization has no setting", async () => {
    const view = (await (await callA("GET", "/api/v1/organization/model")).json()) as AnswerModelView;
    expect(view).toMatchObject({ answerMode: "extractive", source: "server", provider: null, organization: null, serverDefault: { answerMode: "extractive" } });
    expect(view.description).toBe("Extractive answers — no language model configured (server default)");
    const answer = await ask(callA, a, "Are you open on Saturdays?");
    expect(answer.answerMode).toBe("extractive");
    expect(llm.requests).toHaveLength(0);
  });

  it("answers with the organization's model once set, other organizations stay extractive, the key never comes back", async () => {
    const response = await callA("PUT", "/api/v1/organization/model", openai());
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(ORG_KEY);
    expect(JSON.parse(text)).toMatchObject({
      answerMode: "model",
      source: "organization",
      provider: "openai",
      model: "gpt-org-mini",
      description: "Answers by openai/gpt-org-mini (this organization's setting)",
      organization: { provider: "openai", model: "gpt-org-mini", baseUrl: llm.baseUrl, hasKey: true, keyHint: "••••cret" },
    });

    const answer = await ask(callA, a, "Are you open on Saturdays?");
    expect(answer).toMatchObject({ answerMode: "model", message: "The org model says: Saturdays 9 to noon [1]." });
    expect(llm.requests.at(-1)?.model).toBe("gpt-org-mini");
    expect(llm.bearerTokens.at(-1)).toBe(ORG_KEY);

    // A's turn queues background work after its reply (learning, follow-ups) that may use A's model: let it finish,
    // so that every request counted below is one B's turn or B's own background work made.
    await t.deps.events.drain();
    const before = llm.requests.length;
    expect((await ask(callB, b, "Are you open on Saturdays?")).answerMode).toBe("extractive");
    await t.deps.events.drain();
    expect(llm.requests).toHaveLength(before);
    expect(((await (await callB("GET", "/api/v1/organization/model")).json()) as AnswerModelView).organization).toBeNull();
    expect(await (await callA("GET", "/api/v1/organization/model")).text()).not.toContain(ORG_KEY);
  });

  it("stores the key encrypted: the raw row does not contain it", async () => {
    const rows = await t.deps.prisma.$queryRaw<{ row: string }[]>`
      SELECT row_to_json(s)::text AS row FROM organization_model_setting s WHERE "organizationId" = ${a.organizationId}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(ORG_KEY);
    expect(rows[0]!.row).not.toContain("0123456789");
    expect(JSON.parse(rows[0]!.row)).toMatchObject({ provider: "openai", keyId: t.deps.keyring.currentKeyId, encryptedKey: { ciphertext: expect.any(String) } });
  });

  it("keeps the stored key when it is left blank, and asks for it again when the base URL changes", async () => {
    const kept = (await (await callA("PUT", "/api/v1/organization/model", { ...openai(), apiKey: "" })).json()) as AnswerModelView;
    expect(kept.organization).toMatchObject({ hasKey: true, keyHint: "••••cret" });
    expect((await ask(callA, a, "Saturday hours?")).answerMode).toBe("model");
    expect(llm.bearerTokens.at(-1)).toBe(ORG_KEY);

    const moved = await callA("PUT", "/api/v1/organization/model", { provider: "anthropic", model: "claude-x" });
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: "apiKey", message: "anthropic needs an API key (enter it again: the provider or base URL changed)" },
    ]);
  });

  it("refuses bad input naming the field", async () => {
    const cases: Array<[unknown, string]> = [
      [{ provider: "gpt" }, "provider"],
      [{ provider: "openai", model: "bad model!", apiKey: "k" }, "model"],
      [{ provider: "openai", baseUrl: "ftp://example.com" }, "baseUrl"],
      [{ provider: "google" }, "apiKey"],
      [{ provider: "google", apiKey: "g", baseUrl: "https://example.com" }, "baseUrl"],
      [{ provider: "ollama" }, "baseUrl"],
      [{ provider: "openai", apiKey: "k", extra: 1 }, "(body)"],
    ];
    for (const [body, field] of cases) {
      const response = await callA("PUT", "/api/v1/organization/model", body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field), JSON.stringify(body)).toContain(field);
    }
    // Nothing changed.
    expect(((await (await callA("GET", "/api/v1/organization/model")).json()) as AnswerModelView).model).toBe("gpt-org-mini");
  });

  it("refuses a base URL on a private network unless the deployment allows it", async () => {
    const strict = { ...a.ctx, config: { ...a.ctx.config, ALLOW_PRIVATE_NETWORK_FETCH: false } };
    await expect(setAnswerModel(strict, { provider: "ollama", baseUrl: "http://127.0.0.1:11434" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ field: "baseUrl", message: expect.stringContaining("ALLOW_PRIVATE_NETWORK_FETCH") }],
    });
  });

  it("tests the connection: the active model, or proposed settings with a readable refusal", async () => {
    const active = (await (await callA("POST", "/api/v1/organization/model/test")).json()) as Record<string, unknown>;
    expect(active).toMatchObject({ ok: true, provider: "openai", model: "gpt-org-mini", reply: expect.stringContaining("org model") });

    const wrongKey = "sk-wrong-key-9876543210";
    const refused = await callA("POST", "/api/v1/organization/model/test", { ...openai(), apiKey: wrongKey });
    expect(refused.status).toBe(200);
    const body = (await refused.json()) as { ok: boolean; error: string };
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(/401|Incorrect API key/);
    expect(body.error).not.toContain(wrongKey);
    // Testing saves nothing.
    expect((await ask(callA, a, "Saturday?")).answerMode).toBe("model");

    const extractive = (await (await callB("POST", "/api/v1/organization/model/test")).json()) as { ok: boolean; error: string };
    expect(extractive).toMatchObject({ ok: false, error: expect.stringContaining("Extractive") });
  });

  it("switches to extractive and back to the server default without a restart", async () => {
    const none = (await (await callA("PUT", "/api/v1/organization/model", { provider: "none" })).json()) as AnswerModelView;
    expect(none).toMatchObject({ answerMode: "extractive", source: "organization", organization: { provider: "none", hasKey: false } });
    const before = llm.requests.length;
    expect((await ask(callA, a, "Saturdays?")).answerMode).toBe("extractive");
    expect(llm.requests).toHaveLength(before);

    await callA("PUT", "/api/v1/organization/model", openai());
    expect((await ask(callA, a, "Saturdays?")).answerMode).toBe("model");

    const cleared = (await (await callA("PUT", "/api/v1/organization/model", { provider: "default" })).json()) as AnswerModelView;
    expect(cleared).toMatchObject({ answerMode: "extractive", source: "server", organization: null });
    expect(await t.deps.prisma.organizationModelSetting.count({ where: { organizationId: a.organizationId } })).toBe(0);
    expect((await ask(callA, a, "Saturdays?")).answerMode).toBe("extractive");
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/organization/model"] ?? {})).toEqual(expect.arrayContaining(["get", "put"]));
    expect(doc.paths["/organization/model/test"]).toHaveProperty("post");
  });
});
