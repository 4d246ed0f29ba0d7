import { describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

const stack = useAdminStack({ widget: true });

describe("widget settings in a browser", () => {
  it("saves widget appearance and shows it in the live preview of the real widget", async () => {
    await inBrowser(stack(), "widget", async (page) => {
      await signUp(page, stack().admin.url, { name: "Lee Owner", email: "lee@bakery.example", organization: "Lee Bakery" });
      await page.getByRole("link", { name: "Lee Bakery assistant" }).click();
      await page.getByRole("link", { name: "Chat widget" }).click();
      await page.waitForURL(/\/bots\/[^/]+\/widget$/);

      const preview = page.frameLocator('[data-testid="widget-preview"]');
      await preview.locator("[data-frontdesk-widget]").waitFor({ state: "attached", timeout: 30_000 });

      await page.getByLabel("Launcher label").fill("Ask the bakery");
      await page.getByLabel("Primary color", { exact: true }).fill("#c2410c");
      await page.getByLabel("Position").selectOption("bottom-left");
      await page.getByRole("button", { name: "Add suggested question" }).click();
      await page.getByLabel("Suggested question 1").fill("Do you bake gluten-free bread?");
      await page.getByLabel("Ask for contact details").selectOption("after_messages");
      await page.getByLabel("After this many visitor messages").fill("2");
      await expect(page.getByLabel("Require phone").isDisabled()).resolves.toBe(true);

      // The preview follows the unsaved edits: the real widget draws the new label, colour and corner.
      await preview.getByRole("button", { name: /Ask the bakery/ }).waitFor({ timeout: 30_000 });
      const root = preview.locator(".fd-root");
      await expect(root.evaluate((element: HTMLElement) => element.style.getPropertyValue("--a"))).resolves.toBe("#c2410c");
      await expect(root.getAttribute("class")).resolves.toMatch(/fd-left/);

      await page.getByRole("button", { name: "Save widget settings" }).click();
      await page.getByText("Saved", { exact: true }).waitFor();
      await preview.getByRole("button", { name: /Ask the bakery/ }).waitFor({ timeout: 30_000 });
      await shot(page, "widget-settings");

      // A wrong origin is refused by the API with the field named.
      await page.getByLabel("Allowed origins").fill("not a url");
      await page.getByRole("button", { name: "Save widget settings" }).click();
      await page.getByRole("alert").filter({ hasText: /allowedOrigins/ }).waitFor();

      // What was saved survives a reload.
      await page.reload();
      await expect(page.getByLabel("Launcher label").inputValue()).resolves.toBe("Ask the bakery");
      await expect(page.getByLabel("Position").inputValue()).resolves.toBe("bottom-left");
      await expect(page.getByLabel("Suggested question 1").inputValue()).resolves.toBe("Do you bake gluten-free bread?");
      await expect(page.getByLabel("Ask for contact details").inputValue()).resolves.toBe("after_messages");
    });
  });
});
