import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Assistant = Record<string, unknown> & { id: string };

/**
 * Vapi's assistant REST API on 127.0.0.1, as the official SDK talks to it: Bearer private key (else 401), JSON
 * bodies, `id` only in the path (a body `id` is refused like Vapi's validation pipe does), 404 for unknown ids.
 */
export async function startVapiFake(options: { apiKey: string; assistants?: Assistant[] }) {
  const assistants = new Map((options.assistants ?? []).map((assistant) => [assistant.id, assistant]));
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      requests.push({ method: req.method ?? "", path, body });
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) return send(401, { message: "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.", error: "Unauthorized", statusCode: 401 });
      const match = /^\/assistant(?:\/([^/]+))?$/.exec(path);
      if (!match) return send(404, { message: `Cannot ${req.method} ${path}`, statusCode: 404 });
      const id = match[1] ? decodeURIComponent(match[1]) : undefined;
      const invalid = (messages: string[]) => send(400, { message: messages, error: "Bad Request", statusCode: 400 });
      const checkShape = (input: Record<string, unknown> | undefined, creating: boolean): string[] => {
        const problems: string[] = [];
        if (!input || typeof input !== "object") return ["body must be an object"];
        if ("id" in input) problems.push("property id should not exist");
        if (input.name !== undefined && (typeof input.name !== "string" || input.name.length > 40)) problems.push("name must be shorter than or equal to 40 characters");
        const model = input.model as Record<string, unknown> | undefined;
        if (creating && !model) problems.push("model should not be empty");
        if (model && (typeof model.provider !== "string" || typeof model.model !== "string")) problems.push("model.provider and model.model must be strings");
        const server = input.server as Record<string, unknown> | undefined;
        if (server && typeof server.url !== "string") problems.push("server.url must be a URL address");
        return problems;
      };
      const now = new Date().toISOString();
      if (!id && req.method === "GET") return send(200, [...assistants.values()]);
      if (!id && req.method === "POST") {
        const problems = checkShape(body, true);
        if (problems.length > 0) return invalid(problems);
        const created = { ...body, id: randomUUID(), orgId: "org-fake", createdAt: now, updatedAt: now };
        assistants.set(created.id, created);
        return send(201, created);
      }
      const existing = id ? assistants.get(id) : undefined;
      if (!existing) return send(404, { message: "Couldn't Get Assistant. `assistant` Not Found.", error: "Not Found", statusCode: 404 });
      if (req.method === "GET") return send(200, existing);
      if (req.method === "PATCH") {
        const problems = checkShape(body, false);
        if (problems.length > 0) return invalid(problems);
        const updated = { ...existing, ...body, id: existing.id, updatedAt: now };
        assistants.set(existing.id, updated);
        return send(200, updated);
      }
      if (req.method === "DELETE") {
        assistants.delete(existing.id);
        return send(200, existing);
      }
      return send(404, { message: `Cannot ${req.method} ${path}`, statusCode: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    assistants,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
