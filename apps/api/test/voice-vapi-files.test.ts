import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVapiFake } from "./integrations/vapi-fake";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// "Sync to Vapi": a bot's knowledge files kept in Vapi's file store behind a query tool, with the official SDK
// against a local fake of Vapi's REST API (bearer key, multipart uploads, query tools that must list uploaded files).
// Uploads on turning it on, replaces a changed document's file, deletes a deleted document's file, and shows each
// file's status through the API.

const KEY = "vapi-private-key-files-0123456789";
const SECRET = "vapi-files-secret-0123456789";
let vapi: Awaited<ReturnType<typeof startVapiFake>>;
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let assistantId: string;

type FileView = { documentId: string; title: string | null; fileName: string | null; vapiFileId: string | null; status: string; vapiStatus: string | null; error: string | null };
type FilesView = { enabled: boolean; queryToolId: string | null; data: FileView[] };

const upload = (name: string, content: string) => {
  const form = new FormData();
  form.append("file", new File([content], name, { type: "text/markdown" }));
  return form;
};
const filesPath = () => `/api/v1/bots/${a.botId}/vapi/files`;
async function files(): Promise<FilesView> {
  const response = await call("GET", filesPath());
  expect(response.status).toBe(200);
  return (await response.json()) as FilesView;
}
const byTitle = (view: FilesView, title: string) => view.data.find((file) => file.title === title)!;
const queryTool = (view: FilesView) => vapi.tools.get(view.queryToolId!) as unknown as { knowledgeBases: Array<{ provider: string; fileIds: string[] }> };

