import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IntegrationError, runAction, testIntegrationConnection } from "../src";
import { createHubspotClient, existingIdFromConflict, searchContact, upsertContactByEmail } from "../src/hubspot";
import { startHubspotFake } from "./fakes/hubspot-fake";

const token = "pat-na1-0000-write";
const readOnly = "pat-na1-0000-read";

describe("hubspot contacts via @hubspot/api-client against a fake", () => {
  let fake: Awaited<ReturnType<typeof startHubspotFake>>;
  const run = (action: string, input: unknown, accessToken = token) =>
    runAction({ integrationId: "hubspot", action, config: { accessToken }, input, ctx: { baseUrl: fake.url } });
  beforeEach(async () => {
    fake = await startHubspotFake({ tokens: { [token]: "write", [readOnly]: "read" } });
  });
  afterEach(() => fake.close());

  it("creates, then finds by email and by phone", async () => {
    const created = await run("create_contact", { email: "ada@example.com", firstname: "Ada", phone: "+14155550123" });
    expect(created).toMatchObject({ id: "101", properties: { email: "ada@example.com", firstname: "Ada" } });
    expect(await run("find_contact", { email: "ADA@example.com" })).toMatchObject({ id: "101", properties: { firstname: "Ada", phone: "+14155550123" } });
    expect(await run("find_contact", { phone: "+14155550123" })).toMatchObject({ id: "101" });
    expect(await run("find_contact", { email: "nobody@example.com" })).toBeNull();
    await expect(run("find_contact", { email: "a@b.co", phone: "+14155550123" })).rejects.toThrow(/exactly one/);
  });

  it("upserts without duplicates: the 409's Existing ID is updated", async () => {
    const first = await run("upsert_contact", { email: "lead@example.com", firstname: "Lee" });
    expect(first).toMatchObject({ created: true, contact: { id: "101" } });
    const second = await run("upsert_contact", { email: "lead@example.com", lastname: "Jones", message: "wants a demo" });
    expect(second).toMatchObject({ created: false, contact: { id: "101", properties: { lastname: "Jones" } } });
    expect(fake.contacts.size).toBe(1);
    expect(fake.contacts.get("101")?.properties).toEqual({ email: "lead@example.com", firstname: "Lee", lastname: "Jones", message: "wants a demo" });
    expect(fake.state.requests).toEqual([
      "POST /crm/v3/objects/contacts",
      "POST /crm/v3/objects/contacts",
      "PATCH /crm/v3/objects/contacts/101",
    ]);
  });

  it("concurrent upserts for one email create one contact", async () => {
    const client = createHubspotClient({ accessToken: token }, { baseUrl: fake.url });
    const results = await Promise.all([1, 2, 3].map((n) => upsertContactByEmail(client, { email: "same@example.com", firstname: `N${n}` })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(fake.contacts.size).toBe(1);
  });

  it("create_contact surfaces the duplicate as a 409 conflict", async () => {
    await run("create_contact", { email: "dup@example.com" });
    const error = await run("create_contact", { email: "dup@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 409, code: "conflict", message: expect.stringContaining("Existing ID: 101") });
  });

  it("update_contact: 404 for unknown ids", async () => {
    await expect(run("update_contact", { id: "999", properties: { firstname: "X" } })).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("auth: bad token 401, read-only token 403 on writes, connection test reports it", async () => {
    expect(await testIntegrationConnection({ integrationId: "hubspot", config: { accessToken: token }, ctx: { baseUrl: fake.url } })).toMatchObject({ ok: true });
    expect(await testIntegrationConnection({ integrationId: "hubspot", config: { accessToken: "pat-na1-wrong" }, ctx: { baseUrl: fake.url } })).toMatchObject({ ok: false, status: 401 });
    await expect(run("find_contact", { email: "a@b.co" }, readOnly)).resolves.toBeNull();
    await expect(run("create_contact", { email: "a@b.co" }, readOnly)).rejects.toMatchObject({ status: 403, code: "unauthorized" });
  });

  it("429 carries Retry-After", async () => {
    fake.state.rateLimitNext = 1;
    const client = createHubspotClient({ accessToken: token }, { baseUrl: fake.url });
    await expect(searchContact(client, { email: "a@b.co" })).rejects.toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 2 });
  });

  it("the fake rejects invalid emails the way HubSpot does (400)", async () => {
    const client = createHubspotClient({ accessToken: token }, { baseUrl: fake.url });
    await expect(client.crm.contacts.basicApi.create({ properties: { email: "not-an-email" }, associations: [] })).rejects.toMatchObject({ code: 400 });
    await expect(client.crm.contacts.basicApi.create({ properties: { favourite_color: "red" }, associations: [] })).rejects.toMatchObject({ code: 400 });
  });

  it("parses the documented 409 body", () => {
    expect(existingIdFromConflict({ status: "error", message: "Contact already exists. Existing ID: 123", category: "CONFLICT" })).toBe("123");
    expect(existingIdFromConflict('{"message":"Contact already exists. Existing ID: 7"}')).toBe("7");
    expect(existingIdFromConflict({ message: "other conflict" })).toBeUndefined();
  });
});
