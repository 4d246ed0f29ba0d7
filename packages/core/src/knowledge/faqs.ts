import type { Document, Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { parseInput } from "../parse-input";
import { faqChunkText, faqContentHash, faqSourceUri } from "./faq-content";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { importFaqs } from "./import-faqs";
import { queueIngestion } from "./queue-ingestion";
import { removeDocument } from "./delete-document";
import {
  bulkFaqInput,
  listFaqsInput,
  updateFaqInput,
  type FaqImportResult,
  type FaqInput,
  type FaqPage,
  type FaqView,
  type ListFaqsInput,
  type UpdateFaqInput,
} from "./schemas";
import { readFaq, toFaqView } from "./views";

export type CreatedFaq = FaqView & { outcome: "created" | "updated" | "unchanged" };

/** One FAQ pair; posting a question that already exists updates its answer (or changes nothing). */
export async function createFaq(ctx: ServiceContext, knowledgeBaseId: string, input: FaqInput): Promise<CreatedFaq> {
  const { result, documentIds } = await importFaqs(ctx, knowledgeBaseId, [input], { rowOf: () => 0 }).catch((error: unknown) => {
    // A single FAQ's problems name plain fields, like every other endpoint.
    if (error instanceof AppError && error.code === "validation_failed") {
      throw new AppError("validation_failed", error.fields.map((f) => `${f.field}: ${f.message}`).join("; "), {
        fields: error.fields.map(({ field, message }) => ({ field, message })),
      });
    }
    throw error;
  });
  const outcome = result.created === 1 ? "created" : result.updated === 1 ? "updated" : "unchanged";
  return { ...toFaqView(await ctx.prisma.document.findFirstOrThrow({ where: { id: documentIds[0]! } })), outcome };
}

/** Up to 10,000 FAQ pairs at once; any bad row rejects the whole request with every problem listed. */
export async function bulkCreateFaqs(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: { items: unknown[] },
): Promise<FaqImportResult> {
  const { items } = parseInput(bulkFaqInput, input);
  return (await importFaqs(ctx, knowledgeBaseId, items)).result;
}

/** FAQs of a knowledge base, oldest first, `limit` per page; pass `nextCursor` back for the next page. */
export async function listFaqs(ctx: ServiceContext, knowledgeBaseId: string, input: ListFaqsInput = {}): Promise<FaqPage> {
  const { limit, cursor, tag } = parseInput(listFaqsInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const rows = await ctx.prisma.document.findMany({
    where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId, sourceKind: "faq", ...(tag ? { tags: { has: tag } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { data: page.map(toFaqView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

async function getFaqOrThrow(ctx: ServiceContext, documentId: string): Promise<Document> {
  const doc = await ctx.prisma.document.findFirst({
    where: { id: documentId, organizationId: ctx.organizationId, sourceKind: "faq" },
  });
  if (!doc) throw notFound("FAQ");
  return doc;
}

export async function getFaq(ctx: ServiceContext, documentId: string): Promise<FaqView> {
  return toFaqView(await getFaqOrThrow(ctx, documentId));
}

/**
 * Edits a FAQ. A new question or answer re-ingests its one chunk, which is swapped in a single transaction
 * (the old chunk serves until then); tags alone change nothing else.
 */
export async function updateFaq(ctx: ServiceContext, documentId: string, input: UpdateFaqInput): Promise<FaqView> {
  const changes = parseInput(updateFaqInput, input);
  const doc = await getFaqOrThrow(ctx, documentId);
  const current = readFaq(doc.metadata) ?? { question: doc.title, answer: "" };
  const next = { question: changes.question ?? current.question, answer: changes.answer ?? current.answer };
  const contentHash = faqContentHash(next);
  const sourceUri = faqSourceUri(next.question);
  if (sourceUri !== doc.sourceUri) {
    const clash = await ctx.prisma.document.findFirst({
      where: { knowledgeBaseId: doc.knowledgeBaseId, organizationId: ctx.organizationId, sourceKind: "faq", sourceUri, id: { not: doc.id } },
      select: { id: true },
    });
    if (clash) {
      throw new AppError("conflict", "Another FAQ in this knowledge base already has that question", {
        fields: [{ field: "question", message: `already used by FAQ ${clash.id}` }],
      });
    }
  }
  const contentChanged = contentHash !== doc.contentHash;
  const updated = await ctx.prisma.document.update({
    where: { id: doc.id },
    data: {
      ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
      ...(contentChanged
        ? {
            title: next.question.slice(0, 300),
            sourceUri,
            contentHash,
            sizeBytes: Buffer.byteLength(faqChunkText(next)),
            metadata: { ...(doc.metadata as Prisma.JsonObject), faq: next } as Prisma.InputJsonObject,
            status: doc.status === "ready" ? "ready" : "queued",
            stage: "queued",
            progress: 0,
            error: null,
          }
        : {}),
    },
  });
  if (contentChanged) await queueIngestion(ctx, { faqs: [updated] });
  return toFaqView(updated);
}

/** Removes a FAQ document and its chunk. */
export async function deleteFaq(ctx: ServiceContext, documentId: string): Promise<{ id: string; deleted: true }> {
  const doc = await getFaqOrThrow(ctx, documentId);
  await removeDocument(ctx, doc.id);
  return { id: doc.id, deleted: true };
}
