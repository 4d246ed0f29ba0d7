import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileCustomActionsFor, loadActionFiles } from "@frontdesk/core";
import { verifySignature } from "@frontdesk/integrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";
import { startReceiver, type Receiver, recordingJson } from "./receiver";

const HMAC_SECRET = "hmac-secret-for-the-trello-hook-0123456789";
const HEADER_SECRET = "Bearer make-api-key-abcdef0123456789";

let receiver: Receiver;
let actionsDir: string;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
const seen: string[] = [];
/** What the receiver concluded about each signed request. */
const verdicts: boolean[] = [];

const json = recordingJson(seen);

type Action = { id: string; source: string; readOnly: boolean; name: string; endpoint: { url: string; auth: { type: string; secret: string | null } } };
type Invoked = { ok: boolean; status: number | null; durationMs: number; response: unknown; error?: string; toolCallId: string };
type Problem = { status: number; code: string; title: string; errors?: { field: string; message: string }[] };

const cardParameters = {
  type: "object",
  properties: { title: { type: "string", minLength: 1 }, dueDate: { type: "string", format: "date" }, apiToken: { type: "string" } },
  required: ["title"],
  additionalProperties: false,
};

beforeAll(async () => {
  receiver = await startReceiver((request) => {
    if (request.path.startsWith("/slow")) return { status: 200, body: { late: true }, delayMs: 4000 };
    if (request.headers["x-frontdesk-signature"]) {
      verdicts.push(verifySignature({ secret: HMAC_SECRET, body: request.body, header: String(request.headers["x-frontdesk-signature"]) }).ok);
    }
    if (request.path.startsWith("/make") && request.headers.authorization !== HEADER_SECRET) return { status: 401, body: { error: "bad key" } };
    return { status: 200, body: { received: JSON.parse(request.body || "{}"), cardId: "card_1" } };
  });
  actionsDir = mkdtempSync(join(tmpdir(), "frontdesk-actions-"));
  writeFileSync(
    join(actionsDir, "ping_team.json"),
    JSON.stringify({
      name: "ping_team",
      description: "Tell the team something",
      parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      endpoint: { url: "${PING_TEAM_URL:-" + receiver.url + "/file-hook}", method: "POST", auth: { type: "none" } },
      organizations: "*",
    }),
  );
  const fileAction = (name: string, organizations?: unknown) =>
    JSON.stringify({
      name,
      description: `Operator hook ${name}`,
      parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      endpoint: { url: `${receiver.url}/${name}`, method: "POST" },
      ...(organizations === undefined ? {} : { organizations }),
    });
  writeFileSync(join(actionsDir, "vip_hook.json"), fileAction("vip_hook", ["vip-tenant"]));
  writeFileSync(join(actionsDir, "nobody_hook.json"), fileAction("nobody_hook"));
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true", FRONTDESK_ACTIONS_DIR: actionsDir } });
  a = await createTenant(t.deps, "Alpha");
  call = client(t.app, a.apiKey);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  rmSync(actionsDir, { recursive: true, force: true });
});

