import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Brings in the `window.Frontdesk` global type.
import type {} from "../src/main";
import { launchBrowser } from "./browser";
import { ensureWidgetBuilt } from "./build-widget";
import { cannedAnswer, startFakeWidgetApi, tokenize, type FakeWidgetApi } from "./fake-api";
import { hostPageHtml, startHostPage, type HostPage } from "./host-page";

const botKey = "pk_test_widget";
const question = "When are you open?";
const markupAnswer = {
  text: `<img src=x onerror="window.__pwned=1"> <b>bold</b> & done`,
  citations: [{ ...cannedAnswer.citations[0]!, title: "<i>Handbook</i>", snippet: "<script>window.__pwned=2</script>" }],
};
const markdownAnswer = {
  text: [
    "We are **open** daily. See [hours](https://acme.example/hours) or mail desk@acme.example via [email](mailto:desk@acme.example).",
    "",
    "- Use `door B`",
    "- Park behind",
    "",
    "1. Sign in",
    "2. Wait",
    "",
    '[click me](javascript:window.__pwned=3) <script>window.__pwned=4</script> <img src=x onerror="window.__pwned=5"> &lt;b&gt;',
  ].join("\n"),
  citations: [],
};
const resultsDir = fileURLToPath(new URL("../../../test-results/", import.meta.url));

let browser: Browser;
let api: FakeWidgetApi;
let host: HostPage;
let strangerHost: HostPage;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const widgetJsPath = await ensureWidgetBuilt();
  let apiUrl = "";
  const page = () => hostPageHtml({ widgetSrc: `${apiUrl}/widget.js`, botKey });
  host = await startHostPage(page);
  strangerHost = await startHostPage(page);
  api = await startFakeWidgetApi({
    botKey,
    widgetJsPath,
    allowedOrigins: [host.url],
    answer: (message) =>
      message.includes("markdown") ? markdownAnswer : message.includes("markup") ? markupAnswer : cannedAnswer,
  });
  apiUrl = api.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), host?.close(), strangerHost?.close()]);
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

