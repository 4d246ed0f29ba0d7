import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../auth/create-auth";
import { AppError } from "../errors";
import { provisionOrganization } from "./provision-organization";
import { setupOwner } from "./setup-owner";
import { createTestDeps } from "../testing";

let t: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

describe("setupOwner", () => {
  it("creates an owner, an organization and exactly one default bot + knowledge base", async () => {
    const result = await setupOwner(t.deps, { email: "Owner@Example.com", password: "correct horse", organizationName: "Acme Dental" });
    const { prisma } = t.deps;

    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, include: { accounts: true } });
    expect(user.email).toBe("owner@example.com");
    // better-auth hashed the password (scrypt "salt:hash"), it is not stored in clear.
    expect(user.accounts[0]?.providerId).toBe("credential");
    expect(user.accounts[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);

    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: result.userId } });
    expect(membership).toMatchObject({ organizationId: result.organizationId, role: "owner" });
    expect(result.organizationSlug).toBe("acme-dental");

    const bots = await prisma.bot.findMany({ where: { organizationId: result.organizationId }, include: { knowledgeBases: true } });
    const kbs = await prisma.knowledgeBase.findMany({ where: { organizationId: result.organizationId } });
    expect(bots).toHaveLength(1);
    expect(kbs).toHaveLength(1);
    expect(bots[0]).toMatchObject({ id: result.botId, publicKey: result.botPublicKey, allowedOrigins: [] });
    expect(result.botPublicKey).toMatch(/^pk_[A-Za-z0-9_-]{24}$/);
    expect(bots[0]?.knowledgeBases.map((link) => link.knowledgeBaseId)).toEqual([result.knowledgeBaseId]);
    expect(kbs[0]).toMatchObject({ embeddingModel: "test/synthetic-384", embeddingDimensions: 384 });
  });

  it("rejects a duplicate email with a conflict naming the field", async () => {
    await setupOwner(t.deps, { email: "dup@example.com", password: "password-1", organizationName: "Dup" });
    const error = await setupOwner(t.deps, { email: "DUP@example.com", password: "password-2", organizationName: "Dup 2" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.toProblem()).toMatchObject({ status: 409, code: "conflict", errors: [{ field: "email" }] });
  });

  it("validates input before touching the database", async () => {
    const error = await setupOwner(t.deps, { email: "not-an-email", password: "short", organizationName: "" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["email", "organizationName", "password"]);
  });

  it("gives two organizations with the same name distinct slugs", async () => {
    const a = await setupOwner(t.deps, { email: "a@example.com", password: "password-a", organizationName: "Same Name" });
    const b = await setupOwner(t.deps, { email: "b@example.com", password: "password-b", organizationName: "Same Name" });
    expect(a.organizationSlug).toBe("same-name");
    expect(b.organizationSlug).toMatch(/^same-name-[0-9a-f]{6}$/);
  });
});

describe("provisionOrganization", () => {
  it("is idempotent, also under concurrent calls", async () => {
    const { organizationId, botId, knowledgeBaseId } = await setupOwner(t.deps, {
      email: "idem@example.com",
      password: "password-i",
      organizationName: "Idem",
    });
    const again = await Promise.all([provisionOrganization(t.deps, organizationId), provisionOrganization(t.deps, organizationId)]);
    for (const result of again) expect(result).toMatchObject({ botId, knowledgeBaseId });
    expect(await t.deps.prisma.bot.count({ where: { organizationId } })).toBe(1);
    expect(await t.deps.prisma.knowledgeBase.count({ where: { organizationId } })).toBe(1);
  });

  it("runs for organizations created through better-auth's API", async () => {
    const auth = createAuth(t.deps);
    const { user } = await auth.api.signUpEmail({ body: { email: "hook@example.com", password: "password-h", name: "Hook" } });
    const org = await auth.api.createOrganization({ body: { name: "Hooked", slug: "hooked", userId: user.id } });
    expect(await t.deps.prisma.bot.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await t.deps.prisma.knowledgeBase.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("throws not_found for an unknown organization", async () => {
    await expect(provisionOrganization(t.deps, "missing")).rejects.toMatchObject({ code: "not_found" });
  });
});
