import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpFake } from "../../../packages/integrations/test/fakes/smtp-fake";
import { connectIntegration } from "./connect-integration";
import { inBrowser, screenshots, shot, signUp, useAdminStack } from "./stack";

// Members end to end: an invitation emailed through the organization's email integration (a real SMTP server on
// loopback), the invitee joining from the emailed link, then the owner changing their role and removing them.

let smtp: Awaited<ReturnType<typeof startSmtpFake>>;

beforeAll(async () => {
  smtp = await startSmtpFake({ username: "desk", password: "smtp-s3cret" });
});
afterAll(async () => {
  await smtp?.close();
});

const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
const ORGANIZATION = "Mail Inn";
const INVITEE = "ivy@mail-inn.example";

/** The accept links in the mails the fake received for `to` (quoted-printable soft line breaks undone). */
function emailedLinks(adminUrl: string, to: string): string[] {
  const pattern = new RegExp(`${adminUrl.replace(/[.:/]/g, "\\$&")}/invitations/[A-Za-z0-9_-]+`, "g");
  return smtp.received.filter((mail) => mail.to.includes(to)).map((mail) => mail.raw.replace(/=\r?\n/g, "").match(pattern)?.[0] ?? "");
}

const memberRow = (page: Page, email: string) => page.getByTestId("member").filter({ hasText: email });

describe("members", () => {
  it("emails an invitation, the invitee joins from the email, then gets another role and is removed", async () => {
    const { admin, api } = stack();
    await inBrowser(stack(), "members-invite", async (page, context) => {
      context.setDefaultTimeout(90_000);
      await signUp(page, admin.url, { name: "Olive Owner", email: "olive@mail-inn.example", organization: ORGANIZATION });
      await page.goto(`${admin.url}/integrations`);
      await connectIntegration(page, "email", "Email (SMTP / SendGrid)", { host: "127.0.0.1", port: String(smtp.port), username: "desk", password: "smtp-s3cret", from: "Mail Inn <desk@mail-inn.example>" }, ["requireTls"]);

      await page.goto(`${admin.url}/settings/members`);
      await page.getByLabel("Email").fill(INVITEE);
      await page.locator("form", { hasText: "Invite someone" }).getByLabel("Role").selectOption("member");
      await page.getByRole("button", { name: "Invite" }).click();
      await page.getByTestId("invitation-created").getByTestId("invitation-emailed").getByText(`Emailed to ${INVITEE}.`).waitFor();
      const shown = (await page.getByTestId("invitation-created").locator("pre").textContent())?.trim();
      await expect.poll(() => emailedLinks(admin.url, INVITEE)).toEqual([shown]);
      const invitation = page.getByTestId("invitation").filter({ hasText: INVITEE });
      await invitation.getByText("as member").waitFor();

      // Resend: a second email with the same link.
      await invitation.getByRole("button", { name: "Resend" }).click();
      await invitation.getByText(`Emailed to ${INVITEE}.`).waitFor();
      await expect.poll(() => emailedLinks(admin.url, INVITEE)).toEqual([shown, shown]);
      await shot(page, "members-invited");

      // Revoke: another invitation cancelled before anyone used it.
      await page.getByLabel("Email").fill("nobody@mail-inn.example");
      await page.getByRole("button", { name: "Invite" }).click();
      const revoked = page.getByTestId("invitation").filter({ hasText: "nobody@mail-inn.example" });
      await revoked.getByRole("button", { name: "Revoke" }).click();
      await revoked.waitFor({ state: "detached" });
      expect(await api.prisma.invitation.findFirst({ where: { email: "nobody@mail-inn.example" } })).toMatchObject({ status: "canceled" });
    });

    await inBrowser(stack(), "members-invitee", async (page, context) => {
      context.setDefaultTimeout(90_000);
      const [link] = emailedLinks(admin.url, INVITEE);
      await page.goto(link!);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.getByRole("link", { name: "Create one" }).click();
      await page.getByLabel("Your name").fill("Ivy Invitee");
      await page.getByLabel("Email").fill(INVITEE);
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("button", { name: `Join ${ORGANIZATION}` }).click();
      await page.getByTestId("org-name").filter({ hasText: ORGANIZATION }).waitFor();
    });

    const organization = await api.prisma.organization.findFirstOrThrow({ where: { name: ORGANIZATION } });
    const membershipOfIvy = () => api.prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email: INVITEE } } });
    await inBrowser(stack(), "members-manage", async (page, context) => {
      context.setDefaultTimeout(90_000);
      await page.goto(`${admin.url}/sign-in`);
      await page.getByLabel("Email").fill("olive@mail-inn.example");
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.goto(`${admin.url}/settings/members`);

      await page.locator('[data-testid="member"][data-role="member"]').filter({ hasText: INVITEE }).waitFor();
      expect(await page.getByTestId("invitation").filter({ hasText: INVITEE }).count()).toBe(0);

      await page.getByLabel(`Role of ${INVITEE}`).selectOption("admin");
      await page.locator('[data-testid="member"][data-role="admin"]').filter({ hasText: INVITEE }).waitFor();
      expect(await membershipOfIvy()).toMatchObject({ role: "admin" });

      // The last owner cannot demote themselves: the API's problem title is shown on the row.
      await page.getByLabel("Role of olive@mail-inn.example").selectOption("member");
      await memberRow(page, "olive@mail-inn.example").getByRole("alert").getByText("The organization's last owner cannot be demoted: make someone else an owner first").waitFor();
      await page.locator('[data-testid="member"][data-role="owner"]').filter({ hasText: "olive@mail-inn.example" }).waitFor();
      await page.getByTestId("member-list").screenshot({ path: join(screenshots, "admin-members-roles.png") });

      await memberRow(page, INVITEE).getByRole("button", { name: "Remove" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
      await memberRow(page, INVITEE).waitFor({ state: "detached" });
      expect(await membershipOfIvy()).toBeNull();
      await shot(page, "members-removed");
    });
  }, 360_000);
});
