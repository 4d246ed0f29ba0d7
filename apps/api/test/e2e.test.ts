import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { createApiKey, setupOwner } from "@frontdesk/core";
import { createTestDatabase } from "@frontdesk/db/testing";
import { PDFDocument, StandardFonts } from "pdf-lib";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDeps, type ApiDeps } from "../src/deps";
import { startServer, type RunningServer } from "../src/start-server";
import { parseSse } from "./support/sse";

// The whole stack over real HTTP: onboarding, API key, multipart uploads of Markdown and PDF, in-process
// ingestion with the real local embedding model, hybrid retrieval and cited answers (JSON and SSE).

const MARKDOWN = `# Office guide

Our office is at 12 Harbour Street, on the third floor. Reception is staffed from 8am to 5pm on weekdays.

## Deliveries

Parcels are accepted at reception. Large deliveries use the loading dock behind the building.
`;

const PDF_LINES = [
  "Facilities handbook",
  "",
  "The emergency generator is tested on the first Tuesday of every month at 7:15am.",
  "The generator test is carried out by technician Marisol Okonkwo from Brightline Power.",
  "During the test the lifts are out of service for about twenty minutes.",
];

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  PDF_LINES.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 22, size: 12, font }));
  return pdf.save();
}

let dataDir: string;
let deps: ApiDeps;
let server: RunningServer;
let apiKey: string;
let botId: string;
let knowledgeBaseId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "frontdesk-e2e-"));
  const config = loadConfig({
    FRONTDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    BETTER_AUTH_SECRET: "e2e-secret-".padEnd(40, "x"),
  });
  deps = await buildDeps(config, { database: await createTestDatabase(), logger: pino({ level: "silent" }) });
  server = await startServer(deps, { port: 0, host: "127.0.0.1" });

  const setup = await setupOwner(deps, { email: "e2e@example.com", password: "e2e-password-1", organizationName: "E2E Clinic" }, deps.auth);
  const created = await createApiKey({ ...deps, organizationId: setup.organizationId, actor: { type: "user", userId: setup.userId, role: "owner" } }, { name: "e2e" });
  apiKey = created.key;
  botId = setup.botId;
  knowledgeBaseId = setup.knowledgeBaseId;
});

afterAll(async () => {
  await server?.close();
  await deps?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, ...init.headers } });

async function uploadFile(name: string, type: string, bytes: Uint8Array | string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type }));
  const response = await api(`/api/v1/knowledge/bases/${knowledgeBaseId}/documents`, { method: "POST", body: form });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; status: string; duplicate: boolean };
  expect(body).toMatchObject({ status: "queued", duplicate: false });
  return body.id;
}

async function waitUntilReady(documentId: string): Promise<{ status: string; chunkCount: number; error: string | null }> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const response = await api(`/api/v1/knowledge/bases/${knowledgeBaseId}/documents/${documentId}`);
    const doc = (await response.json()) as { status: string; chunkCount: number; error: string | null };
    if (doc.status === "ready" || doc.status === "failed") return doc;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`document ${documentId} did not finish ingesting`);
}

describe("end to end over HTTP", () => {
  let pdfId: string;
  let markdownId: string;

  it("ingests a Markdown file and a PDF uploaded as multipart", async () => {
    markdownId = await uploadFile("office-guide.md", "text/markdown", MARKDOWN);
    pdfId = await uploadFile("facilities.pdf", "application/pdf", await makePdf());
    const [markdown, pdf] = await Promise.all([waitUntilReady(markdownId), waitUntilReady(pdfId)]);
    expect(markdown).toMatchObject({ status: "ready", error: null });
    expect(pdf).toMatchObject({ status: "ready", error: null });
    expect(pdf.chunkCount).toBeGreaterThan(0);

    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { embeddings: { model: string } };
    expect(health.embeddings.model).toBe(deps.rag.embeddings.model);
  });

  it("answers a question only the PDF can answer, citing the PDF first (JSON)", async () => {
    const response = await api("/api/v1/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ botId, message: "Who carries out the emergency generator test?" }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { conversationId: string; messageId: string; message: string; citations: { documentId: string; title: string }[] };
    expect(answer.citations[0]?.documentId).toBe(pdfId);
    expect(answer.citations[0]?.title).toBe("facilities.pdf");
    expect(answer.message).toMatch(/Okonkwo/);
  });

  it("streams the answer over SSE: meta, then tokens, then done", async () => {
    const response = await api("/api/v1/chat", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ botId, message: "When is the emergency generator tested?" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(await response.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("meta");
    expect(names.at(-1)).toBe("done");
    const firstToken = names.indexOf("token");
    expect(firstToken).toBeGreaterThan(0);
    expect(firstToken).toBeLessThan(names.indexOf("done"));
    expect(names).not.toContain("error");
    const done = JSON.parse(events.at(-1)?.data ?? "{}") as { citations: { documentId: string }[]; messageId: string };
    expect(done.citations[0]?.documentId).toBe(pdfId);

    const meta = JSON.parse(events[0]?.data ?? "{}") as { conversationId: string; userMessageId: string };
    const conversation = (await (await api(`/api/v1/conversations/${meta.conversationId}`)).json()) as { messages: { id: string; role: string }[] };
    expect(conversation.messages.map((m) => [m.id, m.role])).toEqual([
      [meta.userMessageId, "user"],
      [done.messageId, "assistant"],
    ]);
  });
});
