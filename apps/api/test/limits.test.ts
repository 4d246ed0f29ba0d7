import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import { openEndedPost } from "./support/raw-request";
import { createTenant, createTestApi, type Tenant } from "./support/test-api";

// Body limits, rate limits, TRUST_PROXY and Origin checks over real sockets: one server directly exposed (the
// default: X-Forwarded-For ignored), one behind a proxy on loopback (TRUST_PROXY=loopback).

const WIDGET_MAX = 1024;
const AUTH_MAX = 512;
const JSON_MAX = 4096;

interface Running {
  t: Awaited<ReturnType<typeof createTestApi>>;
  server: RunningServer;
  tenant: Tenant;
}

let direct: Running;
let proxied: Running;

async function start(env: Record<string, string>): Promise<Running> {
  const t = await createTestApi({ env });
  const tenant = await createTenant(t.deps, "Limits");
  return { t, tenant, server: await startServer(t.deps, { port: 0, host: "127.0.0.1" }) };
}

beforeAll(async () => {
  direct = await start({
    WIDGET_BODY_MAX_BYTES: String(WIDGET_MAX),
    AUTH_BODY_MAX_BYTES: String(AUTH_MAX),
    JSON_BODY_MAX_BYTES: String(JSON_MAX),
    WIDGET_RATE_LIMIT_PER_MINUTE_IP: "3",
    WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "100",
    AUTH_RATE_LIMIT_PER_MINUTE: "4",
  });
  proxied = await start({ TRUST_PROXY: "loopback", WIDGET_RATE_LIMIT_PER_MINUTE_IP: "2", WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "100" });
}, 120_000);

afterAll(async () => {
  for (const running of [direct, proxied]) {
    await running?.server.close();
    await running?.t.close();
  }
});

const json = (value: unknown) => JSON.stringify(value);
const adminOrigin = () => direct.t.deps.config.adminUrl;

async function expectTooLarge(response: Response, limitText: string) {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ code: "payload_too_large", title: expect.stringContaining(limitText), errors: [{ field: "body" }] });
}

describe("body limits", () => {
  it("answers an over-limit body with a 413 problem the client can read, per kind of route", async () => {
    const url = direct.server.url;
    const widgetChat = await fetch(`${url}/api/widget/v1/chat`, {
      method: "POST",
      headers: { "x-frontdesk-bot-key": direct.tenant.botPublicKey, "content-type": "application/json", origin: "https://shop.example" },
      body: json({ message: "x".repeat(WIDGET_MAX), visitorId: "v" }),
    });
    // The widget reads the answer cross-origin: CORS headers are on the 413 too.
    expect(widgetChat.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    await expectTooLarge(widgetChat, "1 KB");

    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: adminOrigin() },
      body: json({ email: "a@example.com", password: "p".repeat(AUTH_MAX) }),
    });
    await expectTooLarge(signIn, "512 bytes");

    const bigJson = json({ name: "n".repeat(JSON_MAX) });
    const rest = await fetch(`${url}/api/v1/bots`, {
      method: "POST",
      headers: { authorization: `Bearer ${direct.tenant.apiKey}`, "content-type": "application/json" },
      body: bigJson,
    });
    await expectTooLarge(rest, "4 KB");
    const trpc = await fetch(`${url}/api/trpc/bots.create`, { method: "POST", headers: { "content-type": "application/json", origin: adminOrigin() }, body: bigJson });
    await expectTooLarge(trpc, "4 KB");
    // A path no route serves has a limit too.
    await expectTooLarge(await fetch(`${url}/api/nowhere`, { method: "POST", body: bigJson }), "4 KB");

    // Under the limit the same routes work.
    const small = await fetch(`${url}/api/v1/bots`, {
      method: "POST",
      headers: { authorization: `Bearer ${direct.tenant.apiKey}`, "content-type": "application/json" },
      body: json({ name: "Small enough" }),
    });
    expect(small.status).toBe(201);
  });

  it("refuses a declared Content-Length over the limit before the body is sent", async () => {
    const answer = await openEndedPost(`${direct.server.url}/api/widget/v1/chat`, {
      headers: { "x-frontdesk-bot-key": direct.tenant.botPublicKey, "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      head: '{"message":"',
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large" });
  });

  it("cuts a chunked body off at the limit while it streams, without waiting for the rest", async () => {
    const answer = await openEndedPost(`${direct.server.url}/api/auth/sign-up/email`, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked", origin: adminOrigin() },
      head: Buffer.alloc(AUTH_MAX + 1, 97),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large", errors: [{ field: "body" }] });
  });

  it("keeps the connection usable after a 413 (the unread rest is drained, not reset)", async () => {
    // fetch reuses its keep-alive connection: a server that reset it after a 413 would fail the next request.
    const chunked = (bytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < bytes; sent += 16 * 1024) controller.enqueue(new Uint8Array(16 * 1024));
          controller.close();
        },
      });
    for (let i = 0; i < 8; i++) {
      const body = i % 2 === 0 ? new Uint8Array(256 * 1024) : chunked(256 * 1024);
      const response = await fetch(`${direct.server.url}/api/nowhere`, { method: "POST", body, duplex: "half" } as RequestInit);
      expect(response.status).toBe(413);
      await response.text();
    }
    expect((await fetch(`${direct.server.url}/api/health`)).status).toBe(200);
  });
});

