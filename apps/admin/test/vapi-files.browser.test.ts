import { afterAll, describe, expect, it } from "vitest";
import { startVapiFake } from "../../api/test/integrations/vapi-fake";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// "Sync to Vapi" in a real browser: connect a Vapi account (a local fake of Vapi's API), link the bot, turn the sync
// on and watch the document's file reach `synced`, then turn it off and see the file deleted from Vapi.

const KEY = "vapi-browser-private-key-0123456789";
const SECRET = "browser-vapi-files-secret-0123456789";
let vapi: Awaited<ReturnType<typeof startVapiFake>>;
const stack = useAdminStack(async () => {
  vapi = await startVapiFake({ apiKey: KEY });
  return { env: { INTEGRATION_BASE_URLS: `vapi=${vapi.url}`, PUBLIC_URL: "https://desk.example.com" } };
});
afterAll(async () => {
  await vapi?.close();
});

describe("sync to Vapi in a browser", () => {
  it("turns the sync on from the bot's Phone card, shows the file synced, and turns it off", async () => {
    await inBrowser(stack(), "vapi-files", async (page) => {
      await signUp(page, stack().admin.url, { name: "Val Vapi", email: "val@vapi.example", organization: "Val Clinic" });
      await page.getByRole("link", { name: "Integrations" }).click();
      await page.waitForURL(/\/integrations$/);
      await page.getByRole("button", { name: "Connect Vapi" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(/api key/i).fill(KEY);
      await dialog.getByRole("button", { name: "Test and save" }).click();
      await dialog.waitFor({ state: "detached" });

      // A ready document in the bot's knowledge base (ingestion itself is tested elsewhere).
      const prisma = stack().api.prisma;
      const bot = await prisma.bot.findFirstOrThrow({ where: { name: "Val Clinic assistant" }, include: { knowledgeBases: true } });
      await prisma.document.create({
        data: {
          organizationId: bot.organizationId,
          knowledgeBaseId: bot.knowledgeBases[0]!.knowledgeBaseId,
          sourceKind: "text",
          title: "Opening hours",
          mimeType: "text/plain",
          sizeBytes: 40,
          contentHash: "browser-vapi-files-opening-hours",
          status: "ready",
          stage: null,
        },
      });

      await page.goto(`${stack().admin.url}/bots`);
      await page.getByRole("link", { name: "Val Clinic assistant" }).click();
      await page.waitForURL(/\/bots\/[^/]+$/);
      await page.getByLabel("New secret (at least 16 characters)").fill(SECRET);
      await page.getByRole("button", { name: "Save secret" }).click();
      await page.getByTestId("voice-secret").filter({ hasText: `••••${SECRET.slice(-4)}` }).waitFor();
      await page.getByRole("button", { name: "Link to Vapi" }).click();
      await page.getByText("Linked to Vapi assistant").waitFor();

      await page.getByRole("button", { name: "Sync files to Vapi" }).click();
      const row = page.getByTestId("vapi-file").filter({ hasText: "Opening hours" });
      await row.filter({ hasText: "synced" }).waitFor({ timeout: 30_000 });
      expect(vapi.files.size).toBe(1);
      expect([...vapi.files.values()][0]!.name).toBe("Opening hours.md");
      await shot(page, "vapi-files-synced");

      await page.getByRole("button", { name: "Stop syncing (delete the files from Vapi)" }).click();
      await page.getByRole("button", { name: "Sync files to Vapi" }).waitFor();
      expect(vapi.files.size).toBe(0);
      expect(vapi.tools.size).toBe(0);
    });
  }, 180_000);
});
