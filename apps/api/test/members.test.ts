import { createApiKey, resendInvitation, sendInvitationEmail, type ServiceContext } from "@frontdesk/core";
import type { MemberRole } from "@frontdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpFake } from "../../../packages/integrations/test/fakes/smtp-fake";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Members through the REST API (role change, removal, the last owner kept) and invitation emails through the
// organization's email integration, against a real SMTP server on loopback.

let t: Awaited<ReturnType<typeof createTestApi>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let a: Tenant;
let b: Tenant;
let owner: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
let ownerMemberId: string;

interface Member {
  id: string;
  email: string;
  role: MemberRole;
}
interface Problem {
  title: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** A user of organization A with `role` (signed up through better-auth, added as better-auth's member row would be). */
async function addMember(email: string, role: MemberRole): Promise<string> {
  const { user } = await t.deps.auth.api.signUpEmail({ body: { email, password: "correct-horse-battery", name: email.split("@")[0]! } });
  const membership = await t.deps.prisma.membership.create({ data: { id: `mem_${user.id}`, organizationId: a.organizationId, userId: user.id, role } });
  return membership.id;
}

const members = async () => (await json<{ members: Member[] }>(await owner("GET", "/api/v1/members"))).members;
const roleOf = async (id: string) => (await members()).find((member) => member.id === id)?.role;

beforeAll(async () => {
  smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true", ADMIN_URL: "https://admin.frontdesk.example" } });
  a = await createTenant(t.deps, "Members");
  b = await createTenant(t.deps, "Others");
  // The tenant's own key is an admin key (createApiKey's default).
  owner = client(t.app, (await createApiKey(a.ctx, { name: "owner", role: "owner" })).key);
  admin = client(t.app, (await createApiKey(a.ctx, { name: "admin", role: "admin" })).key);
  ownerMemberId = (await t.deps.prisma.membership.findFirstOrThrow({ where: { organizationId: a.organizationId, role: "owner" } })).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe("members over REST", () => {
  it("changes roles and removes members; bad input and other organizations' members are refused", async () => {
    const sam = await addMember("sam@members.example", "member");
    expect((await members()).map((member) => [member.email, member.role])).toContainEqual(["sam@members.example", "member"]);

    expect(await json<Member>(await owner("PATCH", `/api/v1/members/${sam}`, { role: "admin" }))).toMatchObject({ id: sam, role: "admin" });
    const invalid = await json<Problem>(await owner("PATCH", `/api/v1/members/${sam}`, { role: "boss" }), 422);
    expect(invalid.errors?.map((error) => error.field)).toEqual(["role"]);
    await json<Problem>(await owner("PATCH", "/api/v1/members/mem_missing", { role: "member" }), 404);
    await json<Problem>(await client(t.app, b.apiKey)("PATCH", `/api/v1/members/${sam}`, { role: "member" }), 404);
    await json<Problem>(await client(t.app, b.apiKey)("DELETE", `/api/v1/members/${sam}`), 404);
    expect(await roleOf(sam)).toBe("admin");

    expect(await json(await owner("DELETE", `/api/v1/members/${sam}`))).toEqual({ id: sam, removed: true });
    expect((await members()).map((member) => member.id)).not.toContain(sam);
  });

  it("keeps the last owner: no demotion or removal until someone else is an owner", async () => {
    const demote = await json<Problem>(await owner("PATCH", `/api/v1/members/${ownerMemberId}`, { role: "admin" }), 409);
    expect(demote).toMatchObject({ code: "conflict", title: "The organization's last owner cannot be demoted: make someone else an owner first" });
    const remove = await json<Problem>(await owner("DELETE", `/api/v1/members/${ownerMemberId}`), 409);
    expect(remove.title).toBe("The organization's last owner cannot be removed: make someone else an owner first");
    expect(await roleOf(ownerMemberId)).toBe("owner");

    const olga = await addMember("olga@members.example", "admin");
    await json(await owner("PATCH", `/api/v1/members/${olga}`, { role: "owner" }));
    expect(await json<Member>(await owner("PATCH", `/api/v1/members/${ownerMemberId}`, { role: "admin" }))).toMatchObject({ role: "admin" });
    // Olga is now the only owner.
    await json<Problem>(await owner("PATCH", `/api/v1/members/${olga}`, { role: "member" }), 409);
    await json(await owner("PATCH", `/api/v1/members/${ownerMemberId}`, { role: "owner" }));
  });

  it("lets admins manage members and admins but not owners; members manage nobody", async () => {
    const mia = await addMember("mia@members.example", "member");
    expect(await json<Member>(await admin("PATCH", `/api/v1/members/${mia}`, { role: "admin" }))).toMatchObject({ role: "admin" });
    const promote = await json<Problem>(await admin("PATCH", `/api/v1/members/${mia}`, { role: "owner" }), 403);
    expect(promote.title).toMatch(/^Only owners can change an owner's role or make someone an owner/);
    await json<Problem>(await admin("DELETE", `/api/v1/members/${ownerMemberId}`), 403);
    await json<Problem>(await admin("PATCH", `/api/v1/members/${ownerMemberId}`, { role: "member" }), 403);

    const member = client(t.app, (await createApiKey(a.ctx, { name: "member", role: "member" })).key);
    expect((await member("GET", "/api/v1/members")).status).toBe(200);
    await json<Problem>(await member("DELETE", `/api/v1/members/${mia}`), 403);
    await json(await admin("DELETE", `/api/v1/members/${mia}`));
  });
});

describe("invitation emails", () => {
  let ctx: ServiceContext;
  const invite = async (email: string, role: MemberRole = "member") => {
    const inviterId = a.ctx.actor.type === "user" ? a.ctx.actor.userId : "";
    const expiresAt = new Date(Date.now() + 3_600_000);
    return t.deps.prisma.invitation.create({ data: { id: `inv_${email.split("@")[0]}`, organizationId: a.organizationId, email, role, inviterId, expiresAt } });
  };

  beforeAll(() => {
    ctx = a.ctx;
  });

  it("says why nothing was sent while no email integration is connected", async () => {
    const invitation = await invite("early@members.example");
    expect(await sendInvitationEmail(ctx, invitation.id)).toEqual({ sent: false, reason: "no email integration is connected: pass the link on yourself" });
    expect(smtp.received).toHaveLength(0);
  });

  it("emails the accept link through the email integration, and again (with a fresh expiry) on resend", async () => {
    const created = await owner("POST", "/api/v1/integrations", {
      type: "email",
      name: "Mail",
      config: { host: "127.0.0.1", port: smtp.port, requireTls: false, username: "desk", password: "s3cret", from: "Members Desk <desk@members.example>" },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const invitation = await invite("nina@members.example", "admin");

    expect(await sendInvitationEmail(ctx, invitation.id)).toEqual({ sent: true, to: "nina@members.example", via: "smtp" });
    const [mail] = smtp.received.filter((m) => m.to.includes("nina@members.example"));
    expect(mail?.from).toBe("desk@members.example");
    const link = `https://admin.frontdesk.example/invitations/${invitation.id}`;
    expect(mail?.raw).toContain(link);
    expect(mail?.raw).toMatch(/Subject: .* invited you to Members \d+ on Frontdesk/);
    expect(mail?.raw).toContain("as admin");

    const resent = await resendInvitation(ctx, invitation.id);
    expect(resent.email).toMatchObject({ sent: true });
    expect(Date.parse(resent.expiresAt)).toBeGreaterThan(invitation.expiresAt.getTime() + 86_400_000);
    expect(smtp.received.filter((m) => m.to.includes("nina@members.example"))).toHaveLength(2);
  });

  it("never sends another organization's invitation, nor a cancelled one", async () => {
    const invitation = await invite("olaf@members.example");
    await expect(sendInvitationEmail(b.ctx, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendInvitation(b.ctx, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    await t.deps.prisma.invitation.update({ where: { id: invitation.id }, data: { status: "canceled" } });
    await expect(resendInvitation(ctx, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    expect(smtp.received.filter((m) => m.to.includes("olaf@members.example"))).toHaveLength(0);
  });
});
