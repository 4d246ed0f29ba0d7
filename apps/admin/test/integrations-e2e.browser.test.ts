import { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIServer, type FakeToolCallsReply } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCalcomFake } from "../../../packages/integrations/test/fakes/calcom-fake";
import { sendJson, startServer, type FakeServer } from "../../../packages/integrations/test/fakes/http";
import { startHubspotFake } from "../../../packages/integrations/test/fakes/hubspot-fake";
import { startSmtpFake } from "../../../packages/integrations/test/fakes/smtp-fake";
import { startTwilioFake } from "../../../packages/integrations/test/fakes/twilio-fake";
import { connectIntegration } from "./connect-integration";
import { inBrowser, shot, signUp, useAdminStack } from "./stack";

// Issue #5 end to end, only through the admin: connect every integration type against its loopback fake, create a
// custom action, enable tools on the bot, chat from the preview (a fake OpenAI model calls the tools), read the log.

const CAL_KEY = "cal_test_e2e_0123456789";
const HUBSPOT_TOKEN = "pat-na1-e2e-token-0123456789ab";
const TWILIO_SID = `AC${"b2".repeat(16)}`;
const TWILIO_TOKEN = "e".repeat(32);
const SLOT = "2050-09-05T09:00:00.000Z"; // a Monday; the Cal.com fake is open 09:00–11:00 UTC on weekdays
const FINAL_ANSWER = "You're booked for Monday 5 September at 09:00 UTC, your details are saved and the lead is logged.";
const TOOLS = ["calcom_book_meeting", "hubspot_upsert_contact", "log_lead"];

let calcom: Awaited<ReturnType<typeof startCalcomFake>>;
let hubspot: Awaited<ReturnType<typeof startHubspotFake>>;
let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
let llm: FakeOpenAIServer;
/** The owner's endpoints: the outbound webhook (/hooks) and the custom action (/leads). */
let receiver: FakeServer;
const received: { path: string; body: string }[] = [];

/** The model calls the three tools in one round, then answers once it has their results. */
function scriptedModel(request: FakeChatRequest): string | FakeToolCallsReply {
  if (request.messages.some((message) => message.role === "tool")) return FINAL_ANSWER;
  const offered = ((request.tools ?? []) as { function: { name: string } }[]).map((tool) => tool.function.name);
  if (!TOOLS.every((name) => offered.includes(name))) return `Missing tools; offered: ${offered.join(", ")}`;
  return {
    toolCalls: [
      { name: "calcom_book_meeting", arguments: { start: SLOT, name: "Ana López", email: "ana@example.com" } },
      { name: "hubspot_upsert_contact", arguments: { email: "ana@example.com", firstname: "Ana", lastname: "López" } },
      { name: "log_lead", arguments: { email: "ana@example.com", source: "chat" } },
    ],
  };
}

