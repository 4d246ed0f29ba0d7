import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps);
});
afterAll(() => t?.close());

describe("app", () => {
  it("reports health: database, embeddings model and answer mode", async () => {
    const response = await t.app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      db: { kind: t.deps.db.kind, ok: true },
      embeddings: { model: "test/synthetic-384", dimensions: 384 },
      llm: "extractive",
      jobs: "in-process",
    });
  });

  it("requires a bearer API key on /api/v1", async () => {
    const response = await t.app.request("/api/v1/bots");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized", status: 401 });
    expect((await client(t.app, "fd_" + "x".repeat(40))("GET", "/api/v1/bots")).status).toBe(401);
  });

  it("answers unknown routes with a 404 problem", async () => {
    const response = await t.app.request("/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "not_found", title: "No route for GET /nope" });
    expect((await client(t.app, a.apiKey)("GET", "/api/v1/nope")).status).toBe(404);
  });

  it("publishes an OpenAPI document with every REST operation and bearer auth", async () => {
    const response = await t.app.request("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const spec = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, unknown> };
      security: unknown[];
    };
    expect(spec.openapi).toBe("3.1.0");
    const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        "POST /knowledge/bases",
        "GET /knowledge/bases",
        "GET /knowledge/bases/{id}",
        "PATCH /knowledge/bases/{id}",
        "DELETE /knowledge/bases/{id}",
        "POST /knowledge/bases/{id}/documents",
        "GET /knowledge/bases/{id}/documents",
        "GET /knowledge/bases/{id}/documents/{docId}",
        "DELETE /knowledge/bases/{id}/documents/{docId}",
        "POST /knowledge/search",
        "GET /knowledge/bases/{id}/stats",
        "POST /knowledge/bases/{id}/faqs",
        "GET /knowledge/bases/{id}/faqs",
        "POST /knowledge/bases/{id}/faqs/bulk",
        "PATCH /knowledge/faqs/{documentId}",
        "DELETE /knowledge/faqs/{documentId}",
        "POST /knowledge/documents/{documentId}/retry",
        "POST /knowledge/bases/{id}/clear",
        "GET /knowledge/bases/{id}/expansions",
        "PUT /knowledge/bases/{id}/expansions",
        "DELETE /knowledge/bases/{id}/expansions",
        "POST /knowledge/bases/{id}/expansions/{expansionId}/review",
        "GET /knowledge-gaps",
        "GET /analytics/overview",
        "GET /usage",
        "POST /knowledge-gaps/{id}/answer",
        "POST /knowledge-gaps/{id}/dismiss",
        "GET /suggestions",
        "POST /suggestions/generate",
        "POST /suggestions/{id}/dismiss",
        "POST /suggestions/{id}/done",
        "POST /knowledge/bases/{id}/crawls",
        "GET /knowledge/bases/{id}/crawls",
        "GET /knowledge/crawls/{crawlId}",
        "POST /knowledge/crawls/{crawlId}/cancel",
        "POST /bots",
        "GET /bots",
        "GET /bots/{id}",
        "PATCH /bots/{id}",
        "DELETE /bots/{id}",
        "PUT /bots/{id}/knowledge-bases/{kbId}",
        "DELETE /bots/{id}/knowledge-bases/{kbId}",
        "POST /chat",
        "GET /conversations",
        "GET /conversations/{id}",
        "POST /conversations/{id}/replies",
        "POST /conversations/{id}/take-over",
        "POST /conversations/{id}/release",
        "POST /conversations/{id}/close",
        "GET /conversations/waiting-count",
        "GET /conversations/{id}/similar",
        "GET /contacts",
        "GET /leads",
        "GET /leads/export.csv",
        "GET /leads/{id}",
        "GET /integrations/types",
        "GET /integrations",
        "POST /integrations",
        "GET /integrations/{id}",
        "PATCH /integrations/{id}",
        "DELETE /integrations/{id}",
        "POST /integrations/{id}/test",
        "POST /integrations/{id}/sync",
        "GET /actions",
        "POST /actions",
        "GET /actions/{id}",
        "PATCH /actions/{id}",
        "DELETE /actions/{id}",
        "POST /actions/{id}/invoke",
        "GET /api-keys",
        "POST /api-keys",
        "DELETE /api-keys/{id}",
        "GET /members",
        "PATCH /members/{id}",
        "DELETE /members/{id}",
        "GET /organization/model",
        "PUT /organization/model",
        "POST /organization/model/test",
        "GET /webhooks",
        "POST /webhooks",
        "PATCH /webhooks/{id}",
        "DELETE /webhooks/{id}",
        "GET /webhooks/{id}/deliveries",
        "GET /tools",
        "GET /bots/{id}/tools",
        "PUT /bots/{id}/tools",
        "GET /tool-calls",
        "GET /calls",
        "GET /calls/{id}",
        "GET /calls/{id}/events",
        "POST /calls/{id}/control",
        "GET /calls/{id}/live",
        "GET /bots/{id}/vapi",
        "PUT /bots/{id}/vapi",
        "DELETE /bots/{id}/vapi",
        "GET /bots/{id}/vapi/files",
        "PUT /bots/{id}/vapi/files",
        "DELETE /bots/{id}/vapi/files",
      ].sort(),
    );
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(["KnowledgeBase", "Document", "Bot", "Problem", "ChatResponse"]));
  });

  it("serves a self-contained docs page (no external scripts or styles)", async () => {
    const response = await t.app.request("/api/v1/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("/api/v1/openapi.json");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
    expect(html).not.toMatch(/https?:\/\/(?!frontdesk\.dev)[\w.-]+\.(com|net|io|dev|org)\//i);
  });

  it("never leaks internals in 500s", async () => {
    const broken = { ...t.deps };
    const { createApp } = await import("../src/app");
    const app = createApp({
      ...broken,
      prisma: new Proxy(t.deps.prisma, {
        get(target, prop, receiver) {
          if (prop === "knowledgeBase") throw new Error("secret connection string postgres://u:p@db");
          return Reflect.get(target, prop, receiver);
        },
      }),
    });
    const response = await client(app, a.apiKey)("GET", "/api/v1/knowledge/bases");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ type: "https://frontdesk.dev/problems/internal", title: "Internal server error", status: 500, code: "internal" });
    expect(text).not.toContain("postgres://");
  });
});
