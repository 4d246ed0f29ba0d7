import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../../api/test/integrations/receiver";
import { vapiCall } from "../../api/test/support/vapi-call";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// The owner's live call view in a real browser: Vapi's messages posted to the bot's server URL show up in the
// transcript as they arrive (AI and caller told apart), a frustrated caller brings a suggestion that is injected with
// one click into the call's control URL (a local fake), and the end-of-call report settles the call.

const SECRET = "browser-vapi-secret-0123456789";
// The fake control server listens on loopback, which the SSRF guard refuses otherwise.
const stack = useAdminStack({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
let control: Receiver;

beforeAll(async () => {
  control = await startReceiver(() => ({ status: 200, body: {} }));
});
afterAll(async () => {
  await control?.close();
});

describe("live calls in a browser", () => {
  it("shows a call live, flags a frustrated caller, injects a suggestion and settles on the report", async () => {
    await inBrowser(stack(), "calls", async (page) => {
      await signUp(page, stack().admin.url, { name: "Vic Vet", email: "vic@vet.example", organization: "Vic Vet" });
      await page.getByRole("link", { name: "Vic Vet assistant" }).click();
      await page.waitForURL(/\/bots\/[^/]+$/);

      // The secret is set in the admin and only ever shown masked.
      await page.getByLabel("New secret (at least 16 characters)").fill(SECRET);
      await page.getByRole("button", { name: "Save secret" }).click();
      await page.getByTestId("voice-secret").filter({ hasText: `••••${SECRET.slice(-4)}` }).waitFor();
      const publicKey = /pk_[\w-]+/.exec((await page.getByTestId("vapi-server-url").textContent()) ?? "")![0];

      const script = vapiCall({ callId: "vapi-browser-1", controlUrl: `${control.url}/control/browser-1` });
      const template = script.messages[1]!.message;
      const vapi = async (type: string, seconds: number, fields: Record<string, unknown> = {}) => {
        const response = await fetch(`${stack().api.url}/api/webhooks/vapi/${publicKey}`, {
          method: "POST",
          headers: { "x-vapi-secret": SECRET, "content-type": "application/json" },
          body: JSON.stringify({ message: { ...template, type, timestamp: Number(template.timestamp) + seconds * 1000, ...fields } }),
        });
        expect(response.status).toBe(200);
      };
      await vapi("status-update", 0, { status: "in-progress" });
      await vapi("transcript", 1, { role: "assistant", transcriptType: "final", transcript: "Hi! How can I help you today?" });

      // The conversation list marks the call as live; the calls list opens its live view.
      await page.locator("nav.nav").getByRole("link", { name: "Conversations" }).click();
      await page.getByTestId("live-call").waitFor();
      await page.locator("nav.nav").getByRole("link", { name: "Calls" }).click();
      await page.getByTestId("calls").getByTestId("live-indicator").waitFor();
      await page.getByTestId("calls").getByRole("link").first().click();
      await page.waitForURL(/\/calls\/[^/]+$/);
      const transcript = page.getByTestId("live-transcript");
      await transcript.locator('[data-speaker="assistant"]').filter({ hasText: "How can I help you today?" }).waitFor();

      // A line the caller is still speaking, then the final one: measured from the POST to the line on screen.
      await vapi("transcript", 3, { role: "user", transcriptType: "partial", transcript: "Is the clinic" });
      await transcript.locator('[data-partial="true"]').filter({ hasText: "Is the clinic" }).waitFor();
      const sentAt = Date.now();
      await vapi("transcript", 4, { role: "user", transcriptType: "final", transcript: "Is the clinic open on Sunday?" });
      await transcript.locator('[data-speaker="caller"]:not([data-partial])').filter({ hasText: "Is the clinic open on Sunday?" }).waitFor({ timeout: 5_000 });
      console.info(`Vapi transcript POST → line in the browser's live view: ${Date.now() - sentAt} ms`);
      await expect(transcript.locator('[data-partial="true"]').count()).resolves.toBe(0);

      await vapi("transcript", 6, { role: "user", transcriptType: "final", transcript: "This is ridiculous, I want to speak to a real person!" });
      await page.locator('[data-testid="call-status"][data-sentiment="frustrated"]').waitFor();
      await shot(page, "call-live");
      await page.getByTestId("suggestions").getByRole("button", { name: "Offer a callback" }).click();
      await transcript.locator('[data-speaker="owner"]').filter({ hasText: "offer a callback" }).waitFor();
      const sent = JSON.parse(control.requests.at(-1)!.body) as { type: string; message: { role: string; content: string } };
      expect(sent.type).toBe("add-message");
      expect(sent.message.content).toMatch(/offer a callback/);

      await vapi("end-of-call-report", 20, {
        endedReason: "customer-ended-call",
        startedAt: template.call && (template.call as { startedAt: string }).startedAt,
        endedAt: new Date(Number(template.timestamp) + 19_000).toISOString(),
        cost: 0.05,
        analysis: { summary: "Caller wanted Sunday hours and a person; callback offered." },
        artifact: { transcript: "…", messages: [] },
      });
      await page.locator('[data-testid="call-status"][data-status="ended"]').waitFor();
      await page.getByTestId("call-summary").filter({ hasText: "callback offered" }).waitFor();
      await page.getByText("The call has ended.").waitFor();
    });
  });
});
