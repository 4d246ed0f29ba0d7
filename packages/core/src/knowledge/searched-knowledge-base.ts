/** What searching a knowledge base reads of it. */
export const searchedKnowledgeBaseFields = { id: true, embeddingModel: true, retrievalSettings: true } as const;

export interface SearchedKnowledgeBase {
  id: string;
  embeddingModel: string;
  retrievalSettings: unknown;
}
