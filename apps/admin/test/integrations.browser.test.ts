import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubspotFake } from "../../../packages/integrations/test/fakes/hubspot-fake";
import { sendJson, startServer, type FakeServer } from "../../../packages/integrations/test/fakes/http";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

const goodToken = "pat-na1-good-token-0001";
let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
/** The owner's own endpoint a custom action calls: answers the order status it was asked about. */
let orderApi: FakeServer;
const orderRequests: { auth: string | undefined; body: unknown }[] = [];
/** Receives outbound webhooks; records their event header and signature. */
let hookReceiver: FakeServer;
const hooks: { signature: string | undefined; body: string }[] = [];

beforeAll(async () => {
  hubspot = await startHubspotFake({ tokens: { [goodToken]: "write" } });
  orderApi = await startServer((req, body, res) => {
    orderRequests.push({ auth: req.headers["x-api-key"] as string | undefined, body: JSON.parse(body || "{}") });
    if (req.headers["x-api-key"] !== "order-secret") return sendJson(res, 401, { error: "bad key" });
    const { orderId } = JSON.parse(body) as { orderId: string };
    sendJson(res, 200, { orderId, status: "shipped" });
  });
  hookReceiver = await startServer((req, body, res) => {
    hooks.push({ signature: req.headers["x-frontdesk-signature"] as string | undefined, body });
    sendJson(res, 200, { received: true });
  });
});

afterAll(async () => {
  await hubspot?.close();
  await orderApi?.close();
  await hookReceiver?.close();
});

// Options as a function: the fakes' URLs exist only once the beforeAll above has run.
const stack = useAdminStack(async () => ({
  env: { INTEGRATION_BASE_URLS: `hubspot=${hubspot.url}`, ALLOW_PRIVATE_NETWORK_FETCH: "true" },
}));

