import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { setupOwner } from "../organizations/setup-owner";
import { createTestDeps } from "../testing";
import { hashApiKey } from "./api-key-secret";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let otherCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "keys@example.com", password: "password-k", organizationName: "Keys" });
  const other = await setupOwner(t.deps, { email: "other@example.com", password: "password-o", organizationName: "Other" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "user", userId: owner.userId, role: "owner" } };
  otherCtx = { ...t.deps, organizationId: other.organizationId, actor: { type: "user", userId: other.userId, role: "owner" } };
});
afterAll(() => t.close());

describe("API keys", () => {
  it("creates a key shown once, stored only as a hash", async () => {
    const created = await createApiKey(ctx, { name: "  Zapier  " });
    expect(created.key).toMatch(/^fd_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({ name: "Zapier", prefix: created.key.slice(0, 10) });
    const row = await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row.createdById).toBe(ctx.actor.type === "user" ? ctx.actor.userId : null);
  });

  it("lists keys without secrets or hashes, scoped to the organization", async () => {
    const created = await createApiKey(ctx, { name: "listed" });
    const keys = await listApiKeys(ctx);
    expect(keys.map((k) => k.id)).toContain(created.id);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "role"]);
    expect((await listApiKeys(otherCtx)).map((k) => k.id)).not.toContain(created.id);
  });

  it("authenticates a valid key and records lastUsedAt", async () => {
    const created = await createApiKey(ctx, { name: "auth" });
    await expect(authenticateApiKey(t.deps, created.key)).resolves.toEqual({ organizationId: ctx.organizationId, apiKeyId: created.id, role: "admin" });
    const row = await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("rejects malformed, unknown and revoked keys as unauthorized", async () => {
    const created = await createApiKey(ctx, { name: "revoked" });
    await revokeApiKey(ctx, { id: created.id });
    for (const key of ["", "Bearer x", "fd_short", `fd_${"a".repeat(32)}`, created.key]) {
      const error = await authenticateApiKey(t.deps, key).catch((e) => e);
      expect(error, key).toBeInstanceOf(AppError);
      expect(error.code).toBe("unauthorized");
    }
  });

  it("does not let another organization revoke a key", async () => {
    const created = await createApiKey(ctx, { name: "mine" });
    await expect(revokeApiKey(otherCtx, { id: created.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(authenticateApiKey(t.deps, created.key)).resolves.toMatchObject({ apiKeyId: created.id });
  });

  it("gives a key a role (admin by default), never above its creator's, and only owners revoke owner keys", async () => {
    const asRole = (role: "owner" | "admin" | "member", type: "user" | "apiKey" = "user"): ServiceContext => ({
      ...ctx,
      actor: type === "user" ? { type, userId: "someone", role } : { type, apiKeyId: "some-key", role },
    });
    const member = await createApiKey(ctx, { name: "reader", role: "member" });
    await expect(authenticateApiKey(t.deps, member.key)).resolves.toMatchObject({ role: "member" });
    const ownerKey = await createApiKey(ctx, { name: "root", role: "owner" });
    expect(ownerKey.role).toBe("owner");

    await expect(createApiKey(asRole("admin"), { name: "escalate", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiKey(asRole("admin", "apiKey"), { name: "escalate", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiKey(asRole("member"), { name: "nope", role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await createApiKey(asRole("admin"), { name: "peer" })).role).toBe("admin");
    await expect(revokeApiKey(asRole("admin"), { id: ownerKey.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiKey(asRole("member"), { id: member.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(authenticateApiKey(t.deps, ownerKey.key)).resolves.toMatchObject({ role: "owner" });
    await expect(createApiKey(ctx, { name: "bad", role: "root" as never })).rejects.toMatchObject({ code: "validation_failed", fields: [{ field: "role" }] });
  });

  it("rejects an empty name naming the field", async () => {
    await expect(createApiKey(ctx, { name: " " })).rejects.toMatchObject({ code: "validation_failed", fields: [{ field: "name" }] });
  });
});
