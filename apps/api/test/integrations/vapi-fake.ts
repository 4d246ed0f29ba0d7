import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Assistant = Record<string, unknown> & { id: string };
type Json = Record<string, unknown>;
/** A file in the fake's store, with the bytes it was sent. */
export type FakeVapiFile = Json & { id: string; name: string; bytes: number; mimetype: string; status: string; content: string };
type Tool = Json & { id: string; type: string };
type Reply = { status: number; body: unknown };

const badRequest = (messages: string[]): Reply => ({ status: 400, body: { message: messages, error: "Bad Request", statusCode: 400 } });
const notFound = (what: string): Reply => ({ status: 404, body: { message: `Couldn't Get ${what}. \`${what.toLowerCase()}\` Not Found.`, error: "Not Found", statusCode: 404 } });

function checkAssistant(input: Json | undefined, creating: boolean, tools: Map<string, Tool>): string[] {
  const problems: string[] = [];
  if (!input || typeof input !== "object") return ["body must be an object"];
  if ("id" in input) problems.push("property id should not exist");
  if (input.name !== undefined && (typeof input.name !== "string" || input.name.length > 40)) problems.push("name must be shorter than or equal to 40 characters");
  const model = input.model as Json | undefined;
  if (creating && !model) problems.push("model should not be empty");
  if (model && (typeof model.provider !== "string" || typeof model.model !== "string")) problems.push("model.provider and model.model must be strings");
  const toolIds = model?.toolIds;
  if (toolIds !== undefined && (!Array.isArray(toolIds) || toolIds.some((id) => typeof id !== "string" || !tools.has(id)))) problems.push("model.toolIds must be ids of existing tools");
  const server = input.server as Json | undefined;
  if (server && typeof server.url !== "string") problems.push("server.url must be a URL address");
  return problems;
}

/** A query tool as Vapi's docs describe it: knowledgeBases of provider google, each with a name, description and existing fileIds. */
function checkQueryTool(input: Json | undefined, files: Map<string, FakeVapiFile>): string[] {
  if (!input || typeof input !== "object") return ["body must be an object"];
  const problems: string[] = [];
  if ("id" in input) problems.push("property id should not exist");
  if (input.type !== "query") problems.push("type must be one of the following values: query, function, …");
  const bases = input.knowledgeBases;
  if (!Array.isArray(bases) || bases.length === 0) return [...problems, "knowledgeBases must contain at least 1 elements"];
  for (const base of bases as Json[]) {
    if (base.provider !== "google") problems.push("knowledgeBases.provider must be one of the following values: google");
    if (typeof base.name !== "string" || base.name.length === 0 || base.name.length > 40) problems.push("knowledgeBases.name must be a string of 1-40 characters");
    if (typeof base.description !== "string" || base.description.length === 0) problems.push("knowledgeBases.description must be a string");
    const fileIds = base.fileIds;
    if (!Array.isArray(fileIds) || fileIds.length === 0) problems.push("knowledgeBases.fileIds must contain at least 1 elements");
    else if (fileIds.some((id) => typeof id !== "string" || !files.has(id))) problems.push("knowledgeBases.fileIds must be ids of uploaded files");
  }
  return problems;
}

/** Reads `POST /file`'s multipart body the way a server would (the platform's own multipart parser). */
async function readUpload(req: IncomingMessage, raw: Buffer, files: Map<string, FakeVapiFile>): Promise<Reply> {
  const contentType = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) return badRequest(["Content-Type must be multipart/form-data with a boundary"]);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
  } catch {
    return badRequest(["malformed multipart body"]);
  }
  const file = form.get("file");
  if (!(file instanceof File)) return badRequest(["file should not be empty"]);
  if (!file.name || file.size === 0) return badRequest(["file must have a name and content"]);
  const now = new Date().toISOString();
  const mimetype = file.type || "application/octet-stream";
  const id = randomUUID();
  const stored: FakeVapiFile = {
    id,
    orgId: "org-fake",
    object: "file",
    status: "processing",
    name: file.name,
    originalName: file.name,
    bytes: file.size,
    mimetype,
    purpose: form.get("purpose") ?? undefined,
    url: `https://storage.vapi.example/${id}/${encodeURIComponent(file.name)}`,
    createdAt: now,
    updatedAt: now,
    content: Buffer.from(await file.arrayBuffer()).toString("utf8"),
  };
  files.set(id, stored);
  const { content: _content, ...visible } = stored;
  return { status: 201, body: visible };
}

/**
 * Vapi's REST API on 127.0.0.1, as the official SDK talks to it: Bearer private key (else 401), `id` only in the
 * path (a body `id` is refused like Vapi's validation pipe does), 404 for unknown ids. Assistants (`/assistant`),
 * the file store (`/file`, multipart uploads, processing when uploaded and done once read back) and query tools
 * (`/tool`, whose knowledge bases must list uploaded files).
 */
