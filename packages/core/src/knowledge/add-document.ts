import { createHash } from "node:crypto";
import type { Document } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { detectMimeType } from "./detect-mime-type";
import { formatBytes } from "./format-bytes";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { addDocumentInput, type AddDocumentInput, type AddDocumentResult } from "./schemas";
import { removeDocumentUploads, storeDocumentUpload } from "./uploads";
import { toDocumentView } from "./views";

interface PreparedSource {
  sourceKind: "file" | "text" | "url";
  sourceUri: string | null;
  title: string;
  mimeType: string;
  /** Raw bytes kept under the data dir for the worker; URLs are fetched by the worker instead. */
  upload: { fileName: string; bytes: Uint8Array } | null;
  hashInput: Uint8Array;
}

function prepare(input: ReturnType<typeof addDocumentInput.parse>): PreparedSource {
  switch (input.kind) {
    case "file": {
      const mimeType = detectMimeType({ bytes: input.bytes, fileName: input.fileName, mimeType: input.mimeType });
      return {
        sourceKind: "file",
        sourceUri: input.fileName,
        title: input.title ?? input.fileName,
        mimeType,
        upload: { fileName: input.fileName, bytes: input.bytes },
        hashInput: input.bytes,
      };
    }
    case "text": {
      const bytes = new TextEncoder().encode(input.text);
      return { sourceKind: "text", sourceUri: null, title: input.title, mimeType: "text/plain", upload: { fileName: "content.txt", bytes }, hashInput: bytes };
    }
    case "url":
      return {
        sourceKind: "url",
        sourceUri: input.url,
        title: input.title ?? input.url,
        mimeType: "text/html",
        upload: null,
        hashInput: new TextEncoder().encode(`url:${input.url}`),
      };
  }
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/**
 * Queues a file, text or URL for ingestion. Identical content already in the knowledge base is a no-op that
 * returns the existing document (`duplicate: true`); a failed duplicate is queued again, so re-uploading retries.
 */
export async function addDocument(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: AddDocumentInput,
): Promise<AddDocumentResult> {
  const limit = ctx.config.UPLOAD_MAX_BYTES;
  if (input.kind === "file" && input.bytes instanceof Uint8Array && input.bytes.byteLength > limit) {
    throw new AppError("payload_too_large", `file is ${formatBytes(input.bytes.byteLength)}, limit is ${formatBytes(limit)}`, {
      fields: [{ field: "file", message: `must be at most ${formatBytes(limit)}` }],
    });
  }
  const data = parseInput(addDocumentInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const source = prepare(data);
  if (source.upload && source.upload.bytes.byteLength > limit) {
    throw new AppError("payload_too_large", `text is ${formatBytes(source.upload.bytes.byteLength)}, limit is ${formatBytes(limit)}`);
  }
  const contentHash = createHash("sha256").update(source.hashInput).digest("hex");

  const existing = await ctx.prisma.document.findFirst({ where: { knowledgeBaseId: kb.id, contentHash } });
  if (existing) return duplicateOf(ctx, existing);

  let document: Document;
  try {
    document = await ctx.prisma.document.create({
      data: {
        organizationId: ctx.organizationId,
        knowledgeBaseId: kb.id,
        sourceKind: source.sourceKind,
        sourceUri: source.sourceUri,
        title: source.title,
        mimeType: source.mimeType,
        sizeBytes: source.upload?.bytes.byteLength ?? 0,
        contentHash,
        status: "queued",
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent upload of the same content won the race; answer as if it had finished first.
    const winner = await ctx.prisma.document.findFirst({ where: { knowledgeBaseId: kb.id, contentHash } });
    if (!winner) throw error;
    return { ...toDocumentView(winner), duplicate: true };
  }

  if (source.upload) {
    try {
      const storagePath = await storeDocumentUpload(ctx, document.id, source.upload.fileName, source.upload.bytes);
      document = await ctx.prisma.document.update({ where: { id: document.id }, data: { storagePath } });
    } catch (error) {
      await ctx.prisma.document.delete({ where: { id: document.id } }).catch(() => undefined);
      await removeDocumentUploads(ctx, [document.id]);
      throw new AppError("internal", "Could not store the upload", { cause: error });
    }
  }

  await queueIngestion(ctx, document);
  return { ...toDocumentView(document), duplicate: false };
}

async function duplicateOf(ctx: ServiceContext, existing: Document): Promise<AddDocumentResult> {
  if (existing.status !== "failed") return { ...toDocumentView(existing), duplicate: true };
  const requeued = await ctx.prisma.document.update({
    where: { id: existing.id },
    data: { status: "queued", error: null },
  });
  await queueIngestion(ctx, requeued);
  return { ...toDocumentView(requeued), duplicate: true };
}

async function queueIngestion(ctx: ServiceContext, document: Document): Promise<void> {
  try {
    await ctx.events.send({
      name: "knowledge/document.added",
      data: { organizationId: ctx.organizationId, knowledgeBaseId: document.knowledgeBaseId, documentId: document.id },
    });
  } catch (error) {
    // Marked failed rather than left queued forever: re-adding the same content retries it.
    await ctx.prisma.document.update({
      where: { id: document.id },
      data: { status: "failed", error: "could not queue ingestion; add the document again to retry" },
    });
    throw new AppError("unavailable", "Could not queue the document for ingestion", { cause: error });
  }
}
