import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let callA: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApi({ env: { UPLOAD_MAX_BYTES: String(64 * 1024) } });
  a = await createTenant(t.deps, "Alpha");
  b = await createTenant(t.deps, "Beta");
  callA = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
});
afterAll(() => t?.close());

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const body = (await response.json()) as { type: string; title: string; status: number; code: string; errors?: { field: string; message: string }[] };
  expect(body.status).toBe(status);
  expect(body.type).toBe(`https://frontdesk.dev/problems/${body.code}`);
  return body;
}

function upload(name: string, content: string | Uint8Array, type = "", title?: string) {
  const form = new FormData();
  form.append("file", new File([content], name, type ? { type } : {}));
  if (title) form.append("title", title);
  return form;
}

describe("knowledge bases", () => {
  it("creates, lists, reads, updates and deletes, pinned to the server's embedding model", async () => {
    const created = await callA("POST", "/api/v1/knowledge/bases", { name: "Policies", description: "HR" });
    expect(created.status).toBe(201);
    const kb = (await created.json()) as { id: string; name: string; embeddingModel: string; embeddingDimensions: number; chunkSize: number };
    expect(kb).toMatchObject({ name: "Policies", embeddingModel: "test/synthetic-384", embeddingDimensions: 384, chunkSize: 500 });

    const list = (await (await callA("GET", "/api/v1/knowledge/bases")).json()) as { data: { id: string }[] };
    expect(list.data.map((x) => x.id)).toContain(kb.id);

    const patched = await callA("PATCH", `/api/v1/knowledge/bases/${kb.id}`, { name: "Policies v2", chunkSize: 800 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: kb.id, name: "Policies v2", chunkSize: 800 });

    expect((await callA("DELETE", `/api/v1/knowledge/bases/${kb.id}`)).status).toBe(200);
    await problem(await callA("GET", `/api/v1/knowledge/bases/${kb.id}`), 404);
  });

  it("names the offending fields on validation errors", async () => {
    const body = await problem(await callA("POST", "/api/v1/knowledge/bases", { name: "", chunkSize: 100_000 }), 422);
    expect(body.errors?.map((e) => e.field).sort()).toEqual(["chunkSize", "name"]);

    const overlap = await problem(
      await callA("PATCH", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`, { chunkOverlap: 600 }),
      422,
    );
    expect(overlap.errors?.[0]?.field).toBe("chunkOverlap");

    const unknownKey = await problem(await callA("PATCH", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`, { embeddingModel: "x" }), 422);
    expect(unknownKey.title).toMatch(/embeddingModel/);
  });

  it("treats another organization's knowledge base as not found", async () => {
    for (const [method, path] of [
      ["GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`],
      ["PATCH", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`],
      ["DELETE", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`],
      ["GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`],
      ["GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/stats`],
      ["POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/clear`],
    ] as const) {
      const body = await problem(await callB(method, path, method === "PATCH" ? { name: "mine now" } : undefined), 404);
      expect(body.title).toBe("Knowledge base not found");
    }
    await problem(await callB("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "x", text: "y" }), 404);
    await problem(await callB("POST", "/api/v1/knowledge/search", { query: "hours", knowledgeBaseId: a.knowledgeBaseId }), 404);
    // Still there for its owner.
    expect((await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}`)).status).toBe(200);
  });
});

describe("documents", () => {
  it("adds text, dedupes identical content, ingests, searches, reports stats and clears", async () => {
    const kb = (await (await callA("POST", "/api/v1/knowledge/bases", { name: "Docs" })).json()) as { id: string };
    const first = await callA("POST", `/api/v1/knowledge/bases/${kb.id}/documents`, {
      title: "Parking",
      text: "Visitor parking is in garage B, level 2. Validation stickers are at the front desk.",
    });
    expect(first.status).toBe(201);
    const doc = (await first.json()) as { id: string; status: string; duplicate: boolean; sourceKind: string };
    expect(doc).toMatchObject({ status: "queued", duplicate: false, sourceKind: "text" });

    const again = await callA("POST", `/api/v1/knowledge/bases/${kb.id}/documents`, {
      title: "Parking (copy)",
      text: "Visitor parking is in garage B, level 2. Validation stickers are at the front desk.",
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: doc.id, duplicate: true });

    const file = await callA("POST", `/api/v1/knowledge/bases/${kb.id}/documents`, upload("faq.md", "# FAQ\n\nThe wifi password is lighthouse42.\n"));
    expect(file.status).toBe(201);
    expect(await file.json()).toMatchObject({ sourceKind: "file", sourceUri: "faq.md", title: "faq.md", mimeType: "text/markdown" });

    await t.deps.events.drain();
    const listed = (await (await callA("GET", `/api/v1/knowledge/bases/${kb.id}/documents?status=ready`)).json()) as { data: { id: string; chunkCount: number }[] };
    expect(listed.data).toHaveLength(2);
    expect(listed.data.every((d) => d.chunkCount > 0)).toBe(true);

    const stats = await (await callA("GET", `/api/v1/knowledge/bases/${kb.id}/stats`)).json();
    expect(stats).toMatchObject({ knowledgeBaseId: kb.id, documents: { total: 2, ready: 2, queued: 0, failed: 0 } });
    expect((stats as { chunks: number }).chunks).toBeGreaterThanOrEqual(2);

    const search = await callA("POST", "/api/v1/knowledge/search", { query: "wifi password", knowledgeBaseId: kb.id, limit: 3 });
    expect(search.status).toBe(200);
    const hits = (await search.json()) as { data: { content: string; title: string }[] };
    expect(hits.data[0]?.content).toContain("lighthouse42");

    const one = await callA("GET", `/api/v1/knowledge/bases/${kb.id}/documents/${doc.id}`);
    expect(await one.json()).toMatchObject({ id: doc.id, status: "ready" });

    const cleared = await callA("POST", `/api/v1/knowledge/bases/${kb.id}/clear`);
    expect(await cleared.json()).toEqual({ id: kb.id, deletedDocuments: 2 });
    expect(await (await callA("GET", `/api/v1/knowledge/bases/${kb.id}/stats`)).json()).toMatchObject({ documents: { total: 0 }, chunks: 0, tokens: 0 });
    expect((await callA("GET", `/api/v1/knowledge/bases/${kb.id}`)).status).toBe(200);
  });

  it("deletes a document and its chunks; another tenant cannot see it", async () => {
    const added = (await (await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { title: "Pets", text: "Dogs are welcome in the lobby." })).json()) as { id: string };
    await t.deps.events.drain();
    await problem(await callB("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents/${added.id}`), 404);
    await problem(await callB("DELETE", `/api/v1/knowledge/bases/${b.knowledgeBaseId}/documents/${added.id}`), 404);
    expect((await callA("DELETE", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents/${added.id}`)).status).toBe(200);
    expect(await t.deps.prisma.chunk.count({ where: { documentId: added.id } })).toBe(0);
    await problem(await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents/${added.id}`), 404);
  });

  it("refuses oversized, unsupported and malformed uploads with problem bodies", async () => {
    // With Content-Length (what real clients send) the size is known before anything is read…
    const form = new Response(upload("big.txt", "x".repeat(2 * 1024 * 1024)));
    const bytes = new Uint8Array(await form.arrayBuffer());
    const big = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, bytes as unknown as string, {
        "content-type": form.headers.get("content-type") ?? "",
        "content-length": String(bytes.byteLength),
      }),
      413,
    );
    expect(big.title).toMatch(/^file is 2(\.\d)? MB, limit is 64 KB$/);
    // …and a streamed body without one is cut off once it passes the limit.
    const streamed = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, upload("big.txt", "x".repeat(2 * 1024 * 1024))),
      413,
    );
    expect(streamed.title).toBe("file is larger than the 64 KB limit");

    const slightlyBig = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, upload("big.txt", "x".repeat(100 * 1024))),
      413,
    );
    // Counted on the file part itself while it streams: just over the limit is cut off too.
    expect(slightlyBig.title).toBe("file is larger than the 64 KB limit");
    expect(slightlyBig.errors).toEqual([{ field: "file", message: "must be at most 64 KB" }]);

    const zip = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, upload("sheet.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))),
      415,
    );
    expect(zip.errors?.[0]?.field).toBe("file");

    const noFile = new FormData();
    noFile.append("title", "nothing attached");
    const missing = await problem(await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, noFile), 422);
    expect(missing.errors?.[0]?.field).toBe("file");

    const badJson = await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, "{not json", { "content-type": "application/json" }),
      400,
    );
    expect(badJson.title).toMatch(/malformed json/i);

    const badUrl = await problem(await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, { url: "ftp://x" }), 422);
    expect(badUrl.errors?.some((e) => e.field === "url")).toBe(true);

    await problem(
      await callA("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, "hello", { "content-type": "text/plain" }),
      415,
    );
  });

  it("validates search input", async () => {
    const empty = await problem(await callA("POST", "/api/v1/knowledge/search", { query: "  " }), 422);
    expect(empty.errors?.[0]?.field).toBe("query");
    const both = await problem(await callA("POST", "/api/v1/knowledge/search", { query: "x", botId: a.botId, knowledgeBaseId: a.knowledgeBaseId }), 422);
    expect(both.errors?.[0]?.field).toBe("knowledgeBaseId");
    const badQuery = await problem(await callA("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents?status=done`), 422);
    expect(badQuery.errors?.[0]?.field).toBe("query.status");
  });
});
