import { describe, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

const stack = useAdminStack();

describe("conversations in a browser", () => {
  it("takes over a conversation, replies as a person and releases it to the bot", async () => {
    await inBrowser(stack(), "conversations", async (page) => {
      await signUp(page, stack().admin.url, { name: "Ola Owner", email: "ola@florist.example", organization: "Ola Florist" });
      await page.getByRole("link", { name: "Ola Florist assistant" }).click();
      await page.getByLabel("Message").fill("Do you deliver flowers on Sundays?");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByTestId("chat-preview").locator('.bubble[data-role="assistant"]').waitFor({ timeout: 30_000 });

      await page.getByRole("link", { name: "Conversations", exact: true }).first().click();
      await page.waitForURL(/\/conversations/);
      // The owner's own chat from the bot page is a preview chat, left out of the inbox unless asked for.
      await page.getByLabel("Show preview chats").check();
      const row = page.locator("tr[data-conversation-status]").first();
      await row.waitFor();
      await row.getByRole("link").click();
      await page.waitForURL(/\/conversations\/[^/]+$/);
      await page.getByTestId("message-log").getByText("Do you deliver flowers on Sundays?").waitFor();

      await page.getByRole("button", { name: "Take over" }).click();
      await page.locator('[data-testid="conversation-status"][data-status="handoff"]').waitFor();
      await page.getByLabel("Reply").fill("Hi, this is Ola. Yes, until noon.");
      await page.getByRole("button", { name: "Send reply" }).click();
      await page.locator('.bubble[data-role="operator"]').filter({ hasText: "Yes, until noon." }).waitFor();
      await shot(page, "conversation-handoff");

      // The list filtered to handoff conversations shows this one while a person has it.
      await page.locator("nav.nav").getByRole("link", { name: "Conversations" }).click();
      await page.getByLabel("Show preview chats").check();
      await page.getByLabel("Status").selectOption("handoff");
      const handedOff = page.locator('tr[data-conversation-status="handoff"]');
      await handedOff.getByText("with a person").waitFor();
      await handedOff.getByRole("link").click();

      await page.getByRole("button", { name: "Release to bot" }).click();
      await page.locator('[data-testid="conversation-status"][data-status="open"]').waitFor();
      await page.getByRole("button", { name: "Take over" }).waitFor();
    });
  });
});
