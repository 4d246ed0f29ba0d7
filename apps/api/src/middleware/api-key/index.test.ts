import { createApiKey, revokeApiKey, setupOwner, type ServiceContext } from "@frontdesk/core";
import { createTestDeps } from "@frontdesk/core/testing";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyAuth } from "./index";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let owner: ServiceContext;
const app = new Hono();

beforeAll(async () => {
  t = await createTestDeps();
  const setup = await setupOwner(t.deps, { email: "rest@example.com", password: "password-r", organizationName: "Rest" });
  owner = { ...t.deps, organizationId: setup.organizationId, actor: { type: "user", userId: setup.userId, role: "owner" } };
  app.use("/v1/*", apiKeyAuth(t.deps));
  app.get("/v1/whoami", (c) => c.json({ organizationId: c.var.ctx.organizationId, actor: c.var.ctx.actor }));
});
afterAll(() => t.close());

const call = (authorization?: string) =>
  app.request("/v1/whoami", { headers: authorization === undefined ? {} : { authorization } });

async function expectProblem(response: Response, title: RegExp) {
  expect(response.status).toBe(401);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  const body = (await response.json()) as { title: string };
  expect(body).toMatchObject({ type: "https://frontdesk.dev/problems/unauthorized", status: 401, code: "unauthorized" });
  expect(body.title).toMatch(title);
}

describe("apiKeyAuth", () => {
  it("sets a ServiceContext for a valid key", async () => {
    const { id, key } = await createApiKey(owner, { name: "valid" });
    const response = await call(`Bearer ${key}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ organizationId: owner.organizationId, actor: { type: "apiKey", apiKeyId: id, role: "admin" } });
    // The scheme is case-insensitive (RFC 9110).
    expect((await call(`bearer ${key}`)).status).toBe(200);
  });

  it("rejects a missing header", async () => {
    await expectProblem(await call(), /missing api key/i);
  });

  it("rejects other schemes and malformed keys", async () => {
    const { key } = await createApiKey(owner, { name: "scheme" });
    await expectProblem(await call(`Basic ${Buffer.from(`x:${key}`).toString("base64")}`), /Bearer/);
    await expectProblem(await call("Bearer fd_tooshort"), /malformed/i);
    await expectProblem(await call(`Bearer ${key}x`), /malformed/i);
  });

  it("rejects unknown and revoked keys", async () => {
    await expectProblem(await call(`Bearer fd_${"A".repeat(32)}`), /invalid/i);
    const { id, key } = await createApiKey(owner, { name: "revoked" });
    expect((await call(`Bearer ${key}`)).status).toBe(200);
    await revokeApiKey(owner, { id });
    await expectProblem(await call(`Bearer ${key}`), /revoked/i);
  });
});
