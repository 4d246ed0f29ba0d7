import { replaceDocumentChunks } from "@frontdesk/rag";
import { embeddingCatalog } from "../knowledge/embedding-catalog";
import { unpackEmbeddingBatches } from "./embed-chunks";
import type { DocumentRef, IngestionDeps, IngestionFingerprint, PreparedChunk } from "./types";

/** Step 4: swaps the document's chunks for the new ones in one transaction. Returns false if it was deleted. */
export async function storeDocumentChunks(
  deps: IngestionDeps,
  ref: DocumentRef,
  input: { fingerprint: IngestionFingerprint; chunks: PreparedChunk[]; embeddingBatches: string[] },
): Promise<boolean> {
  const exists = await deps.prisma.document.count({ where: { id: ref.documentId, organizationId: ref.organizationId } });
  if (exists === 0) return false;
  const { dimensions } = await embeddingCatalog(deps.rag).load(input.fingerprint.embeddingModel);
  const { vectors, sentenceVectors } = unpackEmbeddingBatches(input.embeddingBatches, dimensions);
  if (vectors.length !== input.chunks.length) {
    throw new Error(`have ${vectors.length} embeddings for ${input.chunks.length} chunks`);
  }
  await replaceDocumentChunks(deps.prisma, {
    ...ref,
    embeddingModel: input.fingerprint.embeddingModel,
    dimensions,
    chunks: input.chunks.map((chunk, i) => ({ ...chunk, embedding: vectors[i]!, sentenceVectors: sentenceVectors[i] ?? null })),
  });
  return true;
}
