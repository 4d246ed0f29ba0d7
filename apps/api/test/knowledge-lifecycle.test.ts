import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readSentenceVectors } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";
import { REFUSED_BODY_DROP } from "../src/limits/refused-body";

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;

const LIMIT = 64 * 1024;

beforeAll(async () => {
  t = await createTestApi({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
  a = await createTenant(t.deps, "Lifecycle");
  call = client(t.app, a.apiKey);
});
afterAll(() => t?.close());

async function json<T>(response: Response | Promise<Response>, status: number): Promise<T> {
  const res = await response;
  const body = (await res.json()) as T;
  expect({ status: res.status, body }).toMatchObject({ status });
  return body;
}

function upload(name: string, content: string | Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([content], name));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

const newKb = async (name: string) => (await json<{ id: string }>(call("POST", "/api/v1/knowledge/bases", { name }), 201)).id;

interface Doc {
  id: string;
  status: string;
  stage: string | null;
  progress: number;
  attempts: number;
  error: string | null;
  tags: string[];
  chunkCount: number;
  contentHash: string;
}

describe("FAQ endpoints", () => {
  it("creates, updates, lists, edits and deletes FAQ pairs, each one document with exactly one chunk", async () => {
    const kb = await newKb("FAQ");
    const created = await json<Doc & { outcome: string; sourceUri: string }>(
      call("POST", `/api/v1/knowledge/bases/${kb}/faqs`, { question: "When do you open?", answer: "At 9 on weekdays.", tags: ["hours"] }),
      201,
    );
    expect(created).toMatchObject({ outcome: "created", sourceKind: "faq", sourceUri: "faq:when do you open", tags: ["hours"] });
    await t.deps.events.drain();
    const chunks = () => t.deps.prisma.chunk.findMany({ where: { documentId: created.id }, select: { content: true } });
    expect(await chunks()).toEqual([{ content: "Q: When do you open?\nA: At 9 on weekdays." }]);
    // The answer's vector (under its question) is stored with the chunk, for extractive answers.
    const [stored] = await t.deps.prisma.chunk.findMany({ where: { documentId: created.id }, select: { sentenceVectors: true } });
    expect(readSentenceVectors(stored!.sentenceVectors!).vectorOf("When do you open? At 9 on weekdays.")).toBeDefined();

    const again = await json<Doc & { outcome: string }>(
      call("POST", `/api/v1/knowledge/bases/${kb}/faqs`, { question: "When do you open?", answer: "At 8 on weekdays." }),
      200,
    );
    expect(again).toMatchObject({ id: created.id, outcome: "updated" });
    await t.deps.events.drain();
    expect(await chunks()).toEqual([{ content: "Q: When do you open?\nA: At 8 on weekdays." }]);

    const patched = await json<Doc>(call("PATCH", `/api/v1/knowledge/faqs/${created.id}`, { answer: "At 7.", tags: ["hours", "new"] }), 200);
    expect(patched).toMatchObject({ tags: ["hours", "new"] });
    await t.deps.events.drain();
    expect(await chunks()).toEqual([{ content: "Q: When do you open?\nA: At 7." }]);
    expect(await t.deps.prisma.document.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "ready", chunkCount: 1, stage: null, progress: 100 });

    await json(call("POST", `/api/v1/knowledge/bases/${kb}/faqs`, { question: "Parking?", answer: "Garage B." }), 201);
    const page = await json<{ data: Array<{ question: string }>; nextCursor: string | null }>(call("GET", `/api/v1/knowledge/bases/${kb}/faqs?limit=1`), 200);
    expect(page.data.map((faq) => faq.question)).toEqual(["When do you open?"]);
    const next = await json<{ data: Array<{ question: string }>; nextCursor: string | null }>(
      call("GET", `/api/v1/knowledge/bases/${kb}/faqs?limit=1&cursor=${page.nextCursor}`),
      200,
    );
    expect(next).toMatchObject({ data: [{ question: "Parking?" }], nextCursor: null });

    await json(call("DELETE", `/api/v1/knowledge/faqs/${created.id}`), 200);
    expect(await chunks()).toEqual([]);
    await json(call("DELETE", `/api/v1/knowledge/faqs/${created.id}`), 404);
  });

  it("bulk-imports 10,000 pairs through the batched FAQ ingestion: every one ready with one chunk", async () => {
    const kb = await newKb("Bulk FAQ");
    const items = Array.from({ length: 10_000 }, (_, i) => ({ question: `How does feature ${i} work?`, answer: `Feature ${i} works like this: step ${i}.` }));
    const result = await json(call("POST", `/api/v1/knowledge/bases/${kb}/faqs/bulk`, { items }), 201);
    expect(result).toEqual({ kind: "faqs", total: 10_000, created: 10_000, updated: 0, unchanged: 0, duplicate: false });
    await t.deps.events.drain();
    const stats = await json<{ documents: Record<string, number>; chunks: number }>(call("GET", `/api/v1/knowledge/bases/${kb}/stats`), 200);
    expect(stats).toMatchObject({ documents: { total: 10_000, ready: 10_000, failed: 0 }, chunks: 10_000 });
    const [row] = await t.deps.prisma.$queryRaw<Array<{ multi: bigint }>>`
      SELECT count(*) AS multi FROM (SELECT "documentId" FROM chunk WHERE "knowledgeBaseId" = ${kb} GROUP BY "documentId" HAVING count(*) <> 1) x`;
    expect(Number(row!.multi)).toBe(0);
  }, 600_000);

  it("rejects a bulk import with bad rows (422 listing each row) and inserts nothing", async () => {
    const kb = await newKb("Bad bulk");
    const items = [
      { question: "Fine?", answer: "Yes." },
      { question: "", answer: "No question" },
      { question: "No answer?" },
      { question: "Fine?", answer: "Duplicate question" },
    ];
    const problem = await json<{ status: number; errors: Array<{ row: number; field: string; message: string }> }>(
      call("POST", `/api/v1/knowledge/bases/${kb}/faqs/bulk`, { items }),
      422,
    );
    expect(problem.errors.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 1, field: "question" },
      { row: 2, field: "answer" },
      { row: 3, field: "question" },
    ]);
    expect(await t.deps.prisma.document.count({ where: { knowledgeBaseId: kb } })).toBe(0);
    await json(call("POST", `/api/v1/knowledge/bases/${kb}/faqs/bulk`, { items: [] }), 422);
  });

  it("a question/answer CSV upload becomes FAQ documents", async () => {
    const kb = await newKb("CSV FAQ");
    const result = await json(
      call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("faq.csv", "Q,A\nDo you deliver?,Yes\nGift cards?,Online only\n", { tags: "shop" })),
      201,
    );
    expect(result).toMatchObject({ kind: "faqs", created: 2 });
    await t.deps.events.drain();
    const faqs = await json<{ data: Array<{ question: string; tags: string[]; status: string }> }>(call("GET", `/api/v1/knowledge/bases/${kb}/faqs`), 200);
    expect(faqs.data).toMatchObject([
      { question: "Do you deliver?", tags: ["shop"], status: "ready" },
      { question: "Gift cards?", tags: ["shop"], status: "ready" },
    ]);
  });
});

