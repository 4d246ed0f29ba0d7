import { startFakeOpenAIServer, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// Settings → Answer model: the active mode is visible, an owner sets the organization's model (tested, saved,
// key never shown again), the bot's system prompt says when it has no effect, and the chat preview follows.
const KEY = "sk-browser-org-key-424242";
let llm: FakeOpenAIServer;

beforeAll(async () => {
  llm = await startFakeOpenAIServer({ reply: "From the org model: we open at 9 on Saturdays.", apiKey: KEY });
});
afterAll(async () => {
  await llm?.close();
});

// The fake model listens on 127.0.0.1; the server default stays extractive (startApi sets LLM_PROVIDER=none).
const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });

describe("answer model settings in a browser", () => {
  it("shows extractive mode, sets an organization model after a test, and the bot answers with it", async () => {
    await inBrowser(stack(), "answer-model", async (page) => {
      await signUp(page, stack().admin.url, { name: "Mo Owner", email: "mo@models.example", organization: "Model Bakery" });

      // The default bot: extractive mode, so the system prompt field says it has no effect.
      await page.getByRole("link", { name: "Model Bakery assistant" }).click();
      await page.waitForURL(/\/bots\/[^/]+$/);
      const botUrl = page.url();
      await page.getByTestId("system-prompt-note").filter({ hasText: "No effect in extractive mode" }).waitFor();

      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await page.waitForURL(/\/settings$/);
      const mode = page.getByTestId("answer-mode");
      await mode.filter({ hasText: "Extractive answers — no language model configured (server default)" }).waitFor();
      await expect(mode.getAttribute("data-answer-mode")).resolves.toBe("extractive");
      await shot(page, "answer-model-extractive");

      const form = page.getByTestId("answer-model-form");
      await form.locator('select[name="provider"]').selectOption("openai");
      await form.getByLabel(/^Model/).fill("gpt-browser-mini");
      await form.getByLabel(/^Base URL/).fill(llm.baseUrl);
      // A wrong key: the provider's refusal is shown, readable, and nothing is saved.
      await form.getByLabel(/^API key/).fill("sk-wrong-key-000000");
      await form.getByRole("button", { name: "Test connection" }).click();
      await page.getByTestId("answer-model-test").filter({ hasText: /Refused: .*(401|Incorrect API key)/ }).waitFor();
      await form.getByLabel(/^API key/).fill(KEY);
      await form.getByRole("button", { name: "Test connection" }).click();
      await page.getByTestId("answer-model-test").filter({ hasText: "Connection works" }).waitFor();
      await form.getByRole("button", { name: "Save" }).click();

      await mode.filter({ hasText: "Answers by openai/gpt-browser-mini (this organization's setting)" }).waitFor();
      await expect(mode.getAttribute("data-answer-mode")).resolves.toBe("model");
      await expect(page.getByTestId("key-hint").textContent()).resolves.toBe("••••4242");
      expect(await page.content()).not.toContain(KEY);
      await shot(page, "answer-model-set");

      // The bot now answers through the organization's model, and the note is gone.
      await page.goto(botUrl);
      await page.getByLabel("Message").fill("When do you open on Saturdays?");
      await page.getByRole("button", { name: "Send" }).click();
      await page.locator('.bubble[data-role="assistant"]').filter({ hasText: "From the org model" }).waitFor({ timeout: 30_000 });
      expect(llm.requests.at(-1)?.model).toBe("gpt-browser-mini");
      expect(llm.bearerTokens.at(-1)).toBe(KEY);
      await expect(page.getByTestId("system-prompt-note").count()).resolves.toBe(0);

      // Back to the server default: extractive again.
      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await page.getByTestId("answer-model-form").locator('select[name="provider"]').selectOption("default");
      await page.getByTestId("answer-model-form").getByRole("button", { name: "Save" }).click();
      await mode.filter({ hasText: "Extractive answers — no language model configured (server default)" }).waitFor();
    });
  });
});