describe("integrations pages in a browser", () => {
  it("connects HubSpot (wrong token refused with HubSpot's error, right one connects), then a custom action: try it, tool log, bot tool", async () => {
    await inBrowser(stack(), "integrations", async (page) => {
      await signUp(page, stack().admin.url, { name: "Ivy Owner", email: "ivy@garage.example", organization: "Ivy Garage" });
      await page.getByRole("link", { name: "Integrations" }).click();
      await page.waitForURL(/\/integrations$/);

      // The form is rendered from HubSpot's config JSON Schema: the access token is a password input.
      await page.getByRole("button", { name: "Connect HubSpot" }).click();
      const dialog = page.getByRole("dialog");
      const token = dialog.getByLabel("Access token");
      await expect(token.getAttribute("type")).resolves.toBe("password");
      await token.fill("pat-na1-wrong-token-999");
      await dialog.getByRole("button", { name: "Test and save" }).click();
      await dialog.getByTestId("integration-error").waitFor();
      await expect(dialog.getByTestId("integration-error").textContent()).resolves.toMatch(/HubSpot refused|Connection test failed/);
      await shot(page, "integration-refused");

      await token.fill(goodToken);
      await dialog.getByRole("button", { name: "Test and save" }).click();
      await dialog.waitFor({ state: "detached" });
      const card = page.locator('[data-integration="hubspot"]');
      await card.and(page.locator('[data-status="connected"]')).waitFor();
      // The stored token is never sent back: only a masked tail.
      const cardText = (await card.textContent()) ?? "";
      expect(cardText).not.toContain(goodToken);
      expect(cardText).toMatch(/••••0001/);
      await card.getByRole("button", { name: "Test connection" }).click();
      await card.getByRole("status").filter({ hasText: "Connection works" }).waitFor();
      await card.getByRole("button", { name: "Sync now" }).click();
      await card.getByRole("status").filter({ hasText: "Synced" }).waitFor();
      await expect(card.textContent()).resolves.not.toMatch(/synced never/);
      await shot(page, "integrations");

      // A custom action with one required parameter and a header secret.
      await page.getByRole("link", { name: "Custom actions" }).click();
      await page.getByRole("button", { name: "New action" }).click();
      const editor = page.getByRole("dialog");
      await editor.getByLabel(/^Name/).fill("order_status");
      await editor.getByLabel(/^Description/).fill("Looks up where a customer's order is");
      await editor.getByRole("button", { name: "Add parameter" }).click();
      await editor.getByLabel("Parameter 1 name").fill("orderId");
      await editor.getByLabel("Parameter 1 required").check();
      await editor.getByLabel("Parameter 1 description").fill("The order number");
      await expect(editor.getByTestId("parameters-schema").textContent()).resolves.toContain('"required": [\n    "orderId"\n  ]');
      await editor.getByLabel("Endpoint URL").fill(`${orderApi.url}/orders/status`);
      await editor.getByLabel("Authentication").selectOption("header");
      await editor.getByLabel("Header name").fill("X-Api-Key");
      await editor.getByLabel("Header value").fill("order-secret");
      await editor.getByRole("button", { name: "Create action" }).click();
      await editor.waitFor({ state: "detached" });

      const row = page.locator('tr[data-action="order_status"]');
      await row.getByRole("button", { name: "Try it" }).click();
      const tryIt = page.getByRole("dialog");
      await tryIt.getByLabel(/Order Id/i).fill("A-1001");
      await tryIt.getByRole("button", { name: "Try it" }).click();
      const result = tryIt.getByTestId("try-it-result");
      await result.waitFor();
      await expect(result.getAttribute("data-ok")).resolves.toBe("true");
      await expect(result.textContent()).resolves.toMatch(/"status": 200[\s\S]*"shipped"/);
      expect(orderRequests.at(-1)).toEqual({ auth: "order-secret", body: { orderId: "A-1001" } });
      await shot(page, "action-try-it");
      await tryIt.getByRole("button", { name: "Close" }).click();

      // The call is in the tool-call log, and the failed-only filter hides it.
      await page.getByRole("link", { name: "Tool calls" }).click();
      const logged = page.locator('tr[data-tool-call="order_status"]');
      await logged.waitFor();
      await expect(logged.getAttribute("data-ok")).resolves.toBe("true");
      await page.getByLabel("Outcome").selectOption("failed");
      await page.getByText("No tool calls match.").waitFor();

      // Enable the action as a tool on the default bot; it stays enabled after a reload.
      await page.getByRole("link", { name: "Bots", exact: true }).click();
      await page.getByRole("link", { name: "Ivy Garage assistant" }).click();
      await page.getByRole("link", { name: "Tools" }).click();
      await page.waitForURL(/\/tools$/);
      const orderToggle = page.getByTestId("bot-tools").locator("li").filter({ hasText: "order_status" }).getByRole("checkbox");
      await orderToggle.check();
      await page.getByText("Saved", { exact: true }).waitFor();
      await page.reload();
      await expect(orderToggle.isChecked()).resolves.toBe(true);

      // An outbound webhook for document.ready: its signing secret is shown once, then a delivery is logged.
      await page.locator("nav.nav").getByRole("link", { name: "Integrations" }).click();
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.getByLabel("URL").fill(`${hookReceiver.url}/hooks`);
      const events = page.locator("form").filter({ hasText: "Add an endpoint" });
      await events.getByRole("checkbox", { name: "lead.captured" }).uncheck();
      await events.getByRole("checkbox", { name: "handoff.requested" }).uncheck();
      await events.getByRole("checkbox", { name: "document.ready" }).check();
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await expect(page.getByTestId("signing-secret").locator("pre").textContent()).resolves.toMatch(/^whsec_/);
      await page.getByTestId("webhooks").getByText(`${hookReceiver.url}/hooks`).waitFor();

      await page.locator("nav.nav").getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("link", { name: "Default knowledge base" }).click();
      await page.getByLabel("Title").fill("Opening hours");
      await page.getByLabel("Text").fill("The garage is open Monday to Saturday, 8am to 6pm.");
      await page.getByRole("button", { name: "Add document" }).click();
      await expect.poll(() => page.locator("tr[data-document-status]").first().getAttribute("data-document-status"), { timeout: 60_000 }).toBe("ready");

      await page.locator("nav.nav").getByRole("link", { name: "Integrations" }).click();
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.getByRole("button", { name: "Deliveries" }).click();
      const delivery = page.getByTestId("webhook-deliveries").locator("tr").filter({ hasText: "document.ready" });
      await delivery.filter({ hasText: "succeeded" }).waitFor({ timeout: 60_000 });
      expect(hooks.some((hook) => hook.body.includes("document.ready") && hook.signature)).toBe(true);
      await shot(page, "webhooks");
    });
  }, 240_000);
});
