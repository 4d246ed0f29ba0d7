import type { AuthSession } from "@frontdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/root";
import { createCallerFactory } from "../../src/trpc/trpc";
import { client, createTenant, type Tenant } from "../support/test-api";
import { connectTwilio, createTwilioTestApi, inboundSms, inboundWhatsapp, postTwilioWebhook } from "./twilio-support";

let env: Awaited<ReturnType<typeof createTwilioTestApi>>;
let a: Tenant;
let b: Tenant;
let callA: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;
const ids: Record<string, string> = {};

type LeadPage = { data: Array<Record<string, unknown> & { id: string; tier: string; channel: string; name: string | null }>; nextCursor: string | null };

beforeAll(async () => {
  env = await createTwilioTestApi();
  a = await createTenant(env.t.deps, "Leads Dental");
  b = await createTenant(env.t.deps, "Other Dental");
  callA = client(env.t.app, a.apiKey);
  callB = client(env.t.app, b.apiKey);
  await connectTwilio(env.t.app, a);
  const chat = async (call: ReturnType<typeof client>, tenant: Tenant, message: string, visitor: Record<string, string>) =>
    ((await (await call("POST", "/api/v1/chat", { botId: tenant.botId, message, visitor })).json()) as { conversationId: string }).conversationId;
  // Created in this order: web cold, web warm, SMS hot, WhatsApp (hot), and one of organization B.
  ids.webCold = await chat(callA, a, "What are your opening hours?", { name: "Ada Cold", email: "ada@example.com" });
  ids.webWarm = await chat(callA, a, "Can I come on Tuesday?", { name: "Bob Warm" });
  await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundSms("+14155550111", "Emergency, I need a crown fixed today. Budget $400"));
  await env.t.deps.events.drain();
  await postTwilioWebhook(env.t.app, `/api/webhooks/twilio/${a.botPublicKey}`, inboundWhatsapp("+447700900123", "Can I book a cleaning for tomorrow?", "=HYPERLINK(\"x\")"));
  ids.other = await chat(callB, b, "Can I book for today?", { name: "Zed Other", email: "zed@example.com" });
  await env.t.deps.events.drain();
}, 120_000);
afterAll(() => env?.close());

const page = async (query = "") => {
  const response = await callA("GET", `/api/v1/leads${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as LeadPage;
};

describe("GET /api/v1/leads", () => {
  it("lists the organization's leads newest first, in the documented shape", async () => {
    const { data, nextCursor } = await page();
    expect(nextCursor).toBeNull();
    expect(data.map((lead) => [lead.channel, lead.tier])).toEqual([
      ["whatsapp", "hot"],
      ["sms", "hot"],
      ["api", "warm"],
      ["api", "cold"],
    ]);
    expect(Object.keys(data[1]!).sort()).toEqual(
      ["id", "botId", "conversationId", "channel", "name", "email", "phone", "tier", "score", "reasons", "qualification", "createdAt", "updatedAt"].sort(),
    );
    expect(data[1]).toMatchObject({
      botId: a.botId,
      phone: "+14155550111",
      reasons: expect.arrayContaining(['needs it urgently ("emergency")', "stated a budget ($400)", "gave a phone number"]),
      qualification: { serviceInterest: "crown fixed", urgency: "high", budget: "$400", timeline: "emergency" },
    });
    expect(JSON.stringify(data)).not.toContain("zed@example.com");
  });

  it("filters by tier, channel, bot and q, and pages with the cursor", async () => {
    expect((await page("?tier=hot")).data.map((lead) => lead.channel)).toEqual(["whatsapp", "sms"]);
    expect((await page("?channel=sms")).data.map((lead) => lead.phone)).toEqual(["+14155550111"]);
    expect((await page("?q=BOB")).data.map((lead) => lead.name)).toEqual(["Bob Warm"]);
    expect((await page("?q=ada%40example")).data.map((lead) => lead.name)).toEqual(["Ada Cold"]);
    expect((await page("?q=555011")).data).toHaveLength(1);
    expect((await page(`?botId=${b.botId}`)).data).toEqual([]);
    const first = await page("?limit=3");
    expect(first.data).toHaveLength(3);
    const second = await page(`?limit=3&cursor=${first.nextCursor}`);
    expect(second.data.map((lead) => lead.name)).toEqual(["Ada Cold"]);
    expect(second.nextCursor).toBeNull();
    const bad = await callA("GET", "/api/v1/leads?tier=lukewarm");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ field: "query.tier" }] });
  });

  it("GET /leads/{id} has the tier history and actions; another organization's lead is 404", async () => {
    const { data } = await page("?q=Bob");
    const detail = (await (await callA("GET", `/api/v1/leads/${data[0]!.id}`)).json()) as { history: Array<{ previousTier: string | null; tier: string; method: string; at: string }>; actions: unknown[] };
    expect(detail.history).toEqual([expect.objectContaining({ previousTier: null, tier: "warm", method: "rules", at: expect.any(String) })]);
    expect(detail.actions).toEqual([]);
    expect((await callB("GET", `/api/v1/leads/${data[0]!.id}`)).status).toBe(404);
  });

  it("exports the filtered leads as CSV, neutralising formula-looking cells", async () => {
    const response = await callA("GET", "/api/v1/leads/export.csv?tier=hot");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,createdAt,tier,score,name,email,phone,channel,serviceInterest,urgency,budget,timeline,reasons,botId,conversationId");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`'=HYPERLINK(""x"")`);
    expect(lines[1]).toContain(",+447700900123,whatsapp,");
    expect(lines[2]).toContain(",$400,");
  });
});

describe("leads over tRPC", () => {
  it("lists, gets and exports the same leads", async () => {
    const caller = createCallerFactory(appRouter)({
      deps: env.t.deps,
      auth: env.t.deps.auth,
      headers: new Headers(),
      resHeaders: new Headers(),
      session: { user: { id: "u" }, session: { id: "s" } } as unknown as AuthSession,
      membership: { organizationId: a.organizationId, role: "member" },
      core: a.ctx,
    });
    const listed = await caller.leads.list({ tier: "hot" });
    expect(listed.data.map((lead) => lead.channel)).toEqual(["whatsapp", "sms"]);
    const lead = await caller.leads.get({ id: listed.data[1]!.id });
    expect(lead.history.at(-1)).toMatchObject({ tier: "hot" });
    expect((await caller.leads.exportCsv({ channel: "sms" })).csv.split("\r\n")).toHaveLength(3);
  });
});
