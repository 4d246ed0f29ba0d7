import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIntegrationTools, IntegrationError, loadIntegration, runAction, testIntegrationConnection } from "../src";
import { AI_CONTACT_PROPERTIES, conversationNoteHtml, createHubspotClient, ensureLeadProperties, searchContact } from "../src/hubspot";
import { startHubspotFake } from "./fakes/hubspot-fake";

const token = "pat-na1-0000-write";
const readOnly = "pat-na1-0000-read";
const expired = "pat-na1-0000-expired";

describe("hubspot deals, notes, qualification and custom properties against the fake", () => {
  let fake: Awaited<ReturnType<typeof startHubspotFake>>;
  const ctx = () => ({ baseUrl: fake.url });
  const run = (action: string, input: unknown, accessToken = token) =>
    runAction({ integrationId: "hubspot", action, config: { accessToken }, input, ctx: ctx() });
  const connect = (accessToken = token) => testIntegrationConnection({ integrationId: "hubspot", config: { accessToken }, ctx: ctx() });
  beforeEach(async () => {
    fake = await startHubspotFake({ tokens: { [token]: "write", [readOnly]: "read", [expired]: "expired" } });
  });
  afterEach(() => fake.close());

  it("connecting creates the missing ai_* contact properties in their group, once", async () => {
    fake.contactProperties.set("ai_timeline", { name: "ai_timeline", label: "Timeline", type: "string", fieldType: "text", groupName: "contactinformation", options: [] });
    const first = await connect();
    expect(first).toEqual({ ok: true, detail: "Created contact properties: ai_lead_score, ai_service_interest, ai_urgency, ai_budget_range, ai_last_conversation" });
    expect(fake.propertyGroups.has("frontdesk_ai")).toBe(true);
    expect(fake.contactProperties.get("ai_urgency")).toMatchObject({ type: "enumeration", fieldType: "select", groupName: "frontdesk_ai", options: [{ value: "low" }, { value: "medium" }, { value: "high" }] });
    expect(fake.contactProperties.get("ai_lead_score")).toMatchObject({ type: "number", groupName: "frontdesk_ai" });
    expect(await connect()).toEqual({ ok: true });
    expect(fake.state.requests.filter((r) => r === "POST /crm/v3/properties/contacts")).toHaveLength(5);
  });

  it("sync recreates a property an admin deleted; a concurrent creator's 409 counts as present", async () => {
    await connect();
    fake.contactProperties.delete("ai_budget_range");
    const definition = await loadIntegration("hubspot");
    await definition?.sync?.({ accessToken: token }, ctx());
    expect(fake.contactProperties.has("ai_budget_range")).toBe(true);
    const client = createHubspotClient({ accessToken: token }, ctx());
    fake.contactProperties.delete("ai_timeline");
    const [a, b] = await Promise.all([ensureLeadProperties(client), ensureLeadProperties(client)]);
    expect([...a.created, ...b.created]).toEqual(["ai_timeline"]);
    expect(AI_CONTACT_PROPERTIES.every((p) => fake.contactProperties.has(p.name))).toBe(true);
  });

  it("a token without schema scope still connects, with a warning", async () => {
    const result = await connect(readOnly);
    expect(result).toMatchObject({ ok: true, detail: expect.stringContaining("crm.schemas.contacts.write") });
  });

  it("writes the lead score and qualification; HubSpot's 400 before connect, zod before the call", async () => {
    const { contact } = (await run("upsert_contact", { email: "ada@example.com", firstname: "Ada" })) as { contact: { id: string } };
    const qualification = { contactId: contact.id, score: 82, serviceInterest: "Kitchen remodel", urgency: "high", budgetRange: "$20k–30k", timeline: "before March", conversationSummary: "Wants a quote." };
    await expect(run("save_lead_qualification", qualification)).rejects.toMatchObject({ status: 400, code: "invalid_request", message: expect.stringContaining("PROPERTY_DOESNT_EXIST") });
    await connect();
    const saved = await run("save_lead_qualification", qualification);
    expect(saved).toMatchObject({ id: contact.id, properties: { ai_lead_score: "82", ai_urgency: "high" } });
    expect(fake.contacts.get(contact.id)?.properties).toMatchObject({
      ai_lead_score: "82",
      ai_service_interest: "Kitchen remodel",
      ai_urgency: "high",
      ai_budget_range: "$20k–30k",
      ai_timeline: "before March",
      ai_last_conversation: expect.stringMatching(/^\d{4}-\d{2}-\d{2}: Wants a quote\.$/),
    });
    await expect(run("save_lead_qualification", { contactId: contact.id, urgency: "yesterday" })).rejects.toThrow(/urgency/);
    await expect(run("save_lead_qualification", { contactId: contact.id, score: 101 })).rejects.toThrow(/score/);
    await expect(run("save_lead_qualification", { contactId: contact.id })).rejects.toThrow(/at least one/);
  });

  it("creates a deal linked to the contact, lists stages, moves the stage; unknown stages are HubSpot 400s", async () => {
    const { contact } = (await run("upsert_contact", { email: "bo@example.com" })) as { contact: { id: string } };
    const pipelines = (await run("list_deal_stages", {})) as { id: string; stages: { id: string }[] }[];
    expect(pipelines[0]?.id).toBe("default");
    expect(pipelines[0]?.stages.map((s) => s.id).slice(0, 2)).toEqual(["appointmentscheduled", "qualifiedtobuy"]);
    const deal = (await run("create_deal", { name: "Remodel – Bo", contactId: contact.id, amount: 25000, closeDate: "2050-03-01" })) as { id: string; properties: Record<string, string> };
    expect(deal.properties).toMatchObject({ dealname: "Remodel – Bo", pipeline: "default", dealstage: "appointmentscheduled", amount: "25000" });
    expect(fake.deals.get(deal.id)?.associations).toEqual([{ toId: contact.id, typeId: 3 }]);
    const moved = await run("move_deal_stage", { dealId: deal.id, stage: "qualifiedtobuy" });
    expect(moved).toMatchObject({ id: deal.id, properties: { dealstage: "qualifiedtobuy" } });
    await expect(run("move_deal_stage", { dealId: deal.id, stage: "teleported" })).rejects.toMatchObject({ status: 400, code: "invalid_request" });
    await expect(run("move_deal_stage", { dealId: "999999", stage: "closedwon" })).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(run("create_deal", { name: "Orphan", contactId: "424242" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("associations") });
  });

  it("adds notes and logs a conversation on the contact (and deal) timeline, escaping visitor text", async () => {
    await connect();
    const { contact } = (await run("upsert_contact", { email: "cy@example.com" })) as { contact: { id: string } };
    const deal = (await run("create_deal", { name: "Cy", contactId: contact.id })) as { id: string };
    const note = (await run("add_note", { contactId: contact.id, text: "Prefers <b>mornings</b>\nCall first" })) as { id: string; body: string };
    expect(note.body).toBe("<p>Prefers &lt;b&gt;mornings&lt;/b&gt;<br>Call first</p>");
    expect(fake.notes.get(note.id)?.associations).toEqual([{ toId: contact.id, typeId: 202 }]);
    expect(fake.notes.get(note.id)?.properties.hs_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const logged = (await run("log_conversation", {
      contactId: contact.id,
      dealId: deal.id,
      channel: "website chat",
      summary: "Asked for a quote & a visit.",
      transcript: [{ role: "visitor", text: "<script>alert(1)</script> need a quote" }, { role: "agent", text: "Sure!" }],
      conversationUrl: "https://desk.example.com/c/1",
    })) as { note: { id: string } };
    const stored = fake.notes.get(logged.note.id);
    expect(stored?.associations).toEqual([{ toId: contact.id, typeId: 202 }, { toId: deal.id, typeId: 214 }]);
    expect(stored?.properties.hs_note_body).toContain("Asked for a quote &amp; a visit.");
    expect(stored?.properties.hs_note_body).toContain("<li><strong>visitor:</strong> &lt;script&gt;alert(1)&lt;/script&gt; need a quote</li>");
    expect(stored?.properties.hs_note_body).not.toContain("<script>");
    expect(logged).toMatchObject({ lastConversationSaved: true });
    expect(fake.contacts.get(contact.id)?.properties.ai_last_conversation).toMatch(/: Asked for a quote & a visit\.$/);
    await expect(run("log_conversation", { contactId: contact.id, summary: "x", conversationUrl: "javascript:alert(1)" })).rejects.toThrow();
    await expect(run("add_note", { contactId: "999999", text: "x" })).rejects.toMatchObject({ status: 400 });
  });

  it("without the ai_* properties the note is still logged once, with a warning", async () => {
    const { contact } = (await run("upsert_contact", { email: "di@example.com" })) as { contact: { id: string } };
    const logged = await run("log_conversation", { contactId: contact.id, summary: "Asked about prices." });
    expect(logged).toMatchObject({ lastConversationSaved: false, warning: expect.stringContaining("PROPERTY_DOESNT_EXIST") });
    expect(fake.notes.size).toBe(1);
  });

  it("cuts very long transcripts", () => {
    const html = conversationNoteHtml({ summary: "s", transcript: Array.from({ length: 50 }, () => ({ role: "visitor" as const, text: "x".repeat(1000) })) });
    expect(html.length).toBeLessThan(25_000);
    expect(html).toContain("<li>…</li>");
  });

  it("expired token: 401 EXPIRED_AUTHENTICATION becomes IntegrationError unauthorized with HubSpot's message", async () => {
    const error = await run("find_contact", { email: "a@b.co" }, expired).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ provider: "hubspot", status: 401, code: "unauthorized", message: "HubSpot 401: The OAuth token used to make this call expired 2 hour(s) ago." });
    expect(await connect(expired)).toEqual({ ok: false, status: 401, error: "HubSpot 401: The OAuth token used to make this call expired 2 hour(s) ago." });
  });

  it("reads retry once after a 5xx and succeed; a second 5xx or a write is not retried", async () => {
    await run("create_contact", { email: "dee@example.com" });
    fake.state.requests.length = 0;
    fake.state.serverErrorNext = 1;
    expect(await run("find_contact", { email: "dee@example.com" })).toMatchObject({ properties: { email: "dee@example.com" } });
    expect(fake.state.requests).toEqual(["POST /crm/v3/objects/contacts/search", "POST /crm/v3/objects/contacts/search"]);

    fake.state.serverErrorNext = 1;
    expect(await run("list_deal_stages", {})).toHaveLength(1);

    fake.state.serverErrorNext = 2;
    await expect(run("find_contact", { email: "dee@example.com" })).rejects.toMatchObject({ status: 503, code: "provider_error" });

    fake.state.requests.length = 0;
    fake.state.serverErrorNext = 1;
    await expect(run("create_contact", { email: "eve@example.com" })).rejects.toMatchObject({ status: 503, code: "provider_error" });
    expect(fake.state.requests).toEqual(["POST /crm/v3/objects/contacts"]);
  });

  it("a provider that never answers fails with code timeout at the configured deadline", async () => {
    fake.state.hang = true;
    const client = createHubspotClient({ accessToken: token }, { baseUrl: fake.url, timeoutMs: 300 });
    const error = await searchContact(client, { email: "a@b.co" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ provider: "hubspot", code: "timeout", message: "HubSpot timed out: no response within 300 ms" });
    // Timeouts are not retried, so one request reached the provider.
    expect(fake.state.requests).toEqual(["POST /crm/v3/objects/contacts/search"]);
    const viaRegistry = await runAction({ integrationId: "hubspot", action: "create_deal", config: { accessToken: token }, input: { name: "x", contactId: "1" }, ctx: { baseUrl: fake.url, timeoutMs: 300 } }).catch((e: unknown) => e);
    expect(viaRegistry).toMatchObject({ code: "timeout" });
  });

  it("exposes every action as an LLM tool with a description and an object schema", async () => {
    const tools = await buildIntegrationTools([{ integrationId: "hubspot", config: { accessToken: token } }]);
    expect(tools.map((t) => t.name)).toEqual([
      "hubspot_find_contact",
      "hubspot_create_contact",
      "hubspot_update_contact",
      "hubspot_upsert_contact",
      "hubspot_save_lead_qualification",
      "hubspot_log_conversation",
      "hubspot_add_note",
      "hubspot_list_deal_stages",
      "hubspot_create_deal",
      "hubspot_move_deal_stage",
    ]);
    for (const tool of tools) {
      expect(tool.description.length).toBeGreaterThan(30);
      expect(tool.parameters).toMatchObject({ type: "object" });
    }
    const qualification = tools.find((t) => t.name === "hubspot_save_lead_qualification")?.parameters as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(qualification.properties)).toEqual(expect.arrayContaining(["contactId", "score", "urgency", "budgetRange", "timeline", "serviceInterest", "conversationSummary"]));
    expect(qualification.required).toEqual(["contactId"]);
  });
});
