import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIntegrationTools } from "../src";
import { startHubspotFake } from "./fakes/hubspot-fake";

describe("integration actions as LLM tools", () => {
  let fake: Awaited<ReturnType<typeof startHubspotFake>>;
  beforeEach(async () => {
    fake = await startHubspotFake({ tokens: { "pat-na1-tools": "write" } });
  });
  afterEach(() => fake.close());

  it("exposes enabled actions with JSON-schema parameters and runs them with parsed input", async () => {
    const tools = await buildIntegrationTools([
      { integrationId: "hubspot", config: { accessToken: "pat-na1-tools" }, enabledActions: ["upsert_contact", "find_contact"], ctx: { baseUrl: fake.url } },
      { integrationId: "calcom", config: { apiKey: "cal_test_x", eventTypeId: 1 }, prefix: "sales-cal" },
    ]);
    expect(tools.map((t) => t.name)).toEqual([
      "hubspot_find_contact",
      "hubspot_upsert_contact",
      "sales-cal_find_slots",
      "sales-cal_suggest_slots",
      "sales-cal_next_available_slot",
      "sales-cal_book_meeting",
      "sales-cal_cancel_booking",
      "sales-cal_reschedule_booking",
    ]);
    const upsert = tools.find((t) => t.name === "hubspot_upsert_contact");
    expect(upsert?.parameters).toMatchObject({ type: "object", required: ["email"], properties: { email: { type: "string", format: "email" } } });
    await expect(upsert?.invoke({ email: "ada@example.com", firstname: "Ada" })).resolves.toMatchObject({ created: true });
    await expect(upsert?.invoke({ firstname: "no email" })).rejects.toThrow(/email/);
    expect(fake.contacts.size).toBe(1);
  });

  it("rejects an invalid stored config and clashing names", async () => {
    await expect(buildIntegrationTools([{ integrationId: "hubspot", config: {} }])).rejects.toThrow(/accessToken/);
    const twice = { integrationId: "hubspot", config: { accessToken: "pat-na1-tools" } };
    await expect(buildIntegrationTools([twice, twice])).rejects.toThrow(/Duplicate tool name/);
  });
});

describe("runToolSafely", () => {
  it("returns one-line JSON on success and actionable text for bad arguments or provider errors", async () => {
    const { runToolSafely, IntegrationError } = await import("../src");
    const { z } = await import("zod");
    expect(await runToolSafely(async () => ({ note: "a\nb" }))).toEqual({ ok: true, text: '{"note":"a\\nb"}' });
    expect(await runToolSafely(async () => z.object({ email: z.email() }).parse({ email: "x" }))).toEqual({
      ok: false,
      text: "Invalid arguments: email: Invalid email address",
    });
    const limited = new IntegrationError({ provider: "calcom", status: 429, message: "Cal.com 429:\nslow down", retryAfterSeconds: 4 });
    expect(await runToolSafely(async () => Promise.reject(limited))).toEqual({ ok: false, text: "rate_limited: Cal.com 429: slow down", retryAfterSeconds: 4 });
    await expect(runToolSafely(async () => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
  });
});