export async function startVapiFake(options: { apiKey: string; assistants?: Assistant[] }) {
  const assistants = new Map((options.assistants ?? []).map((assistant) => [assistant.id, assistant]));
  const files = new Map<string, FakeVapiFile>();
  const tools = new Map<string, Tool>();
  const requests: Array<{ method: string; path: string; body: unknown; contentType: string | undefined }> = [];
  /** Uploads to refuse next (503), to see a failed file and its retry. */
  const faults = { uploadsToRefuse: 0 };

  async function route(req: IncomingMessage, raw: Buffer): Promise<Reply> {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const isJson = /json/i.test(req.headers["content-type"] ?? "");
    const text = isJson ? raw.toString("utf8") : "";
    const body = text ? (JSON.parse(text) as Json) : undefined;
    requests.push({ method, path, body: isJson ? body : `<${raw.byteLength} bytes>`, contentType: req.headers["content-type"] });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return { status: 401, body: { message: "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.", error: "Unauthorized", statusCode: 401 } };
    }
    const match = /^\/(assistant|file|tool)(?:\/([^/]+))?$/.exec(path);
    if (!match) return { status: 404, body: { message: `Cannot ${method} ${path}`, statusCode: 404 } };
    const [, resource, rawId] = match;
    const id = rawId ? decodeURIComponent(rawId) : undefined;
    const now = new Date().toISOString();

    if (resource === "file") {
      if (!id && method === "POST") {
        if (faults.uploadsToRefuse > 0) {
          faults.uploadsToRefuse -= 1;
          return { status: 503, body: { message: "Service Unavailable", statusCode: 503 } };
        }
        return readUpload(req, raw, files);
      }
      const file = id ? files.get(id) : undefined;
      if (!file) return notFound("File");
      const { content: _content, ...visible } = file;
      if (method === "GET") {
        // Processing has finished by the time anyone looks again.
        if (file.status === "processing") files.set(file.id, { ...file, status: "done", updatedAt: now });
        return { status: 200, body: { ...visible, status: "done" } };
      }
      if (method === "DELETE") {
        files.delete(file.id);
        return { status: 200, body: visible };
      }
      return { status: 404, body: { message: `Cannot ${method} ${path}`, statusCode: 404 } };
    }

    if (resource === "tool") {
      if (!id && method === "POST") {
        const problems = checkQueryTool(body, files);
        if (problems.length > 0) return badRequest(problems);
        const created: Tool = { ...body, type: "query", id: randomUUID(), orgId: "org-fake", createdAt: now, updatedAt: now };
        tools.set(created.id, created);
        return { status: 201, body: created };
      }
      const tool = id ? tools.get(id) : undefined;
      if (!tool) return notFound("Tool");
      if (method === "GET") return { status: 200, body: tool };
      if (method === "PATCH") {
        const problems = checkQueryTool(body, files);
        if (problems.length > 0) return badRequest(problems);
        const updated = { ...tool, ...body, id: tool.id, updatedAt: now } as Tool;
        tools.set(tool.id, updated);
        return { status: 200, body: updated };
      }
      if (method === "DELETE") {
        tools.delete(tool.id);
        return { status: 200, body: tool };
      }
      return { status: 404, body: { message: `Cannot ${method} ${path}`, statusCode: 404 } };
    }

    if (!id && method === "GET") return { status: 200, body: [...assistants.values()] };
    if (!id && method === "POST") {
      const problems = checkAssistant(body, true, tools);
      if (problems.length > 0) return badRequest(problems);
      const created = { ...body, id: randomUUID(), orgId: "org-fake", createdAt: now, updatedAt: now };
      assistants.set(created.id, created);
      return { status: 201, body: created };
    }
    const existing = id ? assistants.get(id) : undefined;
    if (!existing) return notFound("Assistant");
    if (method === "GET") return { status: 200, body: existing };
    if (method === "PATCH") {
      const problems = checkAssistant(body, false, tools);
      if (problems.length > 0) return badRequest(problems);
      const updated = { ...existing, ...body, id: existing.id, updatedAt: now };
      assistants.set(existing.id, updated);
      return { status: 200, body: updated };
    }
    if (method === "DELETE") {
      assistants.delete(existing.id);
      return { status: 200, body: existing };
    }
    return { status: 404, body: { message: `Cannot ${method} ${path}`, statusCode: 404 } };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      route(req, Buffer.concat(chunks)).then(
        ({ status, body }) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: String(error), statusCode: 500 }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    assistants,
    files,
    tools,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
