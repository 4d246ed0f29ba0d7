import { randomUUID } from "node:crypto";
import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError, type FieldProblem } from "../errors";
import { faqChunkText, faqContentHash, faqSourceUri } from "./faq-content";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { queueIngestion } from "./queue-ingestion";
import { faqInput, type FaqImportResult } from "./schemas";

interface ValidFaq {
  row: number;
  question: string;
  answer: string;
  tags?: string[];
  sourceUri: string;
  contentHash: string;
}

export interface ImportFaqsOptions {
  /** What `row` in errors means for item i (default: i, the 0-based index in `items`). */
  rowOf?: (index: number) => number;
}

export interface ImportedFaqs {
  result: FaqImportResult;
  /** The FAQ document id of each item, in input order. */
  documentIds: string[];
}

interface ExistingFaq {
  id: string;
  sourceUri: string;
  contentHash: string;
  status: string;
  tags: string[];
}

const IN_LIST_SIZE = 1000;
const chunked = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Validates every row; all problems are reported together (422 with `errors: [{row, field, message}]`). */
function validateRows(items: unknown[], rowOf: (index: number) => number): ValidFaq[] {
  const problems: FieldProblem[] = [];
  const valid: ValidFaq[] = [];
  const firstRowOfQuestion = new Map<string, number>();
  items.forEach((item, index) => {
    const row = rowOf(index);
    const parsed = faqInput.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, field: issue.path.length > 0 ? issue.path.join(".") : "(row)", message: issue.message });
      }
      return;
    }
    const sourceUri = faqSourceUri(parsed.data.question);
    const earlier = firstRowOfQuestion.get(sourceUri);
    if (earlier !== undefined) {
      problems.push({ row, field: "question", message: `same question as row ${earlier}` });
      return;
    }
    firstRowOfQuestion.set(sourceUri, row);
    valid.push({ row, ...parsed.data, sourceUri, contentHash: faqContentHash(parsed.data) });
  });
  if (problems.length > 0) {
    const badRows = new Set(problems.map((p) => p.row)).size;
    throw new AppError("validation_failed", `${badRows} of ${items.length} rows are invalid; nothing was imported`, {
      fields: problems,
    });
  }
  return valid;
}

const faqData = (faq: ValidFaq) => ({
  title: faq.question.slice(0, 300),
  contentHash: faq.contentHash,
  sizeBytes: Buffer.byteLength(faqChunkText(faq)),
  metadata: { faq: { question: faq.question, answer: faq.answer } } as Prisma.InputJsonObject,
});

/**
 * Adds or updates FAQ pairs: each is one document (sourceKind faq, sourceUri `faq:<normalized question>`) with
 * exactly one chunk. A question already in the knowledge base is updated in place (its old chunk keeps
 * serving until the new one is stored); the same question and answer again is a no-op. Nothing is written
 * unless every row is valid. Ingestion is queued in batches (one event per FAQS_PER_EVENT documents).
 */
export async function importFaqs(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  items: unknown[],
  options: ImportFaqsOptions = {},
): Promise<ImportedFaqs> {
  const faqs = validateRows(items, options.rowOf ?? ((index) => index));
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);

  // One array parameter: a Prisma `in` list binds a parameter per value, which is slow at this size on PGlite.
  const uris = faqs.map((faq) => faq.sourceUri);
  const found = await ctx.prisma.$queryRaw<ExistingFaq[]>`
    SELECT id, "sourceUri", "contentHash", status::text AS status, tags FROM document
    WHERE "knowledgeBaseId" = ${kb.id} AND "organizationId" = ${ctx.organizationId}
      AND "sourceKind" = 'faq' AND "sourceUri" = ANY(${uris}::text[])`;
  const existing = new Map(found.map((row) => [row.sourceUri, row]));

  const toCreate = faqs.filter((faq) => !existing.has(faq.sourceUri));
  const toUpdate = faqs.filter((faq) => {
    const current = existing.get(faq.sourceUri);
    // A failed FAQ posted again is queued again, as re-uploading a failed file is.
    return current !== undefined && (current.contentHash !== faq.contentHash || current.status === "failed");
  });
  const tagsOnly = faqs.filter((faq) => {
    const current = existing.get(faq.sourceUri);
    return current !== undefined && current.contentHash === faq.contentHash && faq.tags !== undefined && !sameTags(current.tags, faq.tags);
  });

  const idByUri = new Map<string, string>(found.map((row) => [row.sourceUri, row.id]));
  await ctx.prisma.$transaction(
    async (tx) => {
      // One jsonb parameter per batch: Prisma's createMany binds ~17 parameters per row, which PGlite takes
      // about 4 ms a row to handle (45 s for 10,000); this takes well under a second. Ids sort in input order
      // so a page of FAQs lists an import in the order it was sent.
      const importId = randomUUID().replaceAll("-", "").slice(0, 12);
      for (const [batchIndex, batch] of chunked(toCreate, IN_LIST_SIZE).entries()) {
        const rows = batch.map((faq, i) => ({
          id: `faq${importId}${String(batchIndex * IN_LIST_SIZE + i).padStart(5, "0")}`,
          sourceUri: faq.sourceUri,
          tags: faq.tags ?? [],
          ...faqData(faq),
        }));
        for (const row of rows) idByUri.set(row.sourceUri, row.id);
        await tx.$executeRaw`
          INSERT INTO document (id, "organizationId", "knowledgeBaseId", "sourceKind", "sourceUri", title, "mimeType",
                                "sizeBytes", "contentHash", status, stage, tags, metadata, "updatedAt")
          SELECT r.id, ${ctx.organizationId}, ${kb.id}, 'faq'::"SourceKind", r."sourceUri", r.title, 'text/plain',
                 r."sizeBytes", r."contentHash", 'queued'::"DocumentStatus", 'queued',
                 ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.metadata, CURRENT_TIMESTAMP
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            AS r(id text, "sourceUri" text, title text, "sizeBytes" int, "contentHash" text, tags jsonb, metadata jsonb)`;
      }
      for (const faq of toUpdate) {
        const current = existing.get(faq.sourceUri)!;
        await tx.document.update({
          where: { id: current.id },
          data: {
            ...faqData(faq),
            ...(faq.tags !== undefined ? { tags: faq.tags } : {}),
            // A ready FAQ stays searchable with its old chunk until the new one replaces it.
            status: current.status === "ready" ? "ready" : "queued",
            stage: "queued",
            progress: 0,
            error: null,
          },
        });
      }
      for (const faq of tagsOnly) {
        const current = existing.get(faq.sourceUri)!;
        await tx.document.update({ where: { id: current.id }, data: { tags: faq.tags } });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  const queued = [...toCreate, ...toUpdate].map((faq) => ({ id: idByUri.get(faq.sourceUri)!, knowledgeBaseId: kb.id }));
  await queueIngestion(ctx, { faqs: queued });
  return {
    result: {
      kind: "faqs",
      total: faqs.length,
      created: toCreate.length,
      updated: toUpdate.length,
      unchanged: faqs.length - toCreate.length - toUpdate.length,
      duplicate: toCreate.length + toUpdate.length === 0,
    },
    documentIds: faqs.map((faq) => idByUri.get(faq.sourceUri)!),
  };
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);
