import type { Document, KnowledgeBase } from "@frontdesk/db";
import { NO_DOCUMENTS, type DocumentTotals } from "./document-totals";
import { readRetrievalSettings } from "./retrieval-settings";
import type { DocumentView, FaqView, KnowledgeBaseView } from "./schemas";

export function toKnowledgeBaseView(
  kb: KnowledgeBase & { _count?: { documents: number } },
  totals: DocumentTotals = NO_DOCUMENTS,
): KnowledgeBaseView {
  return {
    id: kb.id,
    name: kb.name,
    description: kb.description,
    chunkSize: kb.chunkSize,
    chunkOverlap: kb.chunkOverlap,
    embeddingModel: kb.embeddingModel,
    embeddingDimensions: kb.embeddingDimensions,
    retrievalSettings: readRetrievalSettings(kb.retrievalSettings),
    nextEmbeddingModel: kb.nextEmbeddingModel,
    nextEmbeddingDimensions: kb.nextEmbeddingDimensions,
    reembedProgress: kb.reembedProgress,
    reembedError: kb.reembedError,
    documentCount: kb._count?.documents ?? 0,
    totalBytes: totals.totalBytes,
    chunkCount: totals.chunkCount,
    createdAt: kb.createdAt.toISOString(),
    updatedAt: kb.updatedAt.toISOString(),
  };
}

const metadataObject = (metadata: unknown): Record<string, unknown> =>
  metadata && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {};

function readWarnings(metadata: unknown): string[] {
  const warnings = metadataObject(metadata).warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === "string") : [];
}

export function toDocumentView(doc: Document): DocumentView {
  return {
    id: doc.id,
    knowledgeBaseId: doc.knowledgeBaseId,
    sourceKind: doc.sourceKind,
    sourceUri: doc.sourceUri,
    title: doc.title,
    mimeType: doc.mimeType,
    sizeBytes: doc.sizeBytes,
    contentHash: doc.contentHash,
    status: doc.status,
    stage: doc.stage,
    progress: doc.progress,
    attempts: doc.attempts,
    error: doc.error,
    servingPreviousVersion: doc.status === "ready" && (doc.stage !== null || doc.error !== null),
    warnings: readWarnings(doc.metadata),
    tags: doc.tags,
    chunkCount: doc.chunkCount,
    tokenCount: doc.tokenCount,
    pageCount: doc.pageCount,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    processedAt: doc.processedAt?.toISOString() ?? null,
  };
}

/** The question and answer a FAQ document was made from (Document.metadata.faq). */
export function readFaq(metadata: unknown): { question: string; answer: string } | undefined {
  const faq = metadataObject(metadataObject(metadata).faq);
  return typeof faq.question === "string" && typeof faq.answer === "string"
    ? { question: faq.question, answer: faq.answer }
    : undefined;
}

export function toFaqView(doc: Document): FaqView {
  const faq = readFaq(doc.metadata) ?? { question: doc.title, answer: "" };
  return { ...toDocumentView(doc), ...faq };
}

export const withDocumentCount = { _count: { select: { documents: true } } } as const;
