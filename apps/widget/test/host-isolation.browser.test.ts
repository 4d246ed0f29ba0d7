import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { ensureWidgetBuilt } from "./build-widget";
import { cannedAnswer, startFakeWidgetApi, type FakeWidgetApi } from "./fake-api";
import { hostPageHtml, startHostPage, type HostPage } from "./host-page";

const botKey = "pk_test_isolation";
const hostileCss = "* { all: unset } div { display: none !important } html { font-size: 8px } button { background: red !important }";

let browser: Browser;
let api: FakeWidgetApi;
let hostile: HostPage;
let strict: HostPage;
let csp = "";

beforeAll(async () => {
  const widgetJsPath = await ensureWidgetBuilt();
  api = await startFakeWidgetApi({ botKey, widgetJsPath, tokenDelayMs: 0 });
  const widgetSrc = `${api.url}/widget.js`;
  hostile = await startHostPage(() => hostPageHtml({ widgetSrc, botKey, css: hostileCss }));
  // The policy the README documents for site owners, with the API as the only allowed origin.
  csp = `default-src 'none'; script-src ${api.url}; connect-src ${api.url}; style-src 'self'`;
  strict = await startHostPage(
    () => hostPageHtml({ widgetSrc, botKey, css: null }),
    () => ({ "Content-Security-Policy": csp }),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), hostile?.close(), strict?.close()]);
});

async function chatRoundTrip(page: Page): Promise<void> {
  const launcher = page.getByRole("button", { name: "Open chat" });
  await launcher.waitFor();
  expect(await launcher.isVisible()).toBe(true);
  const box = (await launcher.boundingBox())!;
  expect(box.width).toBe(56);
  await launcher.click();
  // The panel is a lazily loaded chunk: wait for it rather than read its visibility at once.
  await page.getByRole("dialog").waitFor();
  await page.getByRole("textbox", { name: "Message" }).fill("Hours?");
  await page.getByRole("button", { name: "Send" }).click();
  const answer = page.locator('[data-role="assistant"]:not([aria-busy]) .fd-text');
  await answer.waitFor();
  expect(await answer.textContent()).toBe(cannedAnswer.text);
  expect(await answer.isVisible()).toBe(true);
}

describe("widget on hostile host pages", () => {
  it("stays visible, styled and usable under `* { all: unset }`, `div { display: none !important }` and an 8px root font", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(hostile.url);
    await chatRoundTrip(page);
    const styles = await page.evaluate(() => {
      const root = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!;
      const pick = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        hostDisplay: getComputedStyle(document.querySelector("[data-frontdesk-widget]")!).display,
        textSize: pick('[data-role="assistant"] .fd-text').fontSize,
        launcherBg: pick(".fd-launcher").backgroundColor,
        panelDisplay: pick(".fd-panel").display,
      };
    });
    expect(styles).toEqual({
      hostDisplay: "block",
      textSize: "14px",
      launcherBg: "rgb(36, 83, 212)",
      panelDisplay: "flex",
    });
    await page.close();
  });

  it("loads under a strict CSP with no console errors or CSP violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(strict.url);
    expect(response!.headers()["content-security-policy"]).toBe(csp);
    await chatRoundTrip(page);
    const launcherBg = await page.evaluate(() =>
      getComputedStyle(document.querySelector("[data-frontdesk-widget]")!.shadowRoot!.querySelector(".fd-launcher")!)
        .backgroundColor,
    );
    expect(launcherBg).toBe("rgb(36, 83, 212)"); // styles applied despite style-src 'self'
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