describe("custom actions over REST", () => {
  let hmacAction: Action;

  it("creates an HMAC action whose receiver verifies the signature, and logs the call with secrets redacted", async () => {
    const created = await json<Action>(
      call("POST", "/api/v1/actions", {
        name: "create_trello_card",
        description: "Create a Trello card",
        parameters: cardParameters,
        endpoint: { url: `${receiver.url}/trello`, method: "POST", auth: { type: "hmac", secret: HMAC_SECRET } },
        timeoutMs: 5000,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: "db", readOnly: false, endpoint: { auth: { type: "hmac", secret: `••••${HMAC_SECRET.slice(-4)}` } } });
    hmacAction = created.body;

    const invoked = await json<Invoked>(call("POST", `/api/v1/actions/${hmacAction.id}/invoke`, { arguments: { title: "Call back Ann", apiToken: "tok-visible-to-endpoint" } }));
    expect(invoked.status).toBe(200);
    expect(invoked.body).toMatchObject({ ok: true, status: 200, response: { received: { title: "Call back Ann" }, cardId: "card_1" } });
    expect(invoked.body.durationMs).toBeGreaterThanOrEqual(0);
    const signed = receiver.requests.find((r) => r.path === "/trello");
    expect(signed?.headers["x-frontdesk-event"]).toBe("action.create_trello_card");
    expect(signed?.headers["x-frontdesk-delivery"]).toBeTruthy();
    expect(verdicts).toEqual([true]);

    const toolCall = await t.deps.prisma.toolCall.findUniqueOrThrow({ where: { id: invoked.body.toolCallId! } });
    expect(toolCall).toMatchObject({ source: "invoke", toolName: "create_trello_card", customActionId: hmacAction.id, ok: true, organizationId: a.organizationId });
    expect(toolCall.arguments).toEqual({ title: "Call back Ann", apiToken: "[redacted]" });
  });

  it("refuses invalid arguments with 422 naming the field, without calling the endpoint", async () => {
    const before = receiver.requests.length;
    const refused = await json<Problem>(call("POST", `/api/v1/actions/${hmacAction.id}/invoke`, { arguments: { dueDate: "next tuesday", extra: 1 } }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => e.field).sort()).toEqual(["arguments.dueDate", "arguments.extra", "arguments.title"]);
    expect(receiver.requests.length).toBe(before);
    const logged = await t.deps.prisma.toolCall.findFirst({ where: { customActionId: hmacAction.id, ok: false } });
    expect(logged?.error).toContain("arguments.title");
  });

  it("answers ok:false when the endpoint does not answer within timeoutMs", async () => {
    const slow = await json<Action>(
      call("POST", "/api/v1/actions", {
        name: "slow_hook",
        description: "Never answers in time",
        parameters: { type: "object", properties: {} },
        endpoint: { url: `${receiver.url}/slow` },
        timeoutMs: 1000,
      }),
    );
    const invoked = await json<Invoked>(call("POST", `/api/v1/actions/${slow.body.id}/invoke`, { arguments: {} }));
    expect(invoked.status).toBe(200);
    expect(invoked.body).toMatchObject({ ok: false, status: null, error: expect.stringContaining("1000 ms") });
  });

  it("sends header auth, keeps the stored secret on edits, and reports the endpoint's refusal as ok:false", async () => {
    const created = await json<Action>(
      call("POST", "/api/v1/actions", {
        name: "make_scenario",
        description: "Run a Make scenario",
        parameters: { type: "object", properties: { note: { type: "string" } } },
        endpoint: { url: `${receiver.url}/make`, auth: { type: "header", header: "Authorization", secret: HEADER_SECRET } },
      }),
    );
    const patched = await json<Action>(call("PATCH", `/api/v1/actions/${created.body.id}`, { description: "Run the Make scenario", endpoint: { auth: { type: "header", header: "Authorization" } } }));
    expect(patched.status).toBe(200);
    expect((await json<Invoked>(call("POST", `/api/v1/actions/make_scenario/invoke`, { arguments: { note: "hi" } }))).body).toMatchObject({ ok: true, status: 200 });

    await call("PATCH", `/api/v1/actions/${created.body.id}`, { endpoint: { auth: { type: "header", header: "Authorization", secret: "Bearer wrong-key-0000000000" } } });
    const refused = await json<Invoked>(call("POST", `/api/v1/actions/${created.body.id}/invoke`, { arguments: {} }));
    expect(refused.body).toMatchObject({ ok: false, status: 401, response: { error: "bad key" } });

    const duplicate = await json<Problem>(call("POST", "/api/v1/actions", { name: "make_scenario", description: "x", parameters: {}, endpoint: { url: receiver.url } }));
    expect(duplicate.status).toBe(409);
    expect((await call("DELETE", `/api/v1/actions/${created.body.id}`)).status).toBe(200);
  });

  it("lists file actions as read-only next to database actions and invokes them", async () => {
    const listed = await json<{ data: Action[] }>(call("GET", "/api/v1/actions"));
    const file = listed.body.data.find((action) => action.name === "ping_team");
    expect(file).toMatchObject({ id: "file:ping_team", source: "file", readOnly: true, endpoint: { url: `${receiver.url}/file-hook` } });
    expect(listed.body.data.filter((action) => action.source === "db").map((action) => action.name)).toEqual(["create_trello_card", "slow_hook"]);
    expect((await json<Problem>(call("PATCH", "/api/v1/actions/file:ping_team", { description: "changed" }))).status).toBe(409);
    expect((await json<Problem>(call("DELETE", "/api/v1/actions/file:ping_team"))).status).toBe(409);
    expect((await json<Problem>(call("POST", "/api/v1/actions", { name: "ping_team", description: "x", parameters: {}, endpoint: { url: receiver.url } }))).status).toBe(409);
    const invoked = await json<Invoked>(call("POST", "/api/v1/actions/file:ping_team/invoke", { arguments: { text: "hello" } }));
    expect(invoked.body).toMatchObject({ ok: true, status: 200, response: { received: { text: "hello" } } });
  });

  it("rejects a parameters value that is not a JSON Schema", async () => {
    const bad = await json<Problem>(call("POST", "/api/v1/actions", { name: "bad_schema", description: "x", parameters: { type: "object", properties: { a: { type: "nonsense" } } }, endpoint: { url: receiver.url } }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.field).toBe("parameters");
  });

  it("never returned a secret in any response", () => {
    const everything = seen.join("\n");
    expect(everything).not.toContain(HMAC_SECRET);
    expect(everything).not.toContain(HEADER_SECRET);
  });
});

describe("file actions are enabled per organization by the operator", () => {
  it("reach only the organizations their file names (slug, id or \"*\"); for the others they do not exist", async () => {
    const vip = await createTenant(t.deps, "Vip");
    const other = await createTenant(t.deps, "Other");
    await t.deps.prisma.organization.update({ where: { id: vip.organizationId }, data: { slug: "vip-tenant" } });
    const names = async (tenant: Tenant, path: string) =>
      (await json<{ data: { name: string }[] }>(client(t.app, tenant.apiKey)("GET", path))).body.data.map((entry) => entry.name).sort();

    expect(await names(vip, "/api/v1/actions")).toEqual(["ping_team", "vip_hook"]);
    expect(await names(vip, "/api/v1/tools")).toContain("vip_hook");
    expect(await names(other, "/api/v1/actions")).toEqual(["ping_team"]);
    expect(await names(other, "/api/v1/tools")).not.toContain("vip_hook");
    for (const tenant of [vip, other]) {
      expect(await names(tenant, "/api/v1/tools")).not.toContain("nobody_hook");
    }

    const before = receiver.requests.length;
    const otherCall = client(t.app, other.apiKey);
    expect((await otherCall("GET", "/api/v1/actions/file:vip_hook")).status).toBe(404);
    expect((await otherCall("POST", "/api/v1/actions/file:vip_hook/invoke", { arguments: { text: "hi" } })).status).toBe(404);
    expect((await otherCall("POST", "/api/v1/actions/vip_hook/invoke", { arguments: { text: "hi" } })).status).toBe(404);
    const refused = await otherCall("PUT", `/api/v1/bots/${other.botId}/tools`, { tools: ["vip_hook"] });
    expect(refused.status).toBe(422);
    expect(receiver.requests.length).toBe(before);

    const invoked = await json<Invoked>(client(t.app, vip.apiKey)("POST", "/api/v1/actions/file:vip_hook/invoke", { arguments: { text: "hi" } }));
    expect(invoked.body.ok).toBe(true);
    expect(receiver.requests.at(-1)?.path).toBe("/vip_hook");
  });

  it("name an organization by id too, and a file without organizations reaches none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontdesk-org-actions-"));
    try {
      const hook = (organizations?: unknown) =>
        JSON.stringify({ name: "hook", description: "x", parameters: {}, endpoint: { url: "https://example.com/h" }, ...(organizations === undefined ? {} : { organizations }) });
      writeFileSync(join(dir, "hook.json"), hook());
      expect(loadActionFiles(dir)[0]?.organizations).toEqual([]);
      writeFileSync(join(dir, "hook.json"), hook("everyone"));
      expect(() => loadActionFiles(dir)).toThrow(/hook\.json: organizations/);
      writeFileSync(join(dir, "hook.json"), hook([a.organizationId]));
      const withDir = (tenant: Tenant) => ({ ...tenant.ctx, config: { ...tenant.ctx.config, FRONTDESK_ACTIONS_DIR: dir } });
      expect((await fileCustomActionsFor(withDir(a))).map((action) => action.name)).toEqual(["hook"]);
      const stranger = await createTenant(t.deps, "Stranger");
      expect(await fileCustomActionsFor(withDir(stranger))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("custom action files", () => {
  it("fail start naming the file and the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontdesk-bad-actions-"));
    try {
      writeFileSync(join(dir, "broken.json"), JSON.stringify({ name: "broken", description: "x", parameters: {}, endpoint: { url: "not a url" } }));
      expect(() => loadActionFiles(dir)).toThrow(/broken\.json: endpoint\.url/);
      await expect(createTestApi({ env: { FRONTDESK_ACTIONS_DIR: dir } })).rejects.toThrow(/broken\.json: endpoint\.url/);
      writeFileSync(join(dir, "broken.json"), JSON.stringify({ name: "broken", description: "x", parameters: {}, endpoint: { url: "${UNSET_HOOK_URL_FOR_TEST}" } }));
      expect(() => loadActionFiles(dir, {})).toThrow(/broken\.json: endpoint\.url: environment variable UNSET_HOOK_URL_FOR_TEST is not set/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the repository's seed files load", () => {
    const seeds = loadActionFiles(join(import.meta.dirname, "../../../../config/actions"), {});
    expect(seeds.map((action) => action.name)).toEqual(["create_calendar_event", "create_notion_page", "create_trello_card", "send_gmail_email"]);
  });
});
