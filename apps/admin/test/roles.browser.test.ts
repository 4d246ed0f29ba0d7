import { expect, describe, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// What a member of an organization sees: the admin hides controls only owners and admins may use (the API refuses
// them to members with 403 anyway), and keeps what members do every day (knowledge content, chat, conversations).

const stack = useAdminStack();
const PASSWORD = "correct-horse-battery";

/** A user who signs up on their own (no organization), then is added to `organization` as a member. */
async function addMember(organization: string, email: string) {
  const { api, admin } = stack();
  const signUp = await fetch(`${api.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: admin.url },
    body: JSON.stringify({ email, password: PASSWORD, name: "Mia Member" }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const { user } = (await signUp.json()) as { user: { id: string } };
  const org = await api.prisma.organization.findFirstOrThrow({ where: { name: organization } });
  await api.prisma.membership.create({ data: { id: `member-${Date.now()}`, organizationId: org.id, userId: user.id, role: "member" } });
}

describe("roles in the admin", () => {
  it("hides admin-only controls from a member and keeps them for the owner", async () => {
    await inBrowser(stack(), "roles-owner", async (page) => {
      await signUp(page, stack().admin.url, { name: "Olga Owner", email: "olga@roles.example", organization: "Roles Bakery" });
      await page.getByRole("heading", { name: "New bot" }).waitFor();
      await page.getByRole("link", { name: "Roles Bakery assistant" }).click();
      await page.getByLabel(/System prompt/).waitFor();
      expect(await page.getByTestId("admin-only-note").count()).toBe(0);
    });
    await addMember("Roles Bakery", "mia@roles.example");

    await inBrowser(stack(), "roles-member", async (page) => {
      await page.goto(`${stack().admin.url}/sign-in`);
      await page.getByLabel("Email").fill("mia@roles.example");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByTestId("org-name").filter({ hasText: "Roles Bakery" }).waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "Bots" }).click();
      await page.waitForURL(/\/bots$/);

      // Bots: the list, no "New bot"; a bot's settings, knowledge links and voice are replaced by a note.
      const botLink = page.getByRole("link", { name: "Roles Bakery assistant" });
      await botLink.waitFor();
      expect(await page.getByRole("heading", { name: "New bot" }).count()).toBe(0);
      await botLink.click();
      await page.getByTestId("admin-only-note").filter({ hasText: "Only owners and admins can change the bot's" }).waitFor();
      expect(await page.getByLabel(/System prompt/).count()).toBe(0);
      // Members still try the bot in the chat preview.
      await page.getByTestId("embed-snippet").waitFor();
      await shot(page, "member-bot");

      for (const [path, note] of [
        ["/integrations", "Only owners and admins connect and manage integrations."],
        ["/integrations/actions", "Only owners and admins create, change and run custom actions."],
        ["/integrations/webhooks", "Only owners and admins manage webhooks."],
      ]) {
        await page.goto(`${stack().admin.url}${path}`);
        await page.getByTestId("admin-only-note").filter({ hasText: note }).waitFor();
      }

      // Knowledge: no "New knowledge base", but the bases stay open to keep their content current.
      await page.goto(`${stack().admin.url}/knowledge`);
      await page.getByRole("link", { name: "Default knowledge base" }).waitFor();
      expect(await page.getByRole("heading", { name: "New knowledge base" }).count()).toBe(0);
    });
  });
});
