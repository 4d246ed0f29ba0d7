import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {} from "../src/main";
import { launchBrowser } from "./browser";
import { ensureWidgetBuilt } from "./build-widget";
import { cannedAnswer, startFakeWidgetApi, type FakeWidgetApi } from "./fake-api";
import { hostPageHtml, startHostPage, type HostPage } from "./host-page";

const botKey = "pk_test_a11y";
const arabicGreeting = "مرحبا! كيف يمكنني مساعدتك اليوم؟";
const resultsDir = fileURLToPath(new URL("../../../test-results/", import.meta.url));

let browser: Browser;
let api: FakeWidgetApi;
let host: HostPage;

beforeAll(async () => {
  const widgetJsPath = await ensureWidgetBuilt();
  api = await startFakeWidgetApi({ botKey, widgetJsPath, tokenDelayMs: 0, greeting: arabicGreeting });
  host = await startHostPage(() => hostPageHtml({ widgetSrc: `${api.url}/widget.js`, botKey }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), host?.close()]);
});

/** What has focus inside the widget's shadow root, described by its accessible label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.activeElement;
    return el ? el.getAttribute("aria-label") ?? el.textContent : null;
  });

async function ask(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('[data-role="assistant"]:not([aria-busy])').last().waitFor();
}

describe("keyboard and focus", () => {
  it("moves focus into the panel on open, traps Tab inside it, and Escape returns focus to the launcher", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const launcher = page.getByRole("button", { name: "Open chat" });
    await launcher.focus();
    await page.keyboard.press("Enter");
    // The panel is a lazily loaded chunk: wait for it rather than read its visibility at once.
    await page.getByRole("dialog").waitFor();
    await expect.poll(() => focused(page)).toBe("Message");

    // Tab cycles header (new conversation, minimize) → input → Send → "Talk to a person" and wraps, never out to the page.
    const cycle = ["Send", "Talk to a person", "New conversation", "Minimize chat", "Message"];
    for (const name of cycle) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe(name);
    }
    for (const name of [...cycle].reverse().slice(1).concat("Message")) {
      await page.keyboard.press("Shift+Tab");
      expect(await focused(page)).toBe(name);
    }

    // With an answer, its citations and its thumbs the trap covers the new controls too.
    await ask(page, "Hours?");
    await page.getByRole("button", { name: "Not helpful" }).waitFor();
    await page.getByRole("textbox", { name: "Message" }).focus();
    const seen = new Set<string | null>();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      seen.add(await focused(page));
    }
    expect(seen.has(null)).toBe(false);
    expect([...seen]).toEqual(expect.arrayContaining(["Minimize chat", "Message", "1 Visitor handbook", "Helpful", "Not helpful"]));

    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    // Focus returns in an effect after the close renders, so wait for it rather than read it at once.
    await expect.poll(() => focused(page)).toBe("Open chat");

    // Closing from the page's own script leaves the page's focus alone.
    await page.evaluate(() => window.Frontdesk!.open());
    await expect.poll(() => focused(page)).toBe("Message");
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.id = "page-button";
      document.body.append(button);
      button.focus();
      window.Frontdesk!.close();
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("page-button");
    await page.close();
  });
});

describe("layout", () => {
  it("fills a 375x667 phone screen with the open panel", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(host.url);
    await page.getByRole("button", { name: "Open chat" }).click();
    const panel = page.getByRole("dialog");
    await panel.waitFor();
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    await ask(page, "Hours?");
    expect(await page.locator('[data-role="assistant"] .fd-text').last().textContent()).toBe(cannedAnswer.text);
    expect(await page.getByRole("textbox", { name: "Message" }).isVisible()).toBe(true);
    // 16 px text in the input: iOS Safari zooms the page into smaller inputs on focus.
    expect(await page.getByRole("textbox", { name: "Message" }).evaluate((input) => getComputedStyle(input).fontSize)).toBe("16px");
    expect(await page.getByTestId("launcher").isVisible()).toBe(false); // the header's minimize closes
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}widget-mobile.png` });

    await page.getByRole("button", { name: "Minimize chat" }).click();
    await page.getByRole("button", { name: "Open chat" }).waitFor();
    await page.close();
  });

  it("renders an Arabic greeting right-to-left and English messages left-to-right", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByRole("button", { name: "Open chat" }).click();
    await ask(page, "Hours?");
    const direction = (selector: string) =>
      page.evaluate((s) => {
        const el = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.querySelector(s)!;
        return { text: el.textContent, direction: getComputedStyle(el).direction };
      }, selector);
    expect(await direction('[data-testid="greeting"] .fd-text')).toEqual({ text: arabicGreeting, direction: "rtl" });
    expect((await direction('[data-role="assistant"] .fd-text p')).direction).toBe("ltr");
    expect((await direction('[data-role="user"] .fd-text')).direction).toBe("ltr");
    await page.close();
  });
});