describe("document lifecycle", () => {
  it("tags text, URL and file documents, filters by them and returns progress fields", async () => {
    const kb = await newKb("Tags");
    const text = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, { title: "Pets", text: "Dogs welcome.", tags: ["pets", "policy"] }), 201);
    expect(text).toMatchObject({ tags: ["pets", "policy"], stage: "queued", progress: 0, attempts: 0, error: null });
    const url = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, { url: "https://example.com/a", tags: ["web"] }), 201);
    expect(url.tags).toEqual(["web"]);
    const file = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("a.md", "# A\n\nText.", { tags: "policy, docs" })), 201);
    expect(file.tags).toEqual(["policy", "docs"]);
    const tagged = await json<{ data: Doc[] }>(call("GET", `/api/v1/knowledge/bases/${kb}/documents?tag=policy`), 200);
    expect(tagged.data.map((doc) => doc.id).sort()).toEqual([text.id, file.id].sort());
    await t.deps.events.drain();
    const done = await json<Doc>(call("GET", `/api/v1/knowledge/bases/${kb}/documents/${text.id}`), 200);
    expect(done).toMatchObject({ status: "ready", stage: null, progress: 100, attempts: 1 });
  });

  it("retries a failed document (attempts go up) and refuses ready ones with 409", async () => {
    const kb = await newKb("Retry");
    const broken = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("scan.pdf", "%PDF-1.4 garbage")), 201);
    await t.deps.events.drain();
    const failed = await json<Doc>(call("GET", `/api/v1/knowledge/bases/${kb}/documents/${broken.id}`), 200);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, stage: null });
    expect(failed.error).toMatch(/PDF/);

    const retried = await json<Doc>(call("POST", `/api/v1/knowledge/documents/${broken.id}/retry`), 202);
    expect(retried).toMatchObject({ status: "queued", error: null });
    await t.deps.events.drain();
    expect(await json<Doc>(call("GET", `/api/v1/knowledge/bases/${kb}/documents/${broken.id}`), 200)).toMatchObject({ status: "failed", attempts: 2 });

    const ok = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, { title: "Fine", text: "All good." }), 201);
    await t.deps.events.drain();
    const conflict = await json<{ code: string }>(call("POST", `/api/v1/knowledge/documents/${ok.id}/retry`), 409);
    expect(conflict.code).toBe("conflict");
    await json(call("POST", "/api/v1/knowledge/documents/nope/retry"), 404);
  });

  it("a changed file replaces its document's chunks in one swap: readers see the old set or the new one, never none or a mix", async () => {
    const kb = await newKb("Versions");
    const version = (word: string) => Array.from({ length: 40 }, (_, i) => `## Part ${i}\n\n${word} paragraph ${i} ${"lorem ipsum ".repeat(30)}`).join("\n\n");
    const v1 = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("guide.md", version("alpha"))), 201);
    await t.deps.events.drain();
    const readyChunks = async () =>
      t.deps.prisma.$queryRaw<Array<{ content: string }>>`
        SELECT c.content FROM chunk c JOIN document d ON d.id = c."documentId"
        WHERE c."documentId" = ${v1.id} AND d.status = 'ready'`;
    const before = await readyChunks();
    expect(before.length).toBeGreaterThan(3);

    const v2 = await json<Doc & { replaced: boolean }>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("guide.md", version("beta"))), 201);
    expect(v2).toMatchObject({ id: v1.id, replaced: true, status: "ready" });
    const seen: string[] = [];
    let settled = false;
    const ingestion = t.deps.events.drain().then(() => (settled = true));
    while (!settled) {
      const rows = await readyChunks();
      const kinds = new Set(rows.map((row) => (row.content.includes("alpha") ? "old" : row.content.includes("beta") ? "new" : "other")));
      seen.push(rows.length === 0 ? "none" : [...kinds].sort().join("+"));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await ingestion;
    expect(seen.every((state) => state === "old" || state === "new")).toBe(true);
    const after = await readyChunks();
    expect(after.length).toBeGreaterThan(3);
    expect(after.every((row) => row.content.includes("beta"))).toBe(true);
    expect(await t.deps.prisma.document.count({ where: { knowledgeBaseId: kb } })).toBe(1);

    // The same content again is a no-op.
    expect(await json(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("guide.md", version("beta"))), 200)).toMatchObject({ duplicate: true });
  }, 120_000);

  it("delete removes chunks and the stored file; clear removes every file but keeps the settings", async () => {
    const kb = (await json<{ id: string }>(call("POST", "/api/v1/knowledge/bases", { name: "Files", chunkSize: 300 }), 201)).id;
    const one = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("one.txt", "First file.")), 201);
    const two = await json<Doc>(call("POST", `/api/v1/knowledge/bases/${kb}/documents`, upload("two.txt", "Second file.")), 201);
    await t.deps.events.drain();
    const dir = (id: string) => join(t.dataDir, "uploads", a.organizationId, id);
    expect(readdirSync(dir(one.id))).toEqual(["one.txt"]);
    await json(call("DELETE", `/api/v1/knowledge/bases/${kb}/documents/${one.id}`), 200);
    expect(existsSync(dir(one.id))).toBe(false);
    expect(await t.deps.prisma.chunk.count({ where: { documentId: one.id } })).toBe(0);

    expect(existsSync(dir(two.id))).toBe(true);
    await json(call("POST", `/api/v1/knowledge/bases/${kb}/clear`), 200);
    expect(existsSync(dir(two.id))).toBe(false);
    expect(await json(call("GET", `/api/v1/knowledge/bases/${kb}`), 200)).toMatchObject({ chunkSize: 300, documentCount: 0 });
  });
});

describe("upload size limit while streaming", () => {
  it("cuts off a streamed multipart body at the limit, reading no more than the drop cap of the rest (413 naming file and limit)", async () => {
    const boundary = "----frontdesk-test-boundary";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const piece = new Uint8Array(16 * 1024).fill(120);
    const claimed = 1024 * 1024 * 1024; // a 1 GB body that is never built: pieces are made as they are pulled
    let pulled = 0;
    let sentHead = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sentHead) {
          sentHead = true;
          controller.enqueue(head);
          return;
        }
        if (pulled >= claimed) return controller.close();
        pulled += piece.byteLength;
        controller.enqueue(piece);
      },
    });
    const response = await t.app.request(`/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.apiKey}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: "payload_too_large",
      title: "file is larger than the 64 KB limit",
      errors: [{ field: "file", message: "must be at most 64 KB" }],
    });
    // The limit was read, then the refused rest only up to the drop cap (so a client still reads the 413 on an open
    // connection): never the gigabyte behind it.
    expect(pulled).toBeLessThan(LIMIT + REFUSED_BODY_DROP.maxBytes + 1024 * 1024);
    expect(await t.deps.prisma.document.count({ where: { title: "huge.txt" } })).toBe(0);
  });
});