beforeAll(async () => {
  vapi = await startVapiFake({ apiKey: KEY });
  t = await createTestApi({ env: { INTEGRATION_BASE_URLS: `vapi=${vapi.url}`, PUBLIC_URL: "https://desk.example.com" } });
  a = await createTenant(t.deps, "Vapi files");
  call = client(t.app, a.apiKey);
  const integration = (await (await call("POST", "/api/v1/integrations", { type: "vapi", name: "Vapi", config: { apiKey: KEY } })).json()) as { id: string };
  expect((await call("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: SECRET } })).status).toBe(200);
  const linked = await call("PUT", `/api/v1/bots/${a.botId}/vapi`, { integrationId: integration.id });
  expect(linked.status, await linked.clone().text()).toBe(200);
  assistantId = ((await linked.json()) as { assistantId: string }).assistantId;
  // One after another, so the documents (and their files) keep this order.
  for (const add of [
    () => call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Opening hours", text: "We open at 8am on weekdays and at 10am on Saturdays." }),
    () => call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, upload("parking.md", "# Parking\n\nParking is free behind the building.")),
    () => call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/faqs`, { question: "Do you take walk-ins?", answer: "Yes, until 4pm." }),
  ]) {
    const response = await add();
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  }
  await t.deps.events.drain();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await vapi?.close();
});

describe("sync to Vapi", () => {
  it("is off by default; turning it on without a linked assistant or integration is a 409", async () => {
    expect(await files()).toMatchObject({ enabled: false, queryToolId: null, data: [] });
    const other = (await (await call("POST", "/api/v1/bots", { name: "Unlinked" })).json()) as { id: string };
    const response = await call("PUT", `/api/v1/bots/${other.id}/vapi/files`, {});
    expect(response.status).toBe(409);
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("integrationId");
  });

  it("uploads every document as a multipart file, behind a query tool the linked assistant uses", async () => {
    const started = await call("PUT", filesPath(), {});
    const view = (await started.json()) as FilesView;
    expect(started.status, JSON.stringify(view)).toBe(200);
    expect(view.enabled).toBe(true);
    // The sync runs as a job queued by this PUT; in process it can finish before the view is read (seen in CI).
    expect(view.data.map((file) => file.status)).toEqual([expect.stringMatching(/^(pending|synced)$/), expect.stringMatching(/^(pending|synced)$/), expect.stringMatching(/^(pending|synced)$/)]);
    await t.deps.events.drain();

    const synced = await files();
    expect(synced.data.map((file) => [file.title, file.status, file.vapiStatus])).toEqual([
      ["Opening hours", "synced", "processing"],
      ["Parking", "synced", "processing"],
      ["Do you take walk-ins?", "synced", "processing"],
    ]);
    expect(vapi.files.size).toBe(3);
    expect(vapi.files.get(byTitle(synced, "Parking").vapiFileId!)).toMatchObject({ name: "parking.md", mimetype: "text/markdown", content: "# Parking\n\nParking is free behind the building." });
    expect(vapi.files.get(byTitle(synced, "Opening hours").vapiFileId!)?.content).toContain("We open at 8am on weekdays");
    expect(vapi.files.get(byTitle(synced, "Do you take walk-ins?").vapiFileId!)).toMatchObject({ mimetype: "text/plain", content: "Q: Do you take walk-ins?\nA: Yes, until 4pm." });
    for (const request of vapi.requests.filter((entry) => entry.path === "/file" && entry.method === "POST")) expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);

    const tool = queryTool(synced);
    expect(tool.knowledgeBases).toEqual([expect.objectContaining({ provider: "google", fileIds: synced.data.map((file) => file.vapiFileId) })]);
    const assistant = vapi.assistants.get(assistantId) as unknown as { model: { toolIds?: string[]; messages: unknown[] } };
    expect(assistant.model.toolIds).toEqual([synced.queryToolId]);
    expect(assistant.model.messages).toEqual([expect.objectContaining({ role: "system" })]); // the rest of the model kept

    // assistant-requests get the query tool too, instead of the custom knowledge base.
    const answer = await client(t.app)("POST", `/api/webhooks/vapi/${a.botPublicKey}`, { message: { type: "assistant-request", timestamp: Date.now() } }, { "x-vapi-secret": SECRET });
    const model = ((await answer.json()) as { assistant: { model: Record<string, unknown> } }).assistant.model;
    expect(model.toolIds).toEqual([synced.queryToolId]);
    expect(model).not.toHaveProperty("knowledgeBase");

    // The next sync reads Vapi's processing status back.
    expect((await call("PUT", filesPath(), {})).status).toBe(200);
    await t.deps.events.drain();
    expect((await files()).data.map((file) => file.vapiStatus)).toEqual(["done", "done", "done"]);
  });

  it("replaces a changed document's file: new file uploaded and in the tool, old one deleted", async () => {
    const before = byTitle(await files(), "Parking");
    const replaced = await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, upload("parking.md", "# Parking\n\nParking costs 2 euros an hour now."));
    expect(((await replaced.json()) as { replaced: boolean }).replaced).toBe(true);
    await t.deps.events.drain();

    const after = await files();
    const parking = byTitle(after, "Parking");
    expect(parking).toMatchObject({ status: "synced", documentId: before.documentId });
    expect(parking.vapiFileId).not.toBe(before.vapiFileId);
    expect(vapi.files.has(before.vapiFileId!)).toBe(false);
    expect(vapi.files.get(parking.vapiFileId!)?.content).toContain("2 euros an hour");
    expect(queryTool(after).knowledgeBases[0]!.fileIds).toContain(parking.vapiFileId);
    expect(vapi.files.size).toBe(3);
  });

  it("deletes a deleted document's file from Vapi and from the tool", async () => {
    const hours = byTitle(await files(), "Opening hours");
    expect((await call("DELETE", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents/${hours.documentId}`)).status).toBeLessThan(300);
    await t.deps.events.drain();
    const after = await files();
    expect(after.data.map((file) => file.title)).toEqual(["Parking", "Do you take walk-ins?"]);
    expect(vapi.files.has(hours.vapiFileId!)).toBe(false);
    expect(queryTool(after).knowledgeBases[0]!.fileIds).toEqual(after.data.map((file) => file.vapiFileId));
  });

  it("shows a refused upload as failed with Vapi's error, and retries it at the next sync", async () => {
    vapi.faults.uploadsToRefuse = 1;
    expect((await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Prices", text: "A consultation costs 40 euros." })).status).toBe(201);
    await t.deps.events.drain();
    const failed = byTitle(await files(), "Prices");
    expect(failed).toMatchObject({ status: "failed", vapiFileId: null });
    expect(failed.error).toMatch(/503/);

    expect((await call("PUT", filesPath(), {})).status).toBe(200);
    await t.deps.events.drain();
    const retried = byTitle(await files(), "Prices");
    expect(retried).toMatchObject({ status: "synced", error: null });
    expect(vapi.files.get(retried.vapiFileId!)?.content).toContain("40 euros");
  });

  it("turning it off deletes the files and the query tool, and the assistant stops using it", async () => {
    const toolId = (await files()).queryToolId!;
    const stopped = await call("DELETE", filesPath());
    expect(stopped.status).toBe(200);
    expect((await stopped.json()) as FilesView).toMatchObject({ enabled: false, queryToolId: null, data: [] });
    expect(vapi.files.size).toBe(0);
    expect(vapi.tools.has(toolId)).toBe(false);
    expect((vapi.assistants.get(assistantId) as unknown as { model: { toolIds?: string[] } }).model.toolIds).toEqual([]);
  });
});
