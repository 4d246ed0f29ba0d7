import { mkdir } from "node:fs/promises";
import { connect, createServer, type Socket } from "node:net";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../widget/test/browser";
import { ensureWidgetBuilt } from "../../widget/test/build-widget";
import { hostPageHtml, startHostPage, type HostPage } from "../../widget/test/host-page";
import { startServer, type RunningServer } from "../src/start-server";
import { createTenant, createTestApi, type Tenant } from "./support/test-api";

// The whole path a site owner's visitor takes, with nothing faked: the real API server (fresh database, local
// embedding model, in-process worker) on one origin, a customer page on another, and Chromium in between.

const documentTitle = "Harbor Dental parking guide";
const parkingGuide = `# Parking at Harbor Dental

Visitor parking is in the Blue Garage on Quay Street, level 3. Bring your parking ticket to reception and we
validate it for up to two hours free of charge. Bicycle racks are next to the main entrance, and the garage has
two charging points for electric cars on level 1.
`;
const question = "Where do visitors park, and is parking validated?";
const resultsDir = fileURLToPath(new URL("../../../test-results/", import.meta.url));

let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
/** The browser globals page.evaluate callbacks use: this file is type-checked with Node's lib, not the DOM's. */
interface BrowserGlobals {
  document: { querySelector(selector: string): { shadowRoot: ShadowRootLike | null } | null };
  MutationObserver: new (callback: () => void) => { observe(target: ShadowRootLike, options: object): void };
}
interface ShadowRootLike {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

let tenant: Tenant;
let host: HostPage;
let browser: Browser;
let link: SlowLink;

async function api(method: string, path: string, body?: FormData | object): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${tenant.apiKey}` };
  let payload: RequestInit["body"];
  if (body instanceof FormData) payload = body;
  else if (body) {
    payload = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  return fetch(`${server.url}${path}`, { method, headers, body: payload });
}

/** Polls the document over REST until the worker has settled it (ready or failed). */
async function waitForDocument(id: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await api("GET", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents/${id}`);
    const { status } = (await response.json()) as { status: string };
    if (status === "ready" || status === "failed" || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  const [widgetJsPath, embeddings] = await Promise.all([ensureWidgetBuilt(), createEmbeddingsProvider(loadConfig({}))]);
  t = await createTestApi({ rag: { embeddings, chatModel: null }, widgetScriptPath: widgetJsPath });
  server = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
  tenant = await createTenant(t.deps, "Harbor Dental");

  const form = new FormData();
  form.append("file", new File([parkingGuide], "parking.md", { type: "text/markdown" }));
  form.append("title", documentTitle);
  const added = await api("POST", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, form);
  expect(added.status).toBe(201);
  const { id } = (await added.json()) as { id: string };
  expect(await waitForDocument(id)).toBe("ready");

  link = await startSlowLink(new URL(server.url));
  host = await startHostPage(() => hostPageHtml({ widgetSrc: `${link.url}/widget.js`, botKey: tenant.botPublicKey }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await link?.close();
  await server?.close();
  await t?.close();
});

interface SlowLink {
  /** Where the browser reaches the API (the widget derives its API URL from the script's src). */
  url: string;
  /** While set, responses arrive in 64-byte pieces 10 ms apart. */
  slow: boolean;
  close(): Promise<void>;
}

/** A TCP relay in front of the API: a network link, not a fake of anything of ours. */
async function startSlowLink(target: URL): Promise<SlowLink> {
  const sockets = new Set<Socket>();
  const state = { slow: false };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    const hangUp = () => {
      client.destroy();
      upstream.destroy();
    };
    pipeline(client, upstream).catch(hangUp);
    pipeline(
      upstream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const data of source) {
          if (!state.slow) {
            yield data;
            continue;
          }
          for (let offset = 0; offset < data.length; offset += 64) {
            yield data.subarray(offset, offset + 64);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
      },
      client,
    ).catch(hangUp);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get slow() {
      return state.slow;
    },
    set slow(value: boolean) {
      state.slow = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

describe("widget on a customer page against the real API", () => {
  it("streams a cited answer from an ingested document", async () => {
    expect(host.url).not.toBe(link.url);
    const page = await newPage();
    await page.goto(host.url);
    await page.getByRole("button", { name: "Open chat" }).click();
    await page.getByRole("log").waitFor();

    // Every length the latest answer passes through, read straight from the widget's shadow DOM.
    await page.evaluate(() => {
      const { document, MutationObserver } = globalThis as unknown as BrowserGlobals;
      const root = document.querySelector("[data-frontdesk-widget]")!.shadowRoot!;
      const seen: number[] = [];
      (globalThis as unknown as { __lengths: number[] }).__lengths = seen;
      new MutationObserver(() => {
        const answers = root.querySelectorAll('[data-role="assistant"] .fd-text');
        const text = answers[answers.length - 1]?.textContent ?? "";
        if (text !== "" && text !== "…" && seen.at(-1) !== text.length) seen.push(text.length);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });

    // Extractive answers (no LLM) are produced all at once and loopback delivers them in one read; the slow link
    // spreads the real server's SSE bytes out the way a mobile network does, so the test sees what a visitor
    // sees: the answer growing before `done`.
    link.slow = true;
    const chatResponse = page.waitForResponse((r) => r.url().endsWith("/api/widget/v1/chat"));
    await page.getByRole("textbox", { name: "Message" }).fill(question);
    await page.getByRole("button", { name: "Send" }).click();
    expect((await chatResponse).headers()["content-type"]).toContain("text/event-stream");

    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute("aria-busy"), { timeout: 30_000 }).toBeNull();
    const finalText = (await answer.locator(".fd-text").textContent()) ?? "";
    expect(finalText).toContain("Blue Garage");
    expect(finalText).toMatch(/\[1\]/);

    const lengths = await page.evaluate(() => (globalThis as unknown as { __lengths: number[] }).__lengths);
    const partials = lengths.filter((length) => length < finalText.length);
    expect(new Set(partials).size, `lengths seen: ${lengths.join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(lengths.at(-1)).toBe(finalText.length);
    expect(lengths.every((length, i) => i === 0 || length > lengths[i - 1]!)).toBe(true);

    const citations = answer.getByTestId("citation");
    expect(await citations.count()).toBeGreaterThanOrEqual(1);
    expect(await citations.first().locator("summary").textContent()).toBe(`1 ${documentTitle}`);

    link.slow = false;
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}widget-e2e.png` });
    await page.context().close();
  });

  it("does not render on a page whose origin the bot does not allow", async () => {
    const patched = await api("PATCH", `/api/v1/bots/${tenant.botId}`, { allowedOrigins: ["https://www.harbor-dental.example"] });
    expect(patched.status).toBe(200);

    const page = await newPage();
    const configResponse = page.waitForResponse((r) => r.url().includes("/api/widget/v1/config"));
    const warning = page.waitForEvent("console", (m) => m.type() === "warning" && m.text().includes("[frontdesk]"));
    await page.goto(host.url);
    expect((await configResponse).status()).toBe(403);
    expect((await warning).text()).toContain(host.url);
    expect(await page.locator("[data-frontdesk-widget]").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Open chat" }).count()).toBe(0);
    await page.context().close();
  });
});
