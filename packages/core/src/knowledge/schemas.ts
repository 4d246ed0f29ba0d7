import { z } from "zod";
import { retrievalSettingsPatch, retrievalSettingsSchema } from "./retrieval-settings";

const name = z.string().trim().min(1, "name is required").max(200);
const description = z.string().trim().max(2000).nullable();

export const knowledgeBaseIdParam = z.string().min(1).max(64);

export const createKnowledgeBaseInput = z
  .object({
    name,
    description: description.optional(),
    chunkSize: z.number().int().min(100).max(8000).default(500),
    chunkOverlap: z.number().int().min(0).max(2000).default(50),
  })
  .refine((kb) => kb.chunkOverlap < kb.chunkSize, {
    path: ["chunkOverlap"],
    message: "chunkOverlap must be smaller than chunkSize",
  });
export type CreateKnowledgeBaseInput = z.input<typeof createKnowledgeBaseInput>;

export const updateKnowledgeBaseInput = z
  .object({
    name: name.optional(),
    description: description.optional(),
    chunkSize: z.number().int().min(100).max(8000).optional(),
    chunkOverlap: z.number().int().min(0).max(2000).optional(),
    /** Merged into the stored settings (see retrieval-settings.ts). */
    retrievalSettings: retrievalSettingsPatch.optional(),
    /** Another embedding model the deployment can build: starts a background re-embedding. */
    embeddingModel: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type UpdateKnowledgeBaseInput = z.input<typeof updateKnowledgeBaseInput>;

export const knowledgeBaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  chunkSize: z.number().int(),
  chunkOverlap: z.number().int(),
  embeddingModel: z.string(),
  embeddingDimensions: z.number().int(),
  retrievalSettings: retrievalSettingsSchema,
  /** Model a running re-embedding moves to (searches use embeddingModel until it completes), else null. */
  nextEmbeddingModel: z.string().nullable(),
  nextEmbeddingDimensions: z.number().int().nullable(),
  /** Re-embedding progress 0-100. */
  reembedProgress: z.number().int(),
  reembedError: z.string().nullable(),
  documentCount: z.number().int(),
  /** Sum of the documents' source sizes in bytes. */
  totalBytes: z.number().int(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeBaseView = z.infer<typeof knowledgeBaseSchema>;

export const documentStatusSchema = z.enum(["queued", "processing", "ready", "failed"]);

export const knowledgeBaseStatsSchema = z.object({
  knowledgeBaseId: z.string(),
  documents: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    processing: z.number().int(),
    ready: z.number().int(),
    failed: z.number().int(),
  }),
  chunks: z.number().int(),
  tokens: z.number().int(),
});
export type KnowledgeBaseStats = z.infer<typeof knowledgeBaseStatsSchema>;

/** Free-form labels on a document (e.g. "billing", "es"); trimmed, deduplicated, at most 20. */
export const documentTagsSchema = z
  .array(z.string().trim().min(1, "tags must not be empty").max(50, "a tag has at most 50 characters"))
  .max(20, "at most 20 tags")
  .transform((tags) => [...new Set(tags)]);

/** What addDocument accepts; transports build it from multipart uploads or JSON bodies. */
export const addDocumentInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("file"),
    fileName: z.string().trim().min(1, "fileName is required").max(255),
    mimeType: z.string().max(255).optional(),
    title: z.string().trim().min(1).max(300).optional(),
    bytes: z.instanceof(Uint8Array),
    tags: documentTagsSchema.optional(),
  }),
  z.object({
    kind: z.literal("text"),
    title: z.string().trim().min(1, "title is required").max(300),
    text: z.string().trim().min(1, "text is required"),
    tags: documentTagsSchema.optional(),
  }),
  z.object({
    kind: z.literal("url"),
    url: z
      .url({ protocol: /^https?$/, message: "url must be an http(s) URL" })
      .max(2048),
    title: z.string().trim().min(1).max(300).optional(),
    tags: documentTagsSchema.optional(),
  }),
]);
export type AddDocumentInput = z.input<typeof addDocumentInput>;

/** JSON body of POST /knowledge/bases/{id}/documents (the multipart form is the file variant). */
export const addDocumentJsonBody = z.union([
  z
    .object({
      title: z.string().trim().min(1, "title is required").max(300),
      text: z.string().trim().min(1, "text is required"),
      tags: documentTagsSchema.optional(),
    })
    .strict(),
  z
    .object({
      url: z.url({ protocol: /^https?$/, message: "url must be an http(s) URL" }).max(2048),
      title: z.string().trim().min(1).max(300).optional(),
      tags: documentTagsSchema.optional(),
    })
    .strict(),
]);

