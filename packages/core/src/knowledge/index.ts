export * from "./schemas";
export { createKnowledgeBase } from "./create-knowledge-base";
export { listKnowledgeBases } from "./list-knowledge-bases";
export { getKnowledgeBase, getKnowledgeBaseOrThrow } from "./get-knowledge-base";
export { updateKnowledgeBase } from "./update-knowledge-base";
export { deleteKnowledgeBase } from "./delete-knowledge-base";
export { clearKnowledgeBase } from "./clear-knowledge-base";
export { getKnowledgeBaseStats } from "./get-knowledge-base-stats";
export { addDocument } from "./add-document";
export { listDocuments } from "./list-documents";
export { getDocument, getDocumentOrThrow } from "./get-document";
export { deleteDocument } from "./delete-document";
export { searchKnowledge, searchKnowledgeBases } from "./search-knowledge";
export { detectMimeType } from "./detect-mime-type";
export { formatBytes } from "./format-bytes";
export { toDocumentView, toKnowledgeBaseView, toFaqView, readFaq } from "./views";
export { importFaqs, type ImportFaqsOptions, type ImportedFaqs } from "./import-faqs";
export { createFaq, bulkCreateFaqs, listFaqs, getFaq, updateFaq, deleteFaq, type CreatedFaq } from "./faqs";
export { faqChunkText, faqContentHash, faqSourceUri, normalizeQuestion } from "./faq-content";
export { retryDocument, STUCK_AFTER_MS } from "./retry-document";
export { queueIngestion, FAQS_PER_EVENT } from "./queue-ingestion";
export * from "./expansions";
export * from "./reembedding";
export {
  retrievalSettingsSchema,
  retrievalSettingsPatch,
  defaultRetrievalSettings,
  readRetrievalSettings,
  type RetrievalSettings,
  type RetrievalSettingsPatch,
} from "./retrieval-settings";
export { embeddingCatalog } from "./embedding-catalog";
