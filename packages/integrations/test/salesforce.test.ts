import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, testIntegrationConnection } from "../src";
import { connectSalesforce, logTask, phoneVariants, salesforceConfigSchema, soqlString, upsertPerson } from "../src/salesforce";
import { createRecord } from "../src/salesforce/records";
import { startSalesforceFake } from "./fakes/salesforce-fake";

const TOKEN = "00D000000000001!token-for-tests";
const USER = "desk@harbor.example";
const PASSWORD = "s3cret";
const SECURITY_TOKEN = "XyZ123";

describe("salesforce against a fake of its REST, SOAP login and OAuth token endpoints", () => {
  let fake: Awaited<ReturnType<typeof startSalesforceFake>>;
  const ctx = { allowPrivateNetworks: true };
  const tokenConfig = () => salesforceConfigSchema.parse({ instanceUrl: fake.url, accessToken: TOKEN, loginUrl: fake.url });
  const connect = (config: Record<string, unknown>, extra: Record<string, unknown> = ctx) =>
    testIntegrationConnection({ integrationId: "salesforce", config: { loginUrl: fake.url, ...config }, ctx: extra });
  beforeEach(async () => {
    fake = await startSalesforceFake({
      tokens: [TOKEN],
      users: { [USER]: `${PASSWORD}${SECURITY_TOKEN}` },
      client: { id: "3MVG9-consumer-key", secret: "consumer-secret" },
      customFields: { Lead: ["AI_Tier__c"] },
    });
  });
  afterEach(() => fake.close());

  it("settings take a token with its instance URL, or a username and password", () => {
    expect(salesforceConfigSchema.safeParse({ accessToken: TOKEN }).success).toBe(false);
    expect(salesforceConfigSchema.safeParse({ username: USER }).success).toBe(false);
    expect(salesforceConfigSchema.parse({ username: USER, password: PASSWORD })).toMatchObject({ loginUrl: "https://login.salesforce.com", tierField: "AI_Tier__c" });
    expect(salesforceConfigSchema.safeParse({ username: USER, password: PASSWORD, tierField: "Tier; DROP" }).success).toBe(false);
  });

  it("tests the connection with a token, a SOAP login and an OAuth password grant; refusals are answers", async () => {
    expect(await connect({ instanceUrl: fake.url, accessToken: TOKEN })).toEqual({ ok: true, detail: expect.stringContaining("tier goes to Lead.AI_Tier__c") });
    expect(await connect({ instanceUrl: fake.url, accessToken: "00D000000000001!revoked" })).toMatchObject({ ok: false, status: 401, error: expect.stringContaining("INVALID_SESSION_ID") });
    expect(await connect({ username: USER, password: PASSWORD, securityToken: SECURITY_TOKEN })).toMatchObject({ ok: true });
    expect(fake.state.requests).toContain("POST /services/Soap/u/62.0");
    expect(await connect({ username: USER, password: "wrong" })).toMatchObject({ ok: false, status: 401, error: expect.stringContaining("INVALID_LOGIN") });
    expect(await connect({ username: USER, password: PASSWORD, securityToken: SECURITY_TOKEN, clientId: "3MVG9-consumer-key", clientSecret: "consumer-secret" })).toMatchObject({ ok: true });
    expect(fake.state.requests).toContain("POST /services/oauth2/token");
    expect(await connect({ username: USER, password: "wrong", clientId: "3MVG9-consumer-key", clientSecret: "consumer-secret" })).toMatchObject({ ok: false, status: 401, error: expect.stringContaining("invalid_grant") });
    expect(await connect({ instanceUrl: fake.url, accessToken: TOKEN, tierField: "Tier__c" })).toEqual({ ok: true, detail: expect.stringContaining("Lead has no Tier__c field") });
  });

  it("refuses instance and login URLs that are not Salesforce's unless private destinations are allowed", async () => {
    const requestsBefore = fake.state.requests.length;
    expect(await connect({ instanceUrl: fake.url, accessToken: TOKEN }, {})).toMatchObject({ ok: false, error: expect.stringContaining("is not a Salesforce address") });
    await expect(connectSalesforce(salesforceConfigSchema.parse({ instanceUrl: "https://169.254.169.254", accessToken: TOKEN }), {})).rejects.toThrow(/not a Salesforce address/);
    await expect(connectSalesforce(salesforceConfigSchema.parse({ instanceUrl: "http://acme.my.salesforce.com", accessToken: TOKEN }), {})).rejects.toThrow(/not a Salesforce address/);
    expect(await connectSalesforce(salesforceConfigSchema.parse({ instanceUrl: "https://acme.my.salesforce.com", accessToken: TOKEN }), {})).toBeTruthy();
    expect(fake.state.requests.length).toBe(requestsBefore);
  });

  it("creates a Lead with the required LastName and Company and the tier, then updates it found by email", async () => {
    const connection = await connectSalesforce(tokenConfig(), ctx);
    const first = await upsertPerson(connection, { email: "ana@example.com", phone: "+14155550150", description: "Wants a crown", tier: "hot", tierField: "AI_Tier__c" }, ctx);
    expect(first).toMatchObject({ type: "Lead", created: true });
    expect(fake.records.get(first.id)?.fields).toMatchObject({ LastName: "ana@example.com", Company: "[not provided]", Email: "ana@example.com", Phone: "+14155550150", AI_Tier__c: "hot", Description: "Wants a crown" });
    const second = await upsertPerson(connection, { name: "Ana María Ruiz", email: "ANA@example.com", tier: "warm", tierField: "AI_Tier__c" }, ctx);
    expect(second).toEqual({ type: "Lead", id: first.id, created: false });
    expect(fake.records.get(first.id)?.fields).toMatchObject({ FirstName: "Ana María", LastName: "Ruiz", AI_Tier__c: "warm", Phone: "+14155550150" });
    expect(fake.byType("Lead")).toHaveLength(1);
  });

  it("updates an existing Contact found by phone instead of creating a Lead, and writes no tier field Contact lacks", async () => {
    const contactId = fake.seed("Contact", { LastName: "Lovelace", Phone: "+14155550199" });
    const connection = await connectSalesforce(tokenConfig(), ctx);
    const person = await upsertPerson(connection, { name: "Ada Lovelace", phone: "+14155550199", tier: "hot", tierField: "AI_Tier__c" }, ctx);
    expect(person).toEqual({ type: "Contact", id: contactId, created: false });
    expect(fake.records.get(contactId)?.fields).toEqual({ FirstName: "Ada", LastName: "Lovelace", Phone: "+14155550199" });
    expect(fake.byType("Lead")).toHaveLength(0);
  });

  it("finds a Contact or Lead whose phone was typed another way, and writes phones in E.164", async () => {
    expect(phoneVariants("+14155550150")).toEqual(expect.arrayContaining(["+14155550150", "(415) 555-0150", "415-555-0150", "415.555.0150", "+1 415-555-0150", "4155550150"]));
    expect(phoneVariants("(415) 555-0150", "US")).toContain("+14155550150");
    expect(phoneVariants("not a phone")).toEqual(["not a phone"]);
    const contactId = fake.seed("Contact", { LastName: "Lovelace", Phone: "(415) 555-0150" });
    const leadId = fake.seed("Lead", { LastName: "Ruiz", Company: "[not provided]", Phone: "+34 600 11 12 22", IsConverted: false });
    const connection = await connectSalesforce(tokenConfig(), ctx);
    expect(await upsertPerson(connection, { phone: "+14155550150" }, ctx)).toEqual({ type: "Contact", id: contactId, created: false });
    expect(fake.records.get(contactId)?.fields).toMatchObject({ Phone: "+14155550150" });
    expect(await upsertPerson(connection, { phone: "+34600111222" }, ctx)).toEqual({ type: "Lead", id: leadId, created: false });
    // Another number (same last digits) is somebody else.
    const other = await upsertPerson(connection, { phone: "+1 (212) 555-0150" }, ctx);
    expect(other).toMatchObject({ type: "Lead", created: true });
    expect(fake.records.get(other.id)?.fields).toMatchObject({ Phone: "+12125550150" });
  });

  it("does not log a second Task when a create timed out after Salesforce saved it and the job retries", async () => {
    const connection = await connectSalesforce(tokenConfig(), ctx);
    const lead = await upsertPerson(connection, { name: "Cy", email: "cy@example.com" }, ctx);
    const impatient = { ...ctx, timeoutMs: 300 };
    fake.state.slowCreates.Task = 1500;
    const task = { whoId: lead.id, subject: "AI conversation", description: "Summary", marker: "frontdesk:action1" };
    await expect(logTask(connection, task, impatient)).rejects.toMatchObject({ code: "timeout" });
    expect(fake.byType("Task")).toHaveLength(1); // saved all the same
    const retried = await logTask(connection, task, impatient);
    expect(retried).toEqual({ id: fake.byType("Task")[0]!.Id, created: false });
    expect(fake.byType("Task")[0]!.fields.Subject).toBe("AI conversation [frontdesk:action1]");
    // Another job (another marker) is another Task.
    expect(await logTask(connection, { ...task, marker: "frontdesk:action2" }, ctx)).toMatchObject({ created: true });
    expect(fake.byType("Task")).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 1300)); // the slow answer goes out before the fake closes
  });

  it("logs a Task on the person and maps Salesforce's errors to IntegrationError", async () => {
    const connection = await connectSalesforce(tokenConfig(), ctx);
    const lead = await upsertPerson(connection, { name: "Bo", email: "bo@example.com" }, ctx);
    const task = await logTask(connection, { whoId: lead.id, subject: "AI conversation", description: "Summary", priority: "High" }, ctx);
    expect(fake.records.get(task.id)?.fields).toMatchObject({ WhoId: lead.id, Subject: "AI conversation", Status: "Completed", Priority: "High" });
    const refused = await logTask(connection, { whoId: "00Q000000000999AAA", subject: "x", description: "y" }, ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IntegrationError);
    expect(refused).toMatchObject({ status: 400, code: "invalid_request", message: expect.stringMatching(/INVALID_CROSS_REFERENCE_KEY.*WhoId/) });
    fake.state.failWrites.Task = 1;
    await expect(logTask(connection, { whoId: lead.id, subject: "x", description: "y" }, ctx)).rejects.toMatchObject({ status: 503, code: "provider_error" });
  });

  it("escapes SOQL literals, so an email with a quote finds its own record and nothing else", async () => {
    expect(soqlString("o'brien\\x@example.com")).toBe("'o\\'brien\\\\x@example.com'");
    const connection = await connectSalesforce(tokenConfig(), ctx);
    const other = fake.seed("Contact", { LastName: "Other", Email: "x@example.com" });
    const person = await upsertPerson(connection, { email: "o'brien@example.com' OR Email != '" }, ctx);
    expect(person).toMatchObject({ type: "Lead", created: true });
    expect(person.id).not.toBe(other);
    expect(await upsertPerson(connection, { email: "o'brien@example.com' OR Email != '" }, ctx)).toEqual({ type: "Lead", id: person.id, created: false });
  });

  it("answers a Lead without its required fields with Salesforce's REQUIRED_FIELD_MISSING naming them", async () => {
    const connection = await connectSalesforce(tokenConfig(), ctx);
    await expect(createRecord(connection, "Lead", { Email: "no-name@example.com" }, ctx)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/REQUIRED_FIELD_MISSING: Required fields are missing: \[LastName, Company\] \(LastName, Company\)/),
    });
    expect(fake.byType("Lead")).toHaveLength(0);
  });
});
