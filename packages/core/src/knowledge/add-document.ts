import { createHash } from "node:crypto";
import { ExtractionError, readFaqCsv, type CsvFaqRow } from "@frontdesk/rag";
import type { Document } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { detectMimeType } from "./detect-mime-type";
import { formatBytes } from "./format-bytes";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { importFaqs } from "./import-faqs";
import { queueIngestion } from "./queue-ingestion";
import { addDocumentInput, type AddDocumentInput, type AddDocumentResult, type AddedDocument } from "./schemas";
import { removeDocumentUploads, storeDocumentUpload } from "./uploads";
import { toDocumentView } from "./views";
import { isUniqueViolation } from "../unique-violation";

interface PreparedSource {
  sourceKind: "file" | "text" | "url";
  sourceUri: string | null;
  title: string;
  /** The caller named the title (else it is the file name or URL, and the document's own title may replace it). */
  titleGiven: boolean;
  mimeType: string;
  tags: string[] | undefined;
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
        titleGiven: input.title !== undefined,
        mimeType,
        tags: input.tags,
        upload: { fileName: input.fileName, bytes: input.bytes },
        hashInput: input.bytes,
      };
    }
    case "text": {
      const bytes = new TextEncoder().encode(input.text);
      return {
        sourceKind: "text",
        sourceUri: null,
        title: input.title,
        titleGiven: true,
        mimeType: "text/plain",
        tags: input.tags,
        upload: { fileName: "content.txt", bytes },
        hashInput: bytes,
      };
    }
    case "url":
      return {
        sourceKind: "url",
        sourceUri: input.url,
        title: input.title ?? input.url,
        titleGiven: input.title !== undefined,
        mimeType: "text/html",
        tags: input.tags,
        upload: null,
        hashInput: new TextEncoder().encode(`url:${input.url}`),
      };
  }
}

/**
 * Queues a file, text or URL for ingestion.
 * - Identical content already in the knowledge base is a no-op returning the existing document
 *   (`duplicate: true`); a failed duplicate is queued again, so re-uploading retries.
 * - A changed version of a source already there (same file name or URL) updates THAT document (`replaced:
 *   true`): new hash and file; its old chunks keep serving until the new ones are swapped in, and keep
 *   serving if the new version fails (the document stays `ready` with the reason in `error`).
 * - A CSV with question/answer columns becomes one FAQ document per row (result `kind: "faqs"`).
 */
export async function addDocument(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: Extract<AddDocumentInput, { kind: "text" | "url" }>,
): Promise<AddedDocument>;
export async function addDocument(ctx: ServiceContext, knowledgeBaseId: string, input: AddDocumentInput): Promise<AddDocumentResult>;
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

  const faqRows = source.mimeType === "text/csv" && source.upload ? readFaqRows(source.upload.bytes) : null;
  if (faqRows) {
    const items = faqRows.map((row) => ({ question: row.question, answer: row.answer, tags: row.tags.length > 0 ? row.tags : source.tags }));
    return (await importFaqs(ctx, kb.id, items, { rowOf: (index) => faqRows[index]!.line })).result;
  }

  const contentHash = createHash("sha256").update(source.hashInput).digest("hex");
  const existing = await ctx.prisma.document.findFirst({ where: { knowledgeBaseId: kb.id, contentHash } });
  if (existing) return duplicateOf(ctx, existing);

  const previous = source.sourceUri
    ? await ctx.prisma.document.findFirst({
        where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId, sourceKind: source.sourceKind, sourceUri: source.sourceUri },
        orderBy: { createdAt: "desc" },
      })
    : null;

  let document: Document;
  try {
    document = previous
      ? await ctx.prisma.document.update({
          where: { id: previous.id },
          data: {
            contentHash,
            mimeType: source.mimeType,
            sizeBytes: source.upload?.bytes.byteLength ?? 0,
            ...(source.titleGiven ? { title: source.title } : {}),
            ...(source.tags !== undefined ? { tags: source.tags } : {}),
            // A ready document keeps serving its old chunks until the new version's chunks replace them.
            status: previous.status === "ready" ? "ready" : "queued",
            stage: "queued",
            progress: 0,
            error: null,
          },
        })
      : await ctx.prisma.document.create({
          data: {
            organizationId: ctx.organizationId,
            knowledgeBaseId: kb.id,
            sourceKind: source.sourceKind,
            sourceUri: source.sourceUri,
            title: source.title,
            mimeType: source.mimeType,
            sizeBytes: source.upload?.bytes.byteLength ?? 0,
            contentHash,
            tags: source.tags ?? [],
            status: "queued",
            stage: "queued",
          },
        });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent upload of the same content won the race; answer as if it had finished first.
    const winner = await ctx.prisma.document.findFirst({ where: { knowledgeBaseId: kb.id, contentHash } });
    if (!winner) throw error;
    return { kind: "document", ...toDocumentView(winner), duplicate: true, replaced: false };
  }

  if (source.upload) {
    try {
      // The previous version's file goes: the document now stands for the new bytes only.
      if (previous) await removeDocumentUploads(ctx, [document.id]);
      const storagePath = await storeDocumentUpload(ctx, document.id, source.upload.fileName, source.upload.bytes);
      document = await ctx.prisma.document.update({ where: { id: document.id }, data: { storagePath } });
    } catch (error) {
      if (previous) {
        await ctx.prisma.document
          .update({
            where: { id: document.id },
            // A ready document keeps answering from its previous chunks; the error says the new version is missing.
            data: { status: previous.status === "ready" ? "ready" : "failed", stage: null, error: "could not store the new version; upload it again" },
          })
          .catch(() => undefined);
      } else {
        await ctx.prisma.document.delete({ where: { id: document.id } }).catch(() => undefined);
        await removeDocumentUploads(ctx, [document.id]);
      }
      throw new AppError("internal", "Could not store the upload", { cause: error });
    }
  }

  await queueIngestion(ctx, { single: [document] });
  return { kind: "document", ...toDocumentView(document), duplicate: false, replaced: previous !== null };
}

/** Question/answer rows of a CSV upload, or null when it is an ordinary table (or unreadable: ingestion reports that). */
function readFaqRows(bytes: Uint8Array): CsvFaqRow[] | null {
  try {
    const rows = readFaqCsv(bytes);
    return rows ? rows.filter((row) => row.question !== "" || row.answer !== "") : null;
  } catch (error) {
    if (error instanceof ExtractionError) return null;
    throw error;
  }
}

async function duplicateOf(ctx: ServiceContext, existing: Document): Promise<AddedDocument> {
  // Failed, or a new version that failed while the previous one kept serving: the same bytes again retry it.
  const failed = existing.status === "failed" || (existing.status === "ready" && existing.stage === null && existing.error !== null);
  if (!failed) return { kind: "document", ...toDocumentView(existing), duplicate: true, replaced: false };
  const requeued = await ctx.prisma.document.update({
    where: { id: existing.id },
    data: { status: existing.status === "ready" ? "ready" : "queued", stage: "queued", progress: 0, error: null },
  });
  await queueIngestion(ctx, { single: [requeued] });
  return { kind: "document", ...toDocumentView(requeued), duplicate: true, replaced: false };
}
