import { NOT_FOUND_REPLIES } from "@frontdesk/rag";
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
      await expect(page.getByTestId("not-found-reply-note").count()).resolves.toBe(0);

      // The not-found reply: the localized default as placeholder; too long is refused naming the field; the
      // owner's own reply is what the chat preview says to a question nothing in the (empty) knowledge answers.
      const notFound = page.getByLabel(/^Reply when nothing in the knowledge answers/);
      await expect.poll(() => notFound.getAttribute("placeholder")).toBe(NOT_FOUND_REPLIES.en);
      const settings = page.locator("form", { has: notFound });
      await notFound.fill("x".repeat(501));
      await settings.getByRole("button", { name: "Save" }).click();
      await page.getByRole("alert").filter({ hasText: "answerSettings.notFoundReply: the not-found reply can be at most 500 characters" }).waitFor();
      const ownReply = "Not in our recipe book, sorry. Call the bakery on 555 0199.";
      await notFound.fill(`  ${ownReply}  `);
      await settings.getByRole("button", { name: "Save" }).click();
      await settings.getByText("Saved").waitFor();
      await expect.poll(() => notFound.inputValue()).toBe(ownReply);
      await page.getByLabel("Message").fill("Do you sell bicycle tyres?");
      await page.getByRole("button", { name: "Send" }).click();
      await page.locator('.bubble[data-role="assistant"]').filter({ hasText: ownReply }).waitFor({ timeout: 30_000 });
      await shot(page, "answer-model-not-found-reply");

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

      // Something in the knowledge for the model to answer from: one FAQ.
      await page.getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("link", { name: "Default knowledge base" }).click();
      await page.waitForURL(/\/knowledge\/[^/]+$/);
      await page.getByRole("link", { name: "FAQ", exact: true }).click();
      const add = page.getByTestId("faq-add");
      await add.getByLabel("Question").fill("When do you open on Saturdays?");
      await add.getByLabel("Answer").fill("On Saturdays the bakery opens at 9.");
      await add.getByRole("button", { name: "Add question" }).click();
      await expect.poll(() => page.locator('[data-faq="When do you open on Saturdays?"]').getAttribute("data-document-status"), { timeout: 60_000 }).toBe("ready");

      await page.goto(botUrl);
      // A first question nothing in the knowledge answers: the owner's reply, without asking the model; the note says
      // so. (A later turn asks the model, which may answer a follow-up from the conversation.)
      const asked = llm.requests.length;
      const saidOwnReply = page.locator('.bubble[data-role="assistant"]').filter({ hasText: ownReply });
      const saidBefore = await saidOwnReply.count();
      await page.getByLabel("Message").fill("Do you sell bicycle tyres?");
      await page.getByRole("button", { name: "Send" }).click();
      await expect.poll(() => saidOwnReply.count(), { timeout: 30_000 }).toBe(saidBefore + 1);
      // Background work after a turn (sentiment, learning) may use the model; no request asked it for the answer.
      const answering = llm.requests.slice(asked).filter((request) => JSON.stringify(request.messages).includes("<sources>"));
      expect(answering).toEqual([]);
      await page.getByTestId("not-found-reply-note").filter({ hasText: "without asking the model" }).waitFor();

      // Then the bot answers through the organization's model, and the system prompt note is gone.
      const askedBeforeAnswer = llm.requests.length;
      await page.getByLabel("Message").fill("When do you open on Saturdays?");
      await page.getByRole("button", { name: "Send" }).click();
      await page.locator('.bubble[data-role="assistant"]').filter({ hasText: "From the org model" }).waitFor({ timeout: 30_000 });
      // The sentiment job may call the model after the answer, so pick the answering request by its sources block.
      const answerIndex = llm.requests.findIndex(
        (request, index) => index >= askedBeforeAnswer && JSON.stringify(request.messages).includes("<sources>"),
      );
      expect(answerIndex).toBeGreaterThanOrEqual(0);
      expect(llm.requests[answerIndex]?.model).toBe("gpt-browser-mini");
      expect(llm.bearerTokens.at(-1)).toBe(KEY);
      expect(llm.requests[answerIndex]?.messages[0]?.content).toContain(`Not-found reply: "${ownReply}"`);
      await expect(page.getByTestId("system-prompt-note").count()).resolves.toBe(0);
      // Back to the server default: extractive again.
      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await page.getByTestId("answer-model-form").locator('select[name="provider"]').selectOption("default");
      await page.getByTestId("answer-model-form").getByRole("button", { name: "Save" }).click();
      await mode.filter({ hasText: "Extractive answers — no language model configured (server default)" }).waitFor();
    });
  }, 240_000);
});
