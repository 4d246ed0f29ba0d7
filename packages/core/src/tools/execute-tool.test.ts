import { IntegrationError } from "@frontdesk/integrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations/setup-owner";
import { createTestDeps } from "../testing";
import { executeTool } from "./execute-tool";
import { listToolCalls } from "./list-tool-calls";
import type { ExecutableTool } from "./tool-types";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let botId: string;
beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "tools@example.com", password: "password-t", organizationName: "Tools" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "user", userId: owner.userId, role: "owner" } };
  botId = owner.botId;
});
afterAll(() => t.close());

/** A booking tool whose handler the test scripts; `calls` records what actually ran. */
function bookingTool(handler: ExecutableTool["handler"], overrides: Partial<ExecutableTool> = {}) {
  const calls: unknown[] = [];
  const tool: ExecutableTool = {
    name: "calcom_book_meeting",
    description: "Book a meeting",
    parameters: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { email: { type: "string", format: "email" }, start: { type: "string" }, apiKey: { type: "string" } },
      required: ["email", "start"],
    },
    systemLabel: "Cal.com",
    integrationId: null,
    customActionId: null,
    timeoutMs: 5_000,
    logsOwnCalls: false,
    handler: async (args, signal) => {
      calls.push(args);
      return handler(args, signal);
    },
    ...overrides,
  };
  return { tool, calls };
}

const scope = () => ({ source: "chat" as const, botId });

async function loggedCall(id: string | null) {
  expect(id).toBeTruthy();
  return t.deps.prisma.toolCall.findUniqueOrThrow({ where: { id: id! } });
}

describe("executeTool", () => {
  it("does not run a call whose arguments break the schema, and logs the refusal", async () => {
    const { tool, calls } = bookingTool(async () => ({ booked: true }));
    const outcome = await executeTool(ctx, tool, { email: "not-an-email" }, scope());
    expect(calls).toEqual([]);
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toMatch(/^Not executed: invalid arguments/);
    expect(outcome.text).toContain("arguments.start");
    expect(outcome.text).toContain("arguments.email");
    const row = await loggedCall(outcome.toolCallId);
    expect(row).toMatchObject({ toolName: "calcom_book_meeting", botId, ok: false, source: "chat", arguments: { email: "not-an-email" } });
    expect(row.error).toMatch(/^Invalid arguments: .*arguments\.start: /);
  });

  it("gives up after the timeout with a fallback the model can relay, aborts the handler and logs the duration", async () => {
    let aborted = false;
    const { tool } = bookingTool(
      (_args, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            reject(new Error("aborted"));
          });
        }),
      { timeoutMs: 150 },
    );
    const outcome = await executeTool(ctx, tool, { email: "ana@example.com", start: "2050-09-05T09:00:00Z" }, scope());
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.text).toContain("I couldn't reach Cal.com just now");
    expect(outcome.text).toContain("timed out after 150 ms");
    expect(aborted).toBe(true);
    const row = await loggedCall(outcome.toolCallId);
    expect(row).toMatchObject({ ok: false, error: "timed out after 150 ms", result: null });
    expect(row.durationMs).toBeGreaterThanOrEqual(150);
  });

  it("stores arguments and results with secret-looking keys redacted, and returns the result as one line", async () => {
    const { tool, calls } = bookingTool(async () => ({ uid: "bk_1", accessToken: "tok-live-123", attendee: { name: "Ana\nLópez" } }));
    const args = {
      email: "ana@example.com",
      start: "2050-09-05T09:00:00Z",
      apiKey: "cal_live_secret",
      extra: { authorization: "Bearer abc", password: "hunter2", client_secret: "s", note: "keep me" },
    };
    const outcome = await executeTool(ctx, tool, args, scope());
    expect(calls).toEqual([args]);
    expect(outcome.ok).toBe(true);
    expect(outcome.text).toBe('{"uid":"bk_1","accessToken":"tok-live-123","attendee":{"name":"Ana\\nLópez"}}');
    const row = await loggedCall(outcome.toolCallId);
    expect(row.arguments).toEqual({
      email: "ana@example.com",
      start: "2050-09-05T09:00:00Z",
      apiKey: "[redacted]",
      extra: { authorization: "[redacted]", password: "[redacted]", client_secret: "[redacted]", note: "keep me" },
    });
    expect(row.result).toEqual({ uid: "bk_1", accessToken: "[redacted]", attendee: { name: "Ana\nLópez" } });
    expect(JSON.stringify(row)).not.toMatch(/cal_live_secret|hunter2|Bearer abc|tok-live-123/);
  });

  it("turns a provider refusal and an unexpected crash into fallbacks, logging what happened", async () => {
    const { tool: refused } = bookingTool(async () => {
      throw new IntegrationError({ provider: "calcom", status: 429, code: "rate_limited", message: "Too many requests", retryAfterSeconds: 3 });
    });
    const limited = await executeTool(ctx, refused, { email: "ana@example.com", start: "x" }, scope());
    expect(limited.ok).toBe(false);
    expect(limited.text).toContain("rate_limited: Too many requests");
    expect(limited.text).toContain("I couldn't reach Cal.com just now");
    expect(await loggedCall(limited.toolCallId)).toMatchObject({ ok: false, error: "rate_limited: Too many requests" });

    const { tool: crashing } = bookingTool(async () => {
      throw new TypeError("cannot read properties of undefined (reading 'uid')");
    });
    const crashed = await executeTool(ctx, crashing, { email: "ana@example.com", start: "x" }, scope());
    expect(crashed.ok).toBe(false);
    expect(crashed.text).not.toContain("undefined");
    expect(crashed.text).toContain("I couldn't reach Cal.com just now");
    expect((await loggedCall(crashed.toolCallId)).error).toContain("cannot read properties of undefined");
  });

  it("lists the log newest first, filtered by tool, outcome and time, page by page", async () => {
    const { tool } = bookingTool(async () => ({ ok: 1 }), { name: "paged_tool" });
    const before = new Date();
    for (let i = 0; i < 3; i += 1) await executeTool(ctx, tool, { email: "p@example.com", start: String(i) }, scope());
    await executeTool(ctx, tool, { email: "bad" }, scope());

    const first = await listToolCalls(ctx, { toolName: "paged_tool", ok: true, limit: 2 });
    expect(first.data.map((call) => (call.arguments as { start: string }).start)).toEqual(["2", "1"]);
    expect(first.nextCursor).toBe(first.data[1]?.id);
    const second = await listToolCalls(ctx, { toolName: "paged_tool", ok: "true", limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((call) => (call.arguments as { start: string }).start)).toEqual(["0"]);
    expect(second.nextCursor).toBeNull();
    expect((await listToolCalls(ctx, { toolName: "paged_tool", ok: false })).data).toHaveLength(1);
    expect((await listToolCalls(ctx, { toolName: "paged_tool", since: before.toISOString(), botId })).data).toHaveLength(4);
    expect((await listToolCalls(ctx, { toolName: "paged_tool", until: before.toISOString() })).data).toHaveLength(0);
  });
});