/** A lead form post for a conversation that does not exist: cheap, and counted by the widget limiter first. */
const lead = (running: Running, headers: Record<string, string> = {}) =>
  fetch(`${running.server.url}/api/widget/v1/conversations/none/lead`, {
    method: "POST",
    headers: { "x-frontdesk-bot-key": running.tenant.botPublicKey, "content-type": "application/json", "x-frontdesk-visitor": "v-lead", ...headers },
    body: json({ email: "someone@example.com" }),
  });

describe("TRUST_PROXY and per-client limits", () => {
  it("directly exposed: X-Forwarded-For is ignored, so a client cannot pick a fresh bucket", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await lead(direct, { "x-forwarded-for": `203.0.113.${i}` })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it("behind a trusted proxy: each forwarded client has its own bucket, a forged prefix does not help", async () => {
    const first = "198.51.100.1";
    expect((await lead(proxied, { "x-forwarded-for": first })).status).toBe(404);
    // The proxy appends what it saw: whatever the client put in front is not the client's address.
    expect((await lead(proxied, { "x-forwarded-for": `10.9.9.9, ${first}` })).status).toBe(404);
    const limited = await lead(proxied, { "x-forwarded-for": `192.0.2.77, ${first}` });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another visitor behind the same proxy is not affected.
    expect((await lead(proxied, { "x-forwarded-for": "198.51.100.2" })).status).toBe(404);
  });

  it("records the client address better-auth logs with a session from TRUST_PROXY, never a forged header", async () => {
    for (const [running, expected] of [
      [proxied, "198.51.100.9"],
      [direct, "127.0.0.1"],
    ] as const) {
      const email = `ip-${expected}@example.com`;
      const signUp = await fetch(`${running.server.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: running.t.deps.config.adminUrl, "x-forwarded-for": "198.51.100.9", "x-frontdesk-client-ip": "6.6.6.6" },
        body: json({ email, password: "correct-horse-battery", name: "Ip" }),
      });
      expect(signUp.status, await signUp.clone().text()).toBe(200);
      const user = await running.t.deps.prisma.user.findFirstOrThrow({ where: { email } });
      const session = await running.t.deps.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
      expect(session.ipAddress).toBe(expected);
    }
  });
});

describe("auth rate limit", () => {
  it("limits sign-in, sign-up and password routes per client IP in every NODE_ENV: 429, Retry-After, problem body", async () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    const url = direct.server.url;
    const signIn = () =>
      fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: adminOrigin() },
        body: json({ email: "nobody@example.com", password: "wrong-password-1" }),
      });
    // The direct server's limit is 4 a minute; the sign-up of the previous test used one.
    expect((await signIn()).status).toBe(401);
    expect((await signIn()).status).toBe(401);
    expect((await signIn()).status).toBe(401);
    const limited = await signIn();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited", title: expect.stringContaining(`${retryAfter} seconds`) });
    // The password-reset request shares the bucket; reading the session is not limited.
    const reset = await fetch(`${url}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: adminOrigin() },
      body: json({ email: "nobody@example.com" }),
    });
    expect(reset.status).toBe(429);
    expect((await fetch(`${url}/api/auth/get-session`)).status).toBe(200);
  });
});

describe("Origin checks on cookie-authenticated writes", () => {
  it("tRPC mutations need the admin's Origin; queries (GET) do not", async () => {
    const url = proxied.server.url;
    const create = (headers: Record<string, string>) =>
      fetch(`${url}/api/trpc/bots.create`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: json({ name: "Sneaky" }) });
    for (const headers of [{}, { origin: "https://evil.example" }, { origin: "null" }] as Record<string, string>[]) {
      const refused = await create(headers);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "forbidden" });
    }
    // The admin's own origin gets through to the procedure, which then wants a session.
    expect((await create({ origin: proxied.t.deps.config.adminUrl })).status).toBe(401);
    expect((await fetch(`${url}/api/trpc/bots.list`)).status).toBe(401);
  });

  it("the admin upload refuses a signed-in request without an Origin", async () => {
    const url = proxied.server.url;
    const origin = proxied.t.deps.config.adminUrl;
    const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: json({ email: "no-origin@example.com", password: "correct-horse-battery", name: "Uploader" }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const created = await fetch(`${url}/api/trpc/organization.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie },
      body: json({ name: "No origin" }),
    });
    const knowledgeBaseId = ((await created.json()) as { result: { data: { defaultKnowledgeBaseId: string } } }).result.data.defaultKnowledgeBaseId;
    const form = () => {
      const body = new FormData();
      body.set("file", new File(["Opening hours: 9 to 5."], "hours.txt", { type: "text/plain" }));
      return body;
    };
    const path = `${url}/api/admin/knowledge/bases/${knowledgeBaseId}/documents`;
    const refused = await fetch(path, { method: "POST", headers: { cookie }, body: form() });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden", title: expect.stringContaining("Origin") });
    expect((await fetch(path, { method: "POST", headers: { cookie, origin }, body: form() })).status).toBe(201);
  });
});
