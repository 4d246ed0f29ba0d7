import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../../../test/support/test-api";
import { sessionAuth } from "./index";

let t: Awaited<ReturnType<typeof createTestApi>>;
const app = new Hono();

beforeAll(async () => {
  t = await createTestApi();
  app.on(["GET", "POST"], "/api/auth/*", (c) => t.deps.auth.handler(c.req.raw));
  app.use("/probe", sessionAuth(t.deps, t.deps.auth));
  app.get("/probe", (c) =>
    c.json({
      userEmail: c.var.session?.user.email ?? null,
      membership: c.var.membership,
      organizationId: c.var.membership ? c.var.ctx.organizationId : null,
      actor: c.var.membership ? c.var.ctx.actor : null,
    }),
  );
});
afterAll(() => t.close());

async function signUp(email: string) {
  const response = await app.request("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: t.deps.config.adminUrl },
    body: JSON.stringify({ email, password: "password-123", name: "Probe" }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { user } = (await response.json()) as { user: { id: string } };
  return { cookie, userId: user.id };
}

const probe = async (cookie?: string) => (await app.request("/probe", { headers: cookie ? { cookie } : {} })).json();

describe("sessionAuth", () => {
  it("leaves signed-out requests without a session or context", async () => {
    expect(await probe()).toEqual({ userEmail: null, membership: null, organizationId: null, actor: null });
    expect(await probe("frontdesk.session_token=forged.value")).toMatchObject({ userEmail: null, membership: null });
  });

  it("sets the session, and the tenant context once an organization is active", async () => {
    const { cookie, userId } = await signUp("probe@example.com");
    expect(await probe(cookie)).toMatchObject({ userEmail: "probe@example.com", membership: null });

    const org = await t.deps.auth.api.createOrganization({ headers: new Headers({ cookie }), body: { name: "Probe", slug: "probe" } });
    expect(await probe(cookie)).toEqual({
      userEmail: "probe@example.com",
      membership: { organizationId: org.id, role: "owner" },
      organizationId: org.id,
      actor: { type: "user", userId, role: "owner" },
    });

    // Removed from the organization: the session survives, the tenant context does not.
    await t.deps.prisma.membership.deleteMany({ where: { userId, organizationId: org.id } });
    expect(await probe(cookie)).toMatchObject({ userEmail: "probe@example.com", membership: null, organizationId: null });
  });
});
