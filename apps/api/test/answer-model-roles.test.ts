import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import type { AppRouter } from "../src/trpc";
import { createTestApi } from "./support/test-api";

// Who may see and change the organization's answer model over tRPC: owners and admins; members only learn the
// mode; another organization's owner sees its own setting, never this one.
let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
type Trpc = ReturnType<typeof createTRPCClient<AppRouter>>;

async function signUp(email: string): Promise<{ trpc: Trpc; userId: string }> {
  const origin = t.deps.config.adminUrl;
  const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password: "password-123", name: email }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { user } = (await response.json()) as { user: { id: string } };
  const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/api/trpc`, headers: () => ({ origin, cookie }) })] });
  return { trpc, userId: user.id };
}

const codeOf = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

let owner: Trpc;
let member: Trpc;
let admin: Trpc;
let stranger: Trpc;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  server = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  ({ trpc: owner } = await signUp("owner@models.example"));
  organizationId = (await owner.organization.create.mutate({ name: "Models Co" })).id;
  const joined = await Promise.all([signUp("member@models.example"), signUp("admin@models.example")]);
  for (const [{ userId }, role] of [[joined[0], "member"], [joined[1], "admin"]] as const) {
    await t.deps.prisma.membership.create({ data: { id: `m-${role}-${Date.now()}`, organizationId, userId, role } });
  }
  [member, admin] = [joined[0].trpc, joined[1].trpc];
  await member.organization.setActive.mutate({ organizationId });
  await admin.organization.setActive.mutate({ organizationId });
  ({ trpc: stranger } = await signUp("stranger@other.example"));
  await stranger.organization.create.mutate({ name: "Other Co" });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe("answer model roles", () => {
  it("lets the owner set it; an admin reads it without the key", async () => {
    const saved = await owner.answerModel.set.mutate({ provider: "anthropic", model: "claude-x", apiKey: "sk-ant-owner-secret-000111" });
    expect(saved).toMatchObject({ answerMode: "model", source: "organization", organization: { provider: "anthropic", hasKey: true, keyHint: "••••0111" } });
    const seen = await admin.answerModel.get.query();
    expect(seen.organization).toMatchObject({ provider: "anthropic", model: "claude-x" });
    expect(JSON.stringify(seen)).not.toContain("sk-ant-owner-secret-000111");
  });

  it("refuses a member reading, changing or testing it, but tells the member the mode", async () => {
    expect(codeOf(await member.answerModel.get.query().catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(codeOf(await member.answerModel.set.mutate({ provider: "none" }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(codeOf(await member.answerModel.test.mutate(undefined).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(await member.answerModel.mode.query()).toEqual({ answerMode: "model" });
    expect(await t.deps.prisma.organizationModelSetting.findUniqueOrThrow({ where: { organizationId } })).toMatchObject({ provider: "anthropic" });
  });

  it("keeps each organization to its own setting", async () => {
    const other = await stranger.answerModel.get.query();
    expect(other).toMatchObject({ answerMode: "extractive", source: "server", organization: null });
    await stranger.answerModel.set.mutate({ provider: "none" });
    expect((await owner.answerModel.get.query()).organization).toMatchObject({ provider: "anthropic", model: "claude-x" });
  });

  it("names the bad field over tRPC too", async () => {
    const error = await owner.answerModel.set.mutate({ provider: "google", baseUrl: "https://example.com" }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("UNPROCESSABLE_CONTENT");
    expect((error as TRPCClientError<AppRouter>).data?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "apiKey" }), expect.objectContaining({ field: "baseUrl" })]),
    );
  });
});
