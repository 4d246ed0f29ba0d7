import type { Document, KnowledgeBase } from "@frontdesk/db";
import { readRetrievalSettings } from "./retrieval-settings";
import type { DocumentView, KnowledgeBaseView } from "./schemas";

export function toKnowledgeBaseView(kb: KnowledgeBase & { _count?: { documents: number } }): KnowledgeBaseView {
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
    createdAt: kb.createdAt.toISOString(),
    updatedAt: kb.updatedAt.toISOString(),
  };
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
    error: doc.error,
    chunkCount: doc.chunkCount,
    tokenCount: doc.tokenCount,
    pageCount: doc.pageCount,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    processedAt: doc.processedAt?.toISOString() ?? null,
  };
}

export const withDocumentCount = { _count: { select: { documents: true } } } as const;
