import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { adminDir, ensureAdminBuilt, freePort, startAdmin, type RunningAdmin } from "./next-app";
import { startApi } from "./start-api";

/** The real API on a fresh database, `next start` in front of it, and headless Chromium: one per test file. */

export const screenshots = join(adminDir, "..", "..", "test-results");

export interface AdminStack {
  api: Awaited<ReturnType<typeof startApi>>;
  admin: RunningAdmin;
  browser: Browser;
  close: () => Promise<void>;
}

/** `env` adds API settings (e.g. INTEGRATION_BASE_URLS pointing a provider at a fake). */
export async function startAdminStack(options: { widget?: boolean; env?: Record<string, string> } = {}): Promise<AdminStack> {
  mkdirSync(screenshots, { recursive: true });
  const adminPort = await freePort();
  const [api] = await Promise.all([startApi({ adminUrl: `http://127.0.0.1:${adminPort}`, widget: options.widget, env: options.env }), ensureAdminBuilt()]);
  const admin = await startAdmin({ port: adminPort, apiUrl: api.url });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run"],
  });
  return {
    api,
    admin,
    browser,
    async close() {
      await browser.close();
      await admin.stop();
      await api.close();
    },
  };
}

/**
 * Starts the stack before this file's tests and stops it after them; call the returned function inside a test.
 * `options` may be a function, for settings known only once other servers (fakes) are listening.
 */
export function useAdminStack(
  options: Parameters<typeof startAdminStack>[0] | (() => Promise<Parameters<typeof startAdminStack>[0]>) = {},
): () => AdminStack {
  let stack: AdminStack | undefined;
  beforeAll(async () => {
    stack = await startAdminStack(typeof options === "function" ? await options() : options);
  }, 600_000);
  afterAll(async () => {
    await stack?.close();
  });
  return () => {
    if (!stack) throw new Error("the admin stack is not running (beforeAll failed?)");
    return stack;
  };
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshots, `admin-${name}.png`), fullPage: true });
}

/**
 * Signs a new owner up (organization + default bot and knowledge base): they land on the dashboard; the helper then
 * opens /bots, where most flows start.
 */
export async function signUp(page: Page, adminUrl: string, account: { name: string; email: string; organization: string }) {
  await page.goto(`${adminUrl}/sign-up`);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByLabel("Organization name").fill(account.organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await page.getByTestId("org-name").filter({ hasText: account.organization }).waitFor();
  await page.goto(`${adminUrl}/bots`);
}

/**
 * Runs one browser flow in its own context; on failure it saves a screenshot and appends the admin's server
 * log, and it fails the flow if the page threw.
 */
export async function inBrowser(stack: AdminStack, name: string, flow: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    await flow(page, context);
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join("\n")}`);
  } catch (error) {
    await shot(page, `${name}-failure`).catch(() => undefined);
    throw new Error(`${String(error)}\n--- admin server log ---\n${stack.admin.logs().slice(-4000)}`, { cause: error });
  } finally {
    await context.close();
  }
}
