import type { EmbeddingsProvider } from "@frontdesk/rag";
import { embeddingCatalog } from "../knowledge/embedding-catalog";
import { IngestionFailure } from "./ingestion-failure";
import type { IngestionDeps } from "./types";

/**
 * The embedding model a knowledge base is indexed with. It may differ from the server's default (after a
 * re-embedding), so ingestion must embed with it, or the new chunks would not be comparable with the old ones.
 */
export async function knowledgeBaseEmbeddings(
  deps: Pick<IngestionDeps, "rag">,
  kb: { embeddingModel: string; embeddingDimensions: number },
): Promise<EmbeddingsProvider> {
  const catalog = embeddingCatalog(deps.rag);
  if (catalog.resolve(kb.embeddingModel) === null) {
    throw new IngestionFailure(
      `knowledge base uses embedding model ${kb.embeddingModel}, which this server cannot build ` +
        `(configure its provider, or switch the knowledge base to ${deps.rag.embeddings.model})`,
    );
  }
  const provider = await catalog.load(kb.embeddingModel);
  if (provider.dimensions !== kb.embeddingDimensions) {
    throw new IngestionFailure(
      `knowledge base expects ${kb.embeddingDimensions}-dimension embeddings but ${kb.embeddingModel} makes ${provider.dimensions}`,
    );
  }
  return provider;
}