beforeAll(async () => {
  [calcom, hubspot, twilio, smtp, llm, receiver] = await Promise.all([
    startCalcomFake({ apiKey: CAL_KEY }),
    startHubspotFake({ tokens: { [HUBSPOT_TOKEN]: "write" } }),
    startTwilioFake({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }),
    startSmtpFake({ username: "desk", password: "smtp-s3cret" }),
    startFakeOpenAIServer({ reply: scriptedModel }),
    startServer((req, body, res) => {
      received.push({ path: req.url ?? "", body });
      sendJson(res, 200, { received: true });
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([calcom?.close(), hubspot?.close(), twilio?.close(), smtp?.close(), llm?.close(), receiver?.close()]);
});

const stack = useAdminStack(async () => ({
  env: {
    INTEGRATION_BASE_URLS: `calcom=${calcom.url},hubspot=${hubspot.url},twilio=${twilio.url}`,
    ALLOW_PRIVATE_NETWORK_FETCH: "true",
    LLM_PROVIDER: "openai",
    LLM_MODEL: "fake-tools",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: llm.baseUrl,
  },
}));

/** Opens the provider's form from the catalogue, fills its fields (by field name), tests and saves, waits for the card. */
describe("integrations end to end in a browser", () => {
  it("connects every integration type, enables tools on the bot, and a preview chat books, upserts and calls the action, all logged", async () => {
    await inBrowser(stack(), "integrations-e2e", async (page) => {
      await signUp(page, stack().admin.url, { name: "Eve Owner", email: "eve@clinic.example", organization: "Eve Clinic" });
      await page.getByRole("link", { name: "Integrations" }).click();
      await page.waitForURL(/\/integrations$/);

      await page.getByRole("button", { name: "Connect HubSpot" }).waitFor();
      const types = await page.getByTestId("integration-catalogue").locator("[data-integration-type]").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-integration-type")));
      expect(types.sort()).toEqual(["calcom", "email", "hubspot", "salesforce", "twilio", "vapi", "webhook"]);
      await connectIntegration(page, "hubspot", "HubSpot", { accessToken: HUBSPOT_TOKEN });
      await connectIntegration(page, "calcom", "Cal.com", { apiKey: CAL_KEY, eventTypeId: "77" });
      await connectIntegration(page, "twilio", "Twilio", { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, fromNumber: "+15005550006" });
      await connectIntegration(page, "email", "Email (SMTP / SendGrid)", { host: "127.0.0.1", port: String(smtp.port), username: "desk", password: "smtp-s3cret", from: "Eve Clinic <desk@clinic.example>", recipients: "team@clinic.example" }, ["requireTls"]);
      await connectIntegration(page, "webhook", "Outbound webhook", { url: `${receiver.url}/hooks`, secret: "whsec-e2e-0123456789abcdef" });
      expect(received.some((request) => request.path === "/hooks" && request.body.includes("ping"))).toBe(true);
      await shot(page, "e2e-integrations");

      // A custom action the model may call: logs the lead at the owner's endpoint.
      await page.getByRole("link", { name: "Custom actions" }).click();
      await page.getByRole("button", { name: "New action" }).click();
      const editor = page.getByRole("dialog");
      await editor.getByLabel(/^Name/).fill("log_lead");
      await editor.getByLabel(/^Description/).fill("Record the lead in the owner's spreadsheet");
      await editor.getByRole("button", { name: "Add parameter" }).click();
      await editor.getByLabel("Parameter 1 name").fill("email");
      await editor.getByLabel("Parameter 1 required").check();
      await editor.getByRole("button", { name: "Add parameter" }).click();
      await editor.getByLabel("Parameter 2 name").fill("source");
      await editor.getByLabel("Endpoint URL").fill(`${receiver.url}/leads`);
      await editor.getByRole("button", { name: "Create action" }).click();
      await editor.waitFor({ state: "detached" });
      await page.locator('tr[data-action="log_lead"]').waitFor();

      // Enable the three tools on the default bot.
      await page.locator("nav.nav").getByRole("link", { name: "Bots", exact: true }).click();
      await page.getByRole("link", { name: "Eve Clinic assistant" }).click();
      await page.getByRole("link", { name: "Tools" }).click();
      await page.waitForURL(/\/tools$/);
      const toggle = (name: string) => page.getByTestId("bot-tools").locator("li").filter({ has: page.getByText(name, { exact: true }) }).getByRole("checkbox");
      for (const name of TOOLS) {
        await toggle(name).check();
        await page.getByText("Saved", { exact: true }).waitFor();
      }
      await page.reload();
      for (const name of TOOLS) await expect(toggle(name).isChecked(), name).resolves.toBe(true);

      // The bot's chat preview goes through the model, which calls the tools.
      await page.getByRole("link", { name: /Eve Clinic assistant/ }).click();
      const preview = page.getByTestId("chat-preview");
      await preview.getByLabel("Message").fill("Please book me an intro call on 5 September at 9. I'm Ana López, ana@example.com");
      await preview.getByRole("button", { name: "Send" }).click();
      await preview.locator('[data-role="assistant"]').filter({ hasText: FINAL_ANSWER }).waitFor({ timeout: 60_000 });
      await shot(page, "e2e-chat");

      // The tool-call log shows the three calls, each ok.
      await page.locator("nav.nav").getByRole("link", { name: "Integrations" }).click();
      await page.getByRole("link", { name: "Tool calls" }).click();
      for (const name of TOOLS) {
        const row = page.locator(`tr[data-tool-call="${name}"]`);
        await row.waitFor();
        await expect(row.getAttribute("data-ok"), name).resolves.toBe("true");
      }
      await expect(page.locator("tr[data-tool-call]").count()).resolves.toBe(3);
      await shot(page, "e2e-tool-calls");
    });

    // The outside world saw each call.
    expect(calcom.bookings).toMatchObject([{ status: "accepted", start: SLOT, eventTypeId: 77, attendee: { name: "Ana López", email: "ana@example.com" } }]);
    expect([...hubspot.contacts.values()].map((contact) => contact.properties)).toEqual([expect.objectContaining({ email: "ana@example.com", firstname: "Ana", lastname: "López" })]);
    const leads = received.filter((request) => request.path === "/leads");
    expect(leads.map((request) => JSON.parse(request.body) as unknown)).toEqual([{ email: "ana@example.com", source: "chat" }]);
    // The model was offered the tools and got their three results back.
    // The lead engine and the sentiment reading also ask the model (their own lead_qualification and turn_sentiment tools); those requests aside.
    const answering = llm.requests.filter(
      (request) => !(request.tools as { function: { name: string } }[] | undefined)?.some((tool) => tool.function.name === "lead_qualification" || tool.function.name === "turn_sentiment"),
    );
    expect(answering).toHaveLength(2);
    expect(answering[1]?.messages.filter((message) => message.role === "tool")).toHaveLength(3);
  }, 300_000);
});
