import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/start-server";
import { openEndedPost } from "./support/raw-request";
import { lateReadingUpload } from "./support/late-reading-upload";
import { streamMultipartUpload } from "./support/stream-multipart-upload";
import { createTenant, createTestApi } from "./support/test-api";

// The admin's file upload (POST /api/admin/knowledge/bases/:id/documents): session cookie auth, and the
// size limit enforced while the body streams, over a real socket.

const LIMIT = 64 * 1024;

let t: Awaited<ReturnType<typeof createTestApi>>;
let server: RunningServer;
let cookie: string;
let knowledgeBaseId: string;
let origin: string;

beforeAll(async () => {
  t = await createTestApi({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
  server = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  origin = t.deps.config.adminUrl;
  const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: "uploader@example.com", password: "password-123", name: "Uploader" }),
  });
  expect(signUp.status).toBe(200);
  cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  // What the admin's sign-up page does next: an organization (default bot + knowledge base), made active.
  const created = await fetch(`${server.url}/api/trpc/organization.create`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify({ name: "Uploads" }),
  });
  expect(created.status).toBe(200);
  knowledgeBaseId = ((await created.json()) as { result: { data: { defaultKnowledgeBaseId: string } } }).result.data.defaultKnowledgeBaseId;
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const uploadPath = (kb = knowledgeBaseId) => `/api/admin/knowledge/bases/${kb}/documents`;
const form = (name: string, content: string) => {
  const body = new FormData();
  body.set("file", new File([content], name, { type: "text/plain" }));
  body.set("tags", "hours, faq");
  return body;
};
const post = (body: FormData, headers: Record<string, string> = { cookie, origin }, kb?: string) =>
  fetch(`${server.url}${uploadPath(kb)}`, { method: "POST", headers, body });

/** The streamed upload helper with the body parsed as JSON. */
async function streamUpload(totalBytes: number, headers: Record<string, string>) {
  const answer = await streamMultipartUpload(`${server.url}${uploadPath()}`, totalBytes, headers);
  return { ...answer, body: JSON.parse(answer.body) as unknown };
}

describe("admin upload route", () => {
  it("uploads a file with the session cookie (201), identical bytes again are a duplicate (200)", async () => {
    const response = await post(form("hours.txt", "We open at nine and close at five."));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      kind: "document",
      title: "hours.txt",
      sourceKind: "file",
      status: "queued",
      tags: ["hours", "faq"],
      duplicate: false,
      replaced: false,
    });
    const again = await post(form("hours.txt", "We open at nine and close at five."));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
  });

  it("refuses an oversized file with 413 naming `file` while the client is still sending, without reading the rest", async () => {
    const total = 64 * 1024 * 1024; // 1000 × the limit
    const result = await streamUpload(total, { cookie, origin });
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      code: "payload_too_large",
      title: "file is larger than the 64 KB limit",
      errors: [{ field: "file", message: "must be at most 64 KB" }],
    });
    // Answered mid-upload: the server stopped reading a little past the limit (socket buffers aside), and the
    // client never got to send the rest.
    expect(result.stillSending).toBe(true);
    expect(result.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    expect(result.sentTotal).toBeLessThan(total / 2);
    expect(await t.deps.prisma.document.count({ where: { title: "huge.txt" } })).toBe(0);
  });

  // Retried: a loopback client and server share one event loop here, and on a CI machine running two test files at
  // once this has (once in many runs, never reproduced under local CPU load) read a reset; a server that closes under
  // arriving bytes resets every time, so a retry still catches that.
  it("keeps the connection open after its 413 while the body still arrives, so a client that reads late gets the answer", { retry: 2 }, async () => {
    // A relay on a loaded machine (the admin's Next) reads its socket only 1.5 s after the API has answered, sending
    // on meanwhile. Closing the connection under those arriving bytes resets it and the unread 413 is lost.
    const answer = await lateReadingUpload(`${server.url}${uploadPath()}`, { cookie, origin }, { readAfterMs: 1500, chunkBytes: 16 * 1024, everyMs: 5, maxBytes: 32 * 1024 * 1024 });
    expect(answer.cut).toBeUndefined();
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large", errors: [{ field: "file", message: "must be at most 64 KB" }] });
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    // Only the part header is ever sent: an answer can only come from the declared length.
    const boundary = "----frontdesk-admin-upload";
    const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const answer = await openEndedPost(`${server.url}${uploadPath()}`, {
      headers: { cookie, origin, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(LIMIT * 40) },
      head: fileHead,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large", errors: [{ field: "file" }] });
  });

  it("needs a session, a trusted Origin, multipart and a knowledge base of the user's organization", async () => {
    const signedOut = await streamUpload(64 * 1024 * 1024, { origin });
    expect(signedOut).toMatchObject({ status: 401, body: { code: "unauthorized" }, stillSending: true });
    expect(signedOut.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024);

    const otherSite = await post(form("a.txt", "From elsewhere."), { cookie, origin: "https://evil.example" });
    expect(otherSite.status).toBe(403);
    expect(await otherSite.json()).toMatchObject({ code: "forbidden" });

    const json = await fetch(`${server.url}${uploadPath()}`, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json" },
      body: JSON.stringify({ title: "x", text: "y" }),
    });
    expect(json.status).toBe(415);

    const noFile = new FormData();
    noFile.set("title", "Nothing attached");
    const missing = await post(noFile);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: "validation_failed", errors: [{ field: "file" }] });

    const other = await createTenant(t.deps, "Other");
    const foreign = await post(form("b.txt", "Not yours."), { cookie, origin }, other.knowledgeBaseId);
    expect(foreign.status).toBe(404);
  });
});
