import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/start-server";
import { createTenant, createTestApi, type Tenant } from "../support/test-api";
import { fieldValue, headerValue, objectWith, pathSegment, queryValue, rawBody, type RawBody } from "./arbitraries";

// Every public endpoint (widget, auth, Inngest) against random bodies, headers, content types and encodings:
// never a 5xx, never a hang, and the server still answers a normal request afterwards. A failure prints the
// shrunk request and fast-check's seed; FAST_CHECK_RUNS raises the number of runs per property.

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 60);
const CLIENT_TIMEOUT_MS = 20_000;
const ADMIN_ORIGIN = "http://localhost:3001";

let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
let a: Tenant;
let conversationId: string;
let inngestServer: Server;

/**
 * Stands in for the Inngest server's registration endpoint (a PUT to /api/inngest makes the app register its
 * functions there): like the real one it wants the hashed signing key as a bearer token.
 */
async function startFakeInngest(): Promise<string> {
  inngestServer = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const authorized = req.method === "POST" && req.url === "/fn/register" && /^Bearer signkey-prod-[0-9a-f]{64}$/.test(req.headers.authorization ?? "");
      res.writeHead(authorized ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(authorized ? { status: 200, modified: false } : { status: 401, error: "unauthorized" }));
    });
  });
  await new Promise<void>((resolve) => inngestServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(inngestServer.address() as AddressInfo).port}`;
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: RawBody;
}

/** One real HTTP request; resolves with the status once the whole body arrived, throws if that takes too long. */
async function send(request: Sent): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...request.headers };
  const hasBody = request.body?.bytes !== undefined && !["GET", "HEAD"].includes(request.method);
  if (hasBody && request.body?.contentType !== undefined) headers["content-type"] = request.body.contentType;
  if (hasBody && request.body?.contentEncoding !== undefined) headers["content-encoding"] = request.body.contentEncoding;
  const signal = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers,
    body: hasBody ? request.body!.bytes : undefined,
    signal,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, text };
}

async function expectNo5xx(request: Sent): Promise<void> {
  const { status, text } = await send(request);
  if (status >= 500) throw new Error(`${request.method} ${request.path} → ${status}: ${text.slice(0, 300)}`);
  // An answer streamed as SSE reports failures in an `error` event: an internal one is a 500 in disguise.
  if (/event: error\ndata: \{"code":"internal"/.test(text)) throw new Error(`${request.method} ${request.path} → internal error event`);
}

beforeAll(async () => {
  t = await createTestApi({
    env: {
      // Rate limits would turn most requests into 429s; they have their own tests.
      WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: "0",
      WIDGET_RATE_LIMIT_PER_MINUTE_IP: "0",
      AUTH_RATE_LIMIT_PER_MINUTE: "0",
      // Inngest mode with a signing key, as in production, so /api/inngest runs Inngest's real handler.
      INNGEST_BASE_URL: await startFakeInngest(),
      INNGEST_EVENT_KEY: "test-event-key",
      INNGEST_SIGNING_KEY: `signkey-prod-${"ab".repeat(32)}`,
    },
  });
  a = await createTenant(t.deps, "Props");
  server = await startServer(t.deps, { port: 0, host: "127.0.0.1" });
  const first = await send({
    method: "POST",
    path: "/api/widget/v1/chat",
    headers: { "x-frontdesk-bot-key": a.botPublicKey },
    body: { contentType: "application/json", bytes: new TextEncoder().encode(JSON.stringify({ message: "Hello", visitorId: "visitor-real" })) },
  });
  expect(first.status).toBe(200);
  conversationId = (JSON.parse(first.text) as { conversationId: string }).conversationId;
}, 300_000);

afterAll(async () => {
  await server?.close();
  await t?.close();
  inngestServer?.close();
});

const botKey = () => fc.oneof({ weight: 3, arbitrary: fc.constant(a.botPublicKey) }, { weight: 2, arbitrary: headerValue });
const conversation = () => fc.oneof({ weight: 2, arbitrary: fc.constant(conversationId) }, { weight: 3, arbitrary: pathSegment });
const visitor = () => fc.oneof(fc.constant("visitor-real"), headerValue);

function widgetRequest(): fc.Arbitrary<Sent> {
  const route = fc.oneof(
    fc.record({ method: fc.constantFrom("POST", "GET", "PUT"), path: fc.constant("/api/widget/v1/chat"), body: rawBody(objectWith(["message", "visitorId", "conversationId", "visitor", "requestHandoff"])) }),
    fc.record({ method: fc.constantFrom("GET", "POST", "DELETE"), path: queryValue.map((locale) => `/api/widget/v1/config?locale=${locale}`), body: fc.constant(undefined) }),
    fc.record({
      method: fc.constantFrom("GET", "POST"),
      path: fc.tuple(conversation(), queryValue, fc.constantFrom("", "/messages")).map(([id, after, tail]) =>
        `/api/widget/v1/conversations/${id}${tail}?after=${after}`,
      ),
      body: fc.constant(undefined),
    }),
    fc.record({
      method: fc.constantFrom("POST", "GET"),
      path: conversation().map((id) => `/api/widget/v1/conversations/${id}/lead`),
      body: rawBody(objectWith(["visitorId", "name", "email", "phone"])),
    }),
    fc.record({ method: fc.constantFrom("GET", "POST", "OPTIONS"), path: pathSegment.map((segment) => `/api/widget/v1/${segment}`), body: fc.constant(undefined) }),
  );
  return fc
    .tuple(route, botKey(), fc.constantFrom("header", "query", "none"), fc.option(headerValue, { nil: undefined }), fc.option(fc.constantFrom("text/event-stream", "application/json", "*/*"), { nil: undefined }), fc.option(visitor(), { nil: undefined }))
    .map(([r, key, placement, origin, accept, visitorId]) => {
      const headers: Record<string, string> = {};
      if (visitorId !== undefined) headers["x-frontdesk-visitor"] = visitorId;
      if (placement === "header") headers["x-frontdesk-bot-key"] = key;
      if (origin !== undefined) headers.origin = origin;
      if (accept !== undefined) headers.accept = accept;
      const path = placement === "query" ? `${r.path}${r.path.includes("?") ? "&" : "?"}key=${encodeURIComponent(key)}` : r.path;
      return { method: r.method, path, headers, body: r.body };
    });
}

function authRequest(): fc.Arbitrary<Sent> {
  const path = fc.oneof(
    fc.constantFrom(
      "/api/auth/sign-up/email",
      "/api/auth/sign-in/email",
      "/api/auth/get-session",
      "/api/auth/sign-out",
      "/api/auth/forget-password",
      "/api/auth/request-password-reset",
      "/api/auth/reset-password",
      "/api/auth/change-password",
      "/api/auth/update-user",
      "/api/auth/list-sessions",
      "/api/auth/verify-email",
      "/api/auth/ok",
    ),
    pathSegment.map((segment) => `/api/auth/${segment}`),
  );
  return fc
    .record({
      method: fc.constantFrom("POST", "GET"),
      path: fc.tuple(path, fc.option(queryValue, { nil: undefined })).map(([p, token]) => (token === undefined ? p : `${p}?token=${token}&callbackURL=${token}`)),
      body: rawBody(objectWith(["email", "password", "name", "callbackURL", "token", "newPassword", "currentPassword", "rememberMe"])),
      origin: fc.option(fc.oneof(fc.constant(ADMIN_ORIGIN), headerValue), { nil: undefined }),
      cookie: fc.option(headerValue.map((value) => `better-auth.session_token=${value}`), { nil: undefined }),
    })
    .map(({ method, path: p, body, origin, cookie }) => ({
      method,
      path: p,
      body,
      headers: { ...(origin !== undefined ? { origin } : {}), ...(cookie !== undefined ? { cookie } : {}) },
    }));
}

function inngestRequest(): fc.Arbitrary<Sent> {
  return fc
    .record({
      method: fc.constantFrom("GET", "POST", "PUT"),
      query: fc.tuple(queryValue, queryValue).map(([fnId, stepId]) => `?fnId=${fnId}&stepId=${stepId}`),
      body: rawBody(objectWith(["event", "events", "steps", "ctx", "version", "use_api"])),
      signature: fc.option(fc.oneof(headerValue, fc.constant(`t=${Math.floor(Date.now() / 1000)}&s=${"0".repeat(64)}`)), { nil: undefined }),
      framework: fc.option(fc.constantFrom("hono", "express", "x"), { nil: undefined }),
    })
    .map(({ method, query, body, signature, framework }) => ({
      method,
      path: `/api/inngest${query}`,
      body,
      headers: { ...(signature !== undefined ? { "x-inngest-signature": signature } : {}), ...(framework !== undefined ? { "x-inngest-framework": framework } : {}) },
    }));
}

describe("public endpoints under random input", () => {
  it("widget routes: never a 5xx or a hang", async () => {
    await fc.assert(fc.asyncProperty(widgetRequest(), expectNo5xx), { numRuns: RUNS });
  }, 300_000);

  it("auth routes: never a 5xx or a hang", async () => {
    await fc.assert(fc.asyncProperty(authRequest(), expectNo5xx), { numRuns: RUNS });
  }, 300_000);

  it("the Inngest endpoint: never a 5xx or a hang", async () => {
    await fc.assert(fc.asyncProperty(inngestRequest(), expectNo5xx), { numRuns: RUNS });
  }, 300_000);

  it("still answers normal requests afterwards", async () => {
    const config = await send({ method: "GET", path: "/api/widget/v1/config", headers: { "x-frontdesk-bot-key": a.botPublicKey } });
    expect(config.status).toBe(200);
    const chat = await send({
      method: "POST",
      path: "/api/widget/v1/chat",
      headers: { "x-frontdesk-bot-key": a.botPublicKey },
      body: { contentType: "application/json", bytes: new TextEncoder().encode(JSON.stringify({ message: "Still there?", visitorId: "visitor-real", conversationId })) },
    });
    expect(chat.status).toBe(200);
    expect(JSON.parse(chat.text)).toMatchObject({ conversationId, message: expect.any(String) });
    const email = `after-${Date.now()}@example.com`;
    const signUp = await send({
      method: "POST",
      path: "/api/auth/sign-up/email",
      headers: { origin: ADMIN_ORIGIN },
      body: { contentType: "application/json", bytes: new TextEncoder().encode(JSON.stringify({ email, password: "correct-horse-battery", name: "After" })) },
    });
    expect(signUp.status).toBe(200);
    const health = await send({ method: "GET", path: "/api/health", headers: {} });
    expect(health.status).toBe(200);
  }, 60_000);

  it("the arbitraries produce the hostile cases they claim to", () => {
    const samples = fc.sample(rawBody(fieldValue), { numRuns: 400, seed: 1 });
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const invalid = samples.filter((sample) => {
      if (!sample.bytes) return false;
      try {
        decoder.decode(sample.bytes);
        return false;
      } catch {
        return true;
      }
    });
    expect(invalid.length).toBeGreaterThan(0);
    expect(samples.some((sample) => sample.contentType !== "application/json")).toBe(true);
    expect(samples.some((sample) => sample.bytes && sample.bytes.length > 10_000)).toBe(true);
  });
});
