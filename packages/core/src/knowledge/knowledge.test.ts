import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { addDocument } from "./add-document";
import { clearKnowledgeBase } from "./clear-knowledge-base";
import { createKnowledgeBase } from "./create-knowledge-base";
import { listKnowledgeBases } from "./list-knowledge-bases";
import { deleteDocument } from "./delete-document";
import { getKnowledgeBase } from "./get-knowledge-base";
import { formatBytes } from "./format-bytes";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let other: ServiceContext;

beforeAll(async () => {
  t = await createTestDeps({ UPLOAD_MAX_BYTES: String(1024) });
  const a = await setupOwner(t.deps, { email: "kb-a@example.com", password: "password-a", organizationName: "A" });
  const b = await setupOwner(t.deps, { email: "kb-b@example.com", password: "password-b", organizationName: "B" });
  ctx = { ...t.deps, organizationId: a.organizationId, actor: { type: "system" } };
  other = { ...t.deps, organizationId: b.organizationId, actor: { type: "system" } };
});
afterAll(() => t?.close());

const bytes = (text: string) => new TextEncoder().encode(text);

describe("knowledge services", () => {
  it("pins new knowledge bases to the runtime's embedding model", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Pinned" });
    expect(kb).toMatchObject({ embeddingModel: "test/synthetic-384", embeddingDimensions: 384, documentCount: 0 });
    await expect(getKnowledgeBase(other, kb.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores the upload, sends knowledge/document.added and dedupes by content hash", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Uploads" });
    t.sent.length = 0;
    const doc = await addDocument(ctx, kb.id, { kind: "file", fileName: "notes.md", bytes: bytes("# Notes\nhello") });
    if (doc.kind !== "document") throw new Error("expected a document");
    expect(doc).toMatchObject({ status: "queued", duplicate: false, mimeType: "text/markdown", sizeBytes: 13 });
    expect(t.sent).toEqual([
      { name: "knowledge/document.added", data: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, documentId: doc.id } },
    ]);
    const row = await t.deps.prisma.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row.storagePath).toBe(`uploads/${ctx.organizationId}/${doc.id}/notes.md`);
    expect(existsSync(join(t.dataDir, row.storagePath ?? ""))).toBe(true);

    const again = await addDocument(ctx, kb.id, { kind: "file", fileName: "renamed.md", bytes: bytes("# Notes\nhello") });
    if (again.kind !== "document") throw new Error("expected a document");
    expect(again).toMatchObject({ id: doc.id, duplicate: true });
    expect(t.sent).toHaveLength(1);

    // The same content in another knowledge base is a separate document.
    const elsewhere = await createKnowledgeBase(ctx, { name: "Elsewhere" });
    expect((await addDocument(ctx, elsewhere.id, { kind: "text", title: "n", text: "# Notes\nhello" })).duplicate).toBe(false);

    await deleteDocument(ctx, kb.id, doc.id);
    expect(existsSync(join(t.dataDir, row.storagePath ?? ""))).toBe(false);
  });

  it("re-queues a failed duplicate instead of ignoring it", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Retry" });
    const doc = await addDocument(ctx, kb.id, { kind: "text", title: "t", text: "retry me" });
    await t.deps.prisma.document.update({ where: { id: doc.id }, data: { status: "failed", error: "boom" } });
    t.sent.length = 0;
    const retried = await addDocument(ctx, kb.id, { kind: "text", title: "t", text: "retry me" });
    expect(retried).toMatchObject({ id: doc.id, duplicate: true, status: "queued", error: null });
    expect(t.sent).toHaveLength(1);
  });

  it("enforces the upload limit with a readable message", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Limits" });
    const error = await addDocument(ctx, kb.id, { kind: "file", fileName: "big.txt", bytes: new Uint8Array(3000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413, message: "file is 2.9 KB, limit is 1 KB" });
    expect(formatBytes(80 * 1024 * 1024)).toBe("80 MB");
  });

  it("clear removes documents, chunks and uploads but keeps the knowledge base", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Clear", chunkSize: 300 });
    const doc = await addDocument(ctx, kb.id, { kind: "text", title: "x", text: "clear me" });
    await addDocument(ctx, kb.id, { kind: "text", title: "y", text: "and me too" });
    // Sizes and counts shown in the knowledge base list come from the documents, summed in one query.
    expect(await getKnowledgeBase(ctx, kb.id)).toMatchObject({ documentCount: 2, totalBytes: 18, chunkCount: 0 });
    expect((await listKnowledgeBases(ctx)).find((base) => base.id === kb.id)).toMatchObject({ documentCount: 2, totalBytes: 18 });
    const result = await clearKnowledgeBase(ctx, kb.id);
    expect(result).toEqual({ id: kb.id, deletedDocuments: 2 });
    expect(existsSync(join(t.dataDir, "uploads", ctx.organizationId, doc.id))).toBe(false);
    expect(await getKnowledgeBase(ctx, kb.id)).toMatchObject({ chunkSize: 300, documentCount: 0, totalBytes: 0 });
    await expect(clearKnowledgeBase(other, kb.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
