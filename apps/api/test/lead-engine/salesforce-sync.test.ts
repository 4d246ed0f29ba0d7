import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSalesforceFake } from "../../../../packages/integrations/test/fakes/salesforce-fake";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectTwilio, createTwilioTestApi, inboundSms, postTwilioWebhook } from "./twilio-support";

// Salesforce as the second CRM behind the hot-lead sync: Lead (or the existing Contact) with the tier, and a Task.

const TOKEN = "00D000000000001!lead-engine-token";

let salesforce: Awaited<ReturnType<typeof startSalesforceFake>>;
let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  salesforce = await startSalesforceFake({ tokens: [TOKEN], customFields: { Lead: ["AI_Tier__c"], Contact: ["AI_Tier__c"] } });
  env = await createTwilioTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(env.t.deps, "Harbor Dental");
  call = client(env.t.app, a.apiKey);
  await connectTwilio(env.t.app, a);
  const response = await call("POST", "/api/v1/integrations", { type: "salesforce", name: "Sales CRM", config: { instanceUrl: salesforce.url, accessToken: TOKEN, loginUrl: salesforce.url } });
  expect(response.status, await response.clone().text()).toBe(201);
}, 120_000);
afterAll(async () => {
  await env?.close();
  await salesforce?.close();
});

const writes = () => salesforce.state.requests.filter((r) => !r.startsWith("GET"));

describe("a lead turning hot with Salesforce connected", () => {
  it("creates the Lead with the tier and logs a Task with the conversation; a failed Task write is retried alone", async () => {
    salesforce.state.failWrites.Task = 1;
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms("+14155550150", "Emergency! I need a crown fixed today. Email ana.ruiz@example.com"));
    await env.t.deps.events.drain();
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: "+14155550150" }, include: { actions: true } });
    expect(lead.tier).toBe("hot");
    const leads = salesforce.byType("Lead");
    expect(leads).toHaveLength(1);
    expect(leads[0]!.fields).toMatchObject({ LastName: "ana.ruiz@example.com", Company: "[not provided]", Email: "ana.ruiz@example.com", Phone: "+14155550150", AI_Tier__c: "hot" });
    const tasks = salesforce.byType("Task");
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.fields).toMatchObject({ WhoId: leads[0]!.Id, Status: "Completed", Priority: "High", Subject: expect.stringMatching(/^AI conversation \(sms\): hot lead, score \d+\/100 \[frontdesk:\w+\]$/) });
    expect(String(tasks[0]!.fields.Description)).toContain("crown fixed");
    expect(String(tasks[0]!.fields.Description)).toContain("visitor: Emergency! I need a crown fixed today.");
    expect(Object.fromEntries(lead.actions.filter((x) => x.kind.startsWith("salesforce")).map((x) => [x.kind, [x.status, x.attempts]]))).toEqual({
      salesforce_record: ["succeeded", 1],
      salesforce_task: ["succeeded", 2],
    });
  });

  it("writes nothing twice when the event is replayed", async () => {
    const lead = await env.t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId, phone: "+14155550150" }, include: { changes: true } });
    const change = lead.changes.find((c) => c.tier === "hot")!;
    const before = writes().length;
    await env.t.deps.events.send({
      name: "leads/lead.qualified",
      id: `lead-qualified-${change.id}`,
      data: { organizationId: a.organizationId, leadId: lead.id, changeId: change.id, tier: "hot", previousTier: change.previousTier },
    });
    await env.t.deps.events.drain();
    expect(writes()).toHaveLength(before);
    expect(salesforce.byType("Task")).toHaveLength(1);
  });

  it("updates the existing Contact with the same phone, typed another way, instead of creating a Lead", async () => {
    const contactId = salesforce.seed("Contact", { LastName: "Lovelace", Phone: "(415) 555-0199" });
    await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms("+14155550199", "Urgent: can I book a cleaning today? I'm Ada Lovelace"));
    await env.t.deps.events.drain();
    expect(salesforce.records.get(contactId)?.fields).toMatchObject({ Phone: "+14155550199", AI_Tier__c: "hot" });
    expect(salesforce.byType("Lead")).toHaveLength(1);
    expect(salesforce.byType("Task").filter((t) => t.fields.WhoId === contactId)).toHaveLength(1);
  });
});
