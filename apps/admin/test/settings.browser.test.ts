import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adminDir } from "./next-app";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// Organization admin without the CLI: API keys created (shown once), listed masked and revoked; knowledge bases
// renamed and deleted; bots deleted — each delete asks first.

// One of the repository's sample actions (shipped disabled), offered to every organization of this server.
const actionsDir = mkdtempSync(join(tmpdir(), "frontdesk-admin-actions-"));
const sample = JSON.parse(readFileSync(join(adminDir, "..", "..", "config", "actions", "create_trello_card.json"), "utf8")) as Record<string, unknown>;
writeFileSync(join(actionsDir, "create_trello_card.json"), JSON.stringify({ ...sample, organizations: "*" }));

const stack = useAdminStack({ env: { FRONTDESK_ACTIONS_DIR: actionsDir } });

describe("organization settings and deleting", () => {
  it("creates an API key shown once, lists it masked, and revokes it", async () => {
    await inBrowser(stack(), "api-keys", async (page) => {
      const { admin, api } = stack();
      await signUp(page, admin.url, { name: "Kim Keys", email: "kim@keys.example", organization: "Keys Cafe" });
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("main").getByRole("link", { name: "API keys" }).click();
      await page.waitForURL(/\/settings\/api-keys$/);
      await page.getByTestId("api-key-list").getByText("No API keys yet.").waitFor();

      await page.getByLabel("Name").fill("Zapier");
      await page.getByLabel("Role").selectOption("member");
      await page.getByRole("button", { name: "Create key" }).click();
      const shown = page.getByTestId("new-api-key");
      const key = (await shown.locator("pre").textContent())?.trim() ?? "";
      expect(key).toMatch(/^fd_[A-Za-z0-9_-]{32}$/);
      const row = page.getByTestId("api-key").filter({ hasText: "Zapier" });
      await row.getByText(`${key.slice(0, 10)}••••••••`).waitFor();
      await row.getByText("member", { exact: true }).waitFor();
      expect(await page.getByTestId("api-key-list").textContent()).not.toContain(key);
      await shot(page, "api-keys");

      // The key works against the REST API with its role, until it is revoked.
      const listBots = () => fetch(`${api.url}/api/v1/bots`, { headers: { authorization: `Bearer ${key}` } });
      expect((await listBots()).status).toBe(200);
      page.once("dialog", (dialog) => void dialog.accept());
      await row.getByRole("button", { name: "Revoke" }).click();
      await row.getByText("revoked").waitFor();
      expect((await listBots()).status).toBe(401);

      // A sample action shipped disabled says so in the custom actions list.
      await page.goto(`${admin.url}/integrations/actions`);
      await page.locator('tr[data-action="create_trello_card"]').getByTestId("action-disabled").filter({ hasText: "disabled example" }).waitFor();
      await page.goto(`${admin.url}/settings/api-keys`);

      // A reload shows the key masked; the secret is never shown again.
      await page.reload();
      await page.getByTestId("api-key").filter({ hasText: "Zapier" }).waitFor();
      expect(await page.locator("main").textContent()).not.toContain(key);
    });
  });

  it("renames and deletes a knowledge base, and deletes a bot, after asking", async () => {
    await inBrowser(stack(), "delete-rename", async (page) => {
      const { admin } = stack();
      await signUp(page, admin.url, { name: "Del Owner", email: "del@keys.example", organization: "Delete Deli" });

      await page.getByRole("navigation").getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("link", { name: "Default knowledge base" }).click();
      await page.getByRole("main").getByRole("link", { name: "Settings" }).click();
      const general = page.getByTestId("knowledge-base-general");
      await general.getByLabel("Name", { exact: true }).fill("Deli help centre");
      await general.getByRole("button", { name: "Save name" }).click();
      await page.getByRole("heading", { name: "Deli help centre" }).waitFor();

      // Cancel keeps it; confirming deletes it and returns to the list.
      await general.getByRole("button", { name: "Delete knowledge base" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete “Deli help centre”?" });
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "detached" });
      await general.getByRole("button", { name: "Delete knowledge base" }).click();
      await dialog.getByRole("button", { name: "Delete knowledge base" }).click();
      await page.waitForURL(/\/knowledge$/);
      await page.getByText("No knowledge bases yet.").waitFor();

      await page.getByRole("navigation").getByRole("link", { name: "Bots" }).click();
      await page.getByRole("link", { name: "Delete Deli assistant" }).click();
      await page.getByRole("button", { name: "Delete bot" }).click();
      await page.getByRole("dialog", { name: "Delete “Delete Deli assistant”?" }).getByRole("button", { name: "Delete bot" }).click();
      await page.waitForURL(/\/bots$/);
      await page.getByRole("heading", { name: "New bot" }).waitFor();
      await expect.poll(() => page.getByRole("link", { name: "Delete Deli assistant" }).count()).toBe(0);
    });
  });

  it("invites a member with a role by link: the invitee signs up, joins, and is listed with that role", async () => {
    const { admin, api } = stack();
    let link = "";
    await inBrowser(stack(), "members-owner", async (page) => {
      await signUp(page, admin.url, { name: "Ines Inn", email: "ines@invite.example", organization: "Invite Inn" });
      await page.goto(`${admin.url}/settings/members`);
      await page.locator('[data-testid="member"][data-role="owner"]').filter({ hasText: "ines@invite.example" }).waitFor();
      await page.getByLabel("Email").fill("ivy@invite.example");
      await page.locator("form", { hasText: "Invite someone" }).getByLabel("Role").selectOption("admin");
      await page.getByRole("button", { name: "Invite" }).click();
      link = (await page.getByTestId("invitation-created").locator("pre").textContent())?.trim() ?? "";
      expect(link).toMatch(new RegExp(`^${admin.url}/invitations/[A-Za-z0-9_-]+$`));
      await page.getByTestId("invitation").filter({ hasText: "ivy@invite.example" }).getByText("as admin").waitFor();
      await shot(page, "members");
    });

    await inBrowser(stack(), "members-invitee", async (page) => {
      await page.goto(link);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.getByRole("link", { name: "Create one" }).click();
      await page.waitForURL(/\/sign-up\?next=/);
      expect(await page.getByLabel("Organization name").count()).toBe(0);
      await page.getByLabel("Your name").fill("Ivy Invitee");
      await page.getByLabel("Email").fill("ivy@invite.example");
      await page.getByLabel("Password").fill("correct-horse-battery");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByText("ines@invite.example invited ivy@invite.example to Invite Inn as admin.").waitFor();
      await page.getByRole("button", { name: "Join Invite Inn" }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByTestId("org-name").filter({ hasText: "Invite Inn" }).waitFor();
    });

    const organization = await api.prisma.organization.findFirstOrThrow({ where: { name: "Invite Inn" } });
    const ivy = await api.prisma.user.findFirstOrThrow({ where: { email: "ivy@invite.example" } });
    expect(await api.prisma.membership.findFirst({ where: { organizationId: organization.id, userId: ivy.id } })).toMatchObject({ role: "admin" });
    // Joining by invitation made no organization of Ivy's own.
    expect(await api.prisma.membership.count({ where: { userId: ivy.id } })).toBe(1);
  });
});

