import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {} from "../src/main";
import type { WidgetMessageEvent } from "../src/controller";
import { launchBrowser } from "./browser";
import { ensureWidgetBuilt } from "./build-widget";
import { cannedAnswer, startFakeWidgetApi, type FakeWidgetApi } from "./fake-api";
import { hostPageHtml, startHostPage, type HostPage } from "./host-page";

const botKey = "pk_test_options";

let browser: Browser;
let api: FakeWidgetApi;
let plain: HostPage;
let customised: HostPage;
let badColor: HostPage;

beforeAll(async () => {
  const widgetJsPath = await ensureWidgetBuilt();
  api = await startFakeWidgetApi({ botKey, widgetJsPath, tokenDelayMs: 0 });
  const widgetSrc = `${api.url}/widget.js`;
  plain = await startHostPage(() => hostPageHtml({ widgetSrc, botKey }));
  customised = await startHostPage(() =>
    hostPageHtml({
      widgetSrc,
      botKey,
      attributes: {
        "data-position": "bottom-left",
        "data-primary-color": "#e11d48",
        "data-launcher-label": "Chat with us",
        "data-open": "",
        "data-locale": "fr-CA",
      },
    }),
  );
  badColor = await startHostPage(() =>
    hostPageHtml({ widgetSrc, botKey, attributes: { "data-primary-color": "red; display:none", "data-open": "false" } }),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), plain?.close(), customised?.close(), badColor?.close()]);
});

async function newPage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 1280, height: 800 } });
}

const launcherStyle = (page: Page) =>
  page.evaluate(() => {
    const launcher = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.querySelector(".fd-launcher")!;
    return getComputedStyle(launcher).backgroundColor;
  });

describe("data-* embed options", () => {
  it("applies position, primary color, launcher label, open-on-load and locale", async () => {
    const page = await newPage();
    await page.goto(customised.url);
    const panel = page.getByRole("dialog");
    await panel.waitFor();
    expect(await panel.isVisible()).toBe(true); // data-open
    // Focus moves happen in effects after render: give them two frames before asserting nothing was stolen.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.getByRole("textbox", { name: "Message" }).getAttribute("placeholder")).toBe("Posez une question…");
    expect(await page.getByRole("button", { name: "Envoyer" }).count()).toBe(1);
    expect(await page.locator(".fd-root").getAttribute("lang")).toBe("fr-CA");
    expect(await launcherStyle(page)).toBe("rgb(225, 29, 72)");

    const launcher = page.getByTestId("launcher");
    expect((await launcher.boundingBox())!.x).toBeLessThan(40); // bottom-left
    expect((await panel.boundingBox())!.x).toBeLessThan(40);

    await launcher.click(); // close: the label shows on the closed launcher
    const labelled = page.getByRole("button", { name: "Chat with us" });
    expect(await labelled.textContent()).toBe("Chat with us");
    expect(await labelled.isVisible()).toBe(true);
    await page.close();
  });

  it("ignores an invalid color and data-open=\"false\", and defaults to bottom-right English", async () => {
    const page = await newPage();
    await page.goto(badColor.url);
    const launcher = page.getByRole("button", { name: "Open chat" });
    await launcher.waitFor();
    expect(await page.getByRole("dialog").isVisible()).toBe(false);
    expect(await launcherStyle(page)).toBe("rgb(36, 83, 212)");
    expect((await launcher.boundingBox())!.x).toBeGreaterThan(1100);
    await page.close();
  });
});

describe("Frontdesk.identify and Frontdesk.on", () => {
  it("sends the identified visitor with chat requests and reports each completed message", async () => {
    const page = await newPage();
    await page.goto(plain.url);
    await page.getByRole("button", { name: "Open chat" }).click();
    await page.evaluate(() => {
      const seen: WidgetMessageEvent[] = [];
      (window as unknown as { __messages: WidgetMessageEvent[] }).__messages = seen;
      window.Frontdesk!.on("message", (m) => seen.push(m));
      window.Frontdesk!.on("message", () => {
        throw new Error("a broken host listener");
      });
      window.Frontdesk!.identify({ name: " Ada ", email: "ada@example.com", phone: 42 as unknown as string });
    });
    await page.getByRole("textbox", { name: "Message" }).fill("Hours?");
    await page.getByRole("button", { name: "Send" }).click();
    await page.locator('[data-role="assistant"]:not([aria-busy])').waitFor();

    const post = api.requests.findLast((r) => r.method === "POST" && r.path === "/api/widget/v1/chat")!;
    expect(post.body).toMatchObject({ message: "Hours?", visitor: { name: "Ada", email: "ada@example.com" } });
    expect((post.body as { visitor: object }).visitor).not.toHaveProperty("phone");

    const messages = await page.evaluate(() => (window as unknown as { __messages: WidgetMessageEvent[] }).__messages);
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "Hours?"],
      ["assistant", cannedAnswer.text],
    ]);
    expect(messages[1]!.conversationId).toMatch(/^conv_/);
    expect(messages[1]!.citations).toHaveLength(2);

    await page.evaluate(() => window.Frontdesk!.identify(null));
    await page.getByRole("textbox", { name: "Message" }).fill("Again");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator('[data-role="assistant"]:not([aria-busy])').count()).toBe(2);
    const second = api.requests.findLast((r) => r.method === "POST" && r.path === "/api/widget/v1/chat")!;
    expect(second.body).not.toHaveProperty("visitor");
    await page.close();
  });
});