async function openWidget(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByRole("button", { name: "Open chat" }).click();
  await page.getByRole("log").waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const userMessages = (page: Page) => page.locator('[data-testid="message"][data-role="user"]');
const lastAnswerText = (page: Page) => assistantMessages(page).last().locator(".fd-text").textContent();
const chatPosts = () => api.requests.filter((r) => r.method === "POST" && r.path === "/api/widget/v1/chat");

async function waitForAnswer(page: Page, count: number): Promise<void> {
  await expect
    .poll(async () => {
      const done = assistantMessages(page).and(page.locator(":not([aria-busy])"));
      return done.count();
    })
    .toBe(count);
}

describe("widget bubble against the fake API", () => {
  it("streams the answer token by token, then shows numbered, expandable citations", async () => {
    const page = await newPage();
    await openWidget(page);
    expect(await page.getByTestId("greeting").textContent()).toBe("Hi! How can I help you today?");
    expect(await page.getByRole("dialog").getAttribute("aria-label")).toBe("Acme Front Desk");

    // Record every length the answer text passes through, straight from the shadow DOM.
    await page.evaluate(() => {
      const root = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!;
      const seen: number[] = [];
      (window as unknown as { __lengths: number[] }).__lengths = seen;
      new MutationObserver(() => {
        const answers = root.querySelectorAll('[data-role="assistant"] .fd-text');
        const text = answers[answers.length - 1]?.textContent ?? "";
        if (text !== "…" && seen[seen.length - 1] !== text.length) seen.push(text.length);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });

    const paused = api.pauseNextChat(4);
    await ask(page, question);
    await paused.reached;
    const partial = tokenize(cannedAnswer.text).slice(0, 4).join("");
    await expect.poll(() => lastAnswerText(page)).toBe(partial);
    expect(await assistantMessages(page).last().getAttribute("aria-busy")).toBe("true");
    expect(await page.getByTestId("citation").count()).toBe(0);

    paused.release();
    await waitForAnswer(page, 1);
    expect(await lastAnswerText(page)).toBe(cannedAnswer.text);
    const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
    // Batching under load may merge some tokens, but the text only ever grows and passed the paused state.
    expect(lengths).toContain(partial.length);
    expect(lengths.at(-1)).toBe(cannedAnswer.text.length);
    expect(lengths.every((length, i) => i === 0 || length > lengths[i - 1]!)).toBe(true);

    const citations = page.getByTestId("citation");
    expect(await citations.locator("summary").allTextContents()).toEqual(["1 Visitor handbook", "2 Parking FAQ"]);
    const snippet = citations.first().locator(".fd-snippet");
    expect(await snippet.isVisible()).toBe(false);
    await citations.first().locator("summary").click();
    expect(await snippet.isVisible()).toBe(true);
    expect(await snippet.textContent()).toBe(cannedAnswer.citations[0]!.snippet);

    const post = chatPosts().at(-1)!;
    expect(post.botKey).toBe(botKey);
    expect(post.origin).toBe(host.url);
    expect(post.body).toEqual({ message: question });
    expect(post.visitorId).toMatch(/^v_\d+-\d+-\d+-\d+$/);

    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}widget-desktop.png` });
  });

  it("keeps the conversation per bot key and restores its history after a reload", async () => {
    const page = await newPage();
    await openWidget(page);
    await ask(page, question);
    await waitForAnswer(page, 1);
    const stored = await page.evaluate((key) => ({
      conversationId: localStorage.getItem(`frontdesk:${key}:conversationId`),
      visitorId: localStorage.getItem("frontdesk:visitorId"),
    }), botKey);
    expect(stored.conversationId).toMatch(/^conv_/);

    await page.reload();
    await page.getByRole("button", { name: "Open chat" }).click();
    await waitForAnswer(page, 1);
    expect(await userMessages(page).allTextContents()).toEqual([question]);
    expect(await lastAnswerText(page)).toBe(cannedAnswer.text);
    expect(await page.getByTestId("citation").count()).toBe(2);
    // After the reload the history arrives on the conversation's event stream, followed from the start.
    // The visitor id rides in a header, never in the URL.
    const historyPath = `/api/widget/v1/conversations/${stored.conversationId}/events?after=`;
    const historyGet = api.requests.findLast((r) => r.path === historyPath);
    expect(historyGet).toMatchObject({ status: 200, visitorId: stored.visitorId });
    expect(api.requests.some((r) => r.path.includes("visitorId"))).toBe(false);

    await ask(page, "And on weekends?");
    await waitForAnswer(page, 2);
    expect(chatPosts().at(-1)).toMatchObject({
      body: { message: "And on weekends?", conversationId: stored.conversationId },
      visitorId: stored.visitorId,
    });
  });

  it("rates a stored answer with thumbs up/down, takes it back with the same thumb, and shows the rating after a reload", async () => {
    const page = await newPage();
    await openWidget(page);
    const paused = api.pauseNextChat(2);
    await ask(page, question);
    await paused.reached;
    // No thumbs while the answer streams: it has no stored id to rate yet.
    expect(await page.getByRole("button", { name: "Helpful", exact: true }).count()).toBe(0);
    paused.release();
    await waitForAnswer(page, 1);
    const answer = assistantMessages(page).last();
    const up = answer.getByRole("button", { name: "Helpful", exact: true });
    const down = answer.getByRole("button", { name: "Not helpful" });
    const ratingPosts = () => api.requests.filter((r) => r.method === "POST" && r.path.endsWith("/rating"));

    await up.click();
    await expect.poll(() => up.getAttribute("aria-pressed")).toBe("true");
    expect(await down.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => ratingPosts().at(-1)?.status).toBe(200);
    const conversationId = await page.evaluate((key) => localStorage.getItem(`frontdesk:${key}:conversationId`), botKey);
    expect(ratingPosts().at(-1)).toMatchObject({ body: { rating: "up" }, botKey, visitorId: expect.stringMatching(/^v_/) });
    expect(ratingPosts().at(-1)!.path).toMatch(new RegExp(`^/api/widget/v1/conversations/${conversationId}/messages/msg_\\d+/rating$`));

    await down.click();
    await expect.poll(() => down.getAttribute("aria-pressed")).toBe("true");
    expect(await up.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => ratingPosts().length).toBe(2);
    expect(ratingPosts().at(-1)!.body).toEqual({ rating: "down" });
    await down.click();
    await expect.poll(() => ratingPosts().length).toBe(3);
    expect(ratingPosts().at(-1)!.body).toEqual({ rating: null });
    expect(await down.getAttribute("aria-pressed")).toBe("false");

    await down.click();
    await expect.poll(() => ratingPosts().at(-1)?.status).toBe(200);
    await page.reload();
    await page.getByRole("button", { name: "Open chat" }).click();
    await waitForAnswer(page, 1);
    await expect.poll(() => assistantMessages(page).last().getByRole("button", { name: "Not helpful" }).getAttribute("aria-pressed")).toBe("true");
    // The visitor's own messages and the greeting have no thumbs.
    expect(await page.getByRole("button", { name: "Not helpful" }).count()).toBe(1);
  });

  it("forgets a stored conversation the API no longer knows and starts a new one", async () => {
    const page = await newPage();
    await page.addInitScript((key) => localStorage.setItem(`frontdesk:${key}:conversationId`, "conv_gone"), botKey);
    await openWidget(page);
    await expect.poll(() => api.requests.findLast((r) => r.path.includes("/conversations/conv_gone"))?.status).toBe(404);
    expect(await page.getByTestId("message").count()).toBe(0);
    await ask(page, question);
    await waitForAnswer(page, 1);
    expect(chatPosts().at(-1)!.body).not.toHaveProperty("conversationId");
  });

  it("shows an inline error with Retry when the network fails, without losing the message", async () => {
    const page = await newPage();
    await openWidget(page);

    api.failNextChat("drop");
    await ask(page, question);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Couldn't reach the assistant");
    expect(await userMessages(page).allTextContents()).toEqual([question]);
    expect(await assistantMessages(page).count()).toBe(0); // the half answer is gone

    await page.getByRole("button", { name: "Retry" }).click();
    await waitForAnswer(page, 1);
    expect(await alert.count()).toBe(0);
    expect(await userMessages(page).allTextContents()).toEqual([question]);
    expect(await lastAnswerText(page)).toBe(cannedAnswer.text);
    expect((chatPosts().at(-1)!.body as { message: string }).message).toBe(question);

    // Fully offline: the request never leaves the browser.
    await page.route("**/api/widget/v1/chat", (route) => route.abort("internetdisconnected"));
    await ask(page, "Second question");
    await alert.waitFor();
    await page.unroute("**/api/widget/v1/chat");
    await page.getByRole("button", { name: "Retry" }).click();
    await waitForAnswer(page, 2);
    expect(await userMessages(page).allTextContents()).toEqual([question, "Second question"]);
  });

  it("shows the server's error event inline and retries it", async () => {
    const page = await newPage();
    await openWidget(page);
    api.failNextChat("error-event");
    await ask(page, question);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("The assistant could not finish its answer.");
    await page.getByRole("button", { name: "Retry" }).click();
    await waitForAnswer(page, 1);
    expect(await lastAnswerText(page)).toBe(cannedAnswer.text);
  });

  it("renders answers and sources as text, never as markup", async () => {
    const page = await newPage();
    await openWidget(page);
    await ask(page, "show me markup");
    await waitForAnswer(page, 1);
    expect(await lastAnswerText(page)).toBe(markupAnswer.text);
    expect(await page.getByTestId("citation").locator("summary").textContent()).toBe("1 <i>Handbook</i>");
    const injected = await page.evaluate(() => ({
      elements: document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.querySelectorAll("img, b, i, script")
        .length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    }));
    expect(injected).toEqual({ elements: 0, pwned: null });
  });

  it("renders the safe Markdown subset as elements and hostile content as inert text", async () => {
    const page = await newPage();
    await openWidget(page);
    await ask(page, "markdown please");
    await waitForAnswer(page, 1);
    const answer = assistantMessages(page).last().locator(".fd-text");
    const links = await answer.locator("a").evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute("href"), text: a.textContent, target: a.getAttribute("target"), rel: a.getAttribute("rel") })),
    );
    const safe = { target: "_blank", rel: "noopener noreferrer" };
    expect(links).toEqual([
      { href: "https://acme.example/hours", text: "hours", ...safe },
      { href: "mailto:desk@acme.example", text: "email", ...safe },
    ]);
    expect(await answer.locator("strong").allTextContents()).toEqual(["open"]);
    expect(await answer.locator("ul > li").allTextContents()).toEqual(["Use door B", "Park behind"]);
    expect(await answer.locator("ul code").allTextContents()).toEqual(["door B"]);
    expect(await answer.locator("ol > li").allTextContents()).toEqual(["Sign in", "Wait"]);
    expect(await answer.locator("p").last().textContent()).toBe(markdownAnswer.text.split("\n").at(-1));
    const injected = await page.evaluate(() => ({
      elements: document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.querySelectorAll("img, script, b, [onerror]").length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    }));
    expect(injected).toEqual({ elements: 0, pwned: null });
    // Even a click on the refused link's text goes nowhere.
    await answer.getByText("[click me]", { exact: false }).click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  });

  it("exposes window.Frontdesk.open() and close()", async () => {
    const page = await newPage();
    await page.goto(host.url);
    await page.getByRole("button", { name: "Open chat" }).waitFor();
    expect(await page.getByTestId("panel").isVisible()).toBe(false);
    await page.evaluate(() => window.Frontdesk!.open());
    // The panel is a lazily loaded chunk: wait for it instead of reading visibility at once.
    await page.getByTestId("panel").waitFor({ state: "visible" });
    expect(await page.getByTestId("launcher").getAttribute("aria-label")).toBe("Close chat");
    await page.evaluate(() => window.Frontdesk!.close());
    await page.getByTestId("panel").waitFor({ state: "hidden" });
  });

  it("stays off pages whose origin the bot does not allow", async () => {
    const page = await newPage();
    const warning = page.waitForEvent("console", (m) => m.type() === "warning" && m.text().includes("[frontdesk]"));
    await page.goto(strangerHost.url);
    expect((await warning).text()).toContain(`${strangerHost.url} is not allowed`);
    expect(await page.locator("[data-frontdesk-widget]").count()).toBe(0);
    const configGet = api.requests.findLast((r) => r.path === "/api/widget/v1/config" && r.origin === strangerHost.url);
    expect(configGet?.status).toBe(403);
  });
});