export const documentSchema = z.object({
  id: z.string(),
  knowledgeBaseId: z.string(),
  sourceKind: z.enum(["file", "text", "url", "faq"]),
  sourceUri: z.string().nullable(),
  title: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  contentHash: z.string(),
  status: documentStatusSchema,
  /** What ingestion is doing now (queued, extract, split, embed, store); null once settled. */
  stage: z.string().nullable(),
  /** Ingestion progress 0-100; embedding batches advance it. */
  progress: z.number().int(),
  /** Ingestion runs started for this document (retries included). */
  attempts: z.number().int(),
  /**
   * Why the latest ingestion failed. On a `failed` document nothing is searchable; on a `ready` one a new
   * version failed and the previous version still answers (`servingPreviousVersion`).
   */
  error: z.string().nullable(),
  /**
   * True while searches answer from an earlier version than the latest upload: a new version is being
   * ingested (`stage` set) or it failed (`error` set). The document stays `ready` meanwhile.
   */
  servingPreviousVersion: z.boolean(),
  /** Problems that did not stop ingestion, e.g. skipped JSON lines with their line numbers. */
  warnings: z.array(z.string()),
  tags: z.array(z.string()),
  chunkCount: z.number().int(),
  tokenCount: z.number().int(),
  pageCount: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  processedAt: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentSchema>;

export const addedDocumentSchema = documentSchema.extend({
  kind: z.literal("document"),
  /** True when identical content already existed in the knowledge base; nothing new was queued. */
  duplicate: z.boolean(),
  /** True when a document with the same source (file name, URL) was updated to this new version. */
  replaced: z.boolean(),
});
export type AddedDocument = z.infer<typeof addedDocumentSchema>;

/** Counts of a FAQ import (bulk endpoint, or a CSV upload with question/answer columns). */
export const faqImportResultSchema = z.object({
  kind: z.literal("faqs"),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** True when the import changed nothing (every row was already there with the same answer). */
  duplicate: z.boolean(),
});
export type FaqImportResult = z.infer<typeof faqImportResultSchema>;

/** A document, or (for a CSV upload with question/answer columns) the FAQ documents made from its rows. */
export const addDocumentResultSchema = z.discriminatedUnion("kind", [addedDocumentSchema, faqImportResultSchema]);
export type AddDocumentResult = z.infer<typeof addDocumentResultSchema>;

export const listDocumentsInput = z.object({
  status: documentStatusSchema.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListDocumentsInput = z.input<typeof listDocumentsInput>;

/** Metadata filters of a search, enforced in SQL next to tenant isolation; all given filters must hold. */
export const searchFiltersSchema = z
  .object({
    documentIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    /** Documents carrying at least one of these tags. */
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    sourceKinds: z.array(z.enum(["file", "text", "url", "faq"])).max(4).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchKnowledgeInput = z
  .object({
    query: z.string().trim().min(1, "query is required").max(2000),
    knowledgeBaseId: z.string().min(1).optional(),
    botId: z.string().min(1).optional(),
    /** Default: the knowledge base's retrievalSettings.topK (8 unless changed). */
    limit: z.number().int().min(1).max(50).optional(),
    filters: searchFiltersSchema.optional(),
  })
  .refine((input) => !(input.knowledgeBaseId && input.botId), {
    path: ["knowledgeBaseId"],
    message: "give either knowledgeBaseId or botId, not both",
  });
export type SearchKnowledgeInput = z.input<typeof searchKnowledgeInput>;

export const searchResultSchema = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  knowledgeBaseId: z.string(),
  title: z.string(),
  content: z.string(),
  position: z.number().int(),
  /** Fused rank score; only comparable within one query. */
  score: z.number(),
  /** Cosine similarity when the chunk was among the vector candidates. */
  vectorScore: z.number().nullable(),
  /** Share of the query's terms found in the chunk (0..1) when it matched the full-text search. */
  textScore: z.number().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

const faqQuestion = z.string().trim().min(1, "question is required").max(1000, "question has at most 1000 characters");
const faqAnswer = z.string().trim().min(1, "answer is required").max(10_000, "answer has at most 10000 characters");

export const faqInput = z.object({ question: faqQuestion, answer: faqAnswer, tags: documentTagsSchema.optional() }).strict();
export type FaqInput = z.input<typeof faqInput>;

export const updateFaqInput = z
  .object({ question: faqQuestion.optional(), answer: faqAnswer.optional(), tags: documentTagsSchema.optional() })
  .strict();
export type UpdateFaqInput = z.input<typeof updateFaqInput>;

export const MAX_FAQ_BULK_ITEMS = 10_000;
/** Rows are validated one by one (every bad row is reported), so only the envelope is checked here. */
export const bulkFaqInput = z
  .object({ items: z.array(z.unknown()).min(1, "items must not be empty").max(MAX_FAQ_BULK_ITEMS, `at most ${MAX_FAQ_BULK_ITEMS} items`) })
  .strict();
export type BulkFaqInput = { items: FaqInput[] };

export const listFaqsInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(200).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
});
export type ListFaqsInput = z.input<typeof listFaqsInput>;

export const faqSchema = documentSchema.extend({ question: z.string(), answer: z.string() });
export type FaqView = z.infer<typeof faqSchema>;

export const faqPageSchema = z.object({ data: z.array(faqSchema), nextCursor: z.string().nullable() });
export type FaqPage = z.infer<typeof faqPageSchema>;
