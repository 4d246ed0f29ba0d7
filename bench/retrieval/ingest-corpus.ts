import { addDocument } from "@frontdesk/core";
import type { BenchApi } from "../open-bench-api";
import type { BeirCollection } from "./load-beir";

export interface IngestedCorpus {
  organizationId: string;
  knowledgeBaseId: string;
  /** database document id → BEIR ids (identical texts are one document, so possibly several) */
  beirIdsByDocumentId: Map<string, string[]>;
  chunks: number;
}

/**
 * Loads the corpus through the product's own pipeline: the addDocument service queues each text, the
 * in-process worker extracts, splits, embeds and stores it, and drain() returns when every job settled.
 */
export async function ingestCorpus(api: BenchApi, collection: BeirCollection): Promise<IngestedCorpus> {
  const { ctx, knowledgeBaseId, organizationId } = api.tenant;
  const beirIdsByDocumentId = new Map<string, string[]>();
  for (const document of collection.documents) {
    // Empty corpus entries (Cranfield has two) cannot be retrieved by any system; the service rejects them.
    if (`${document.title}${document.text}`.trim() === "") continue;
    const added = await addDocument(ctx, knowledgeBaseId, {
      kind: "text",
      title: document.title.trim() || document.id,
      text: document.title ? `${document.title}\n\n${document.text}` : document.text,
    });
    beirIdsByDocumentId.set(added.id, [...(beirIdsByDocumentId.get(added.id) ?? []), document.id]);
  }
  await api.deps.events.drain();
  const documents = await api.deps.prisma.document.findMany({
    where: { organizationId, knowledgeBaseId },
    select: { status: true, chunkCount: true, title: true, error: true },
  });
  const failed = documents.filter((document) => document.status !== "ready");
  if (failed.length > 0) {
    throw new Error(`${failed.length} documents did not ingest, e.g. ${failed[0]?.title}: ${failed[0]?.status} ${failed[0]?.error ?? ""}`);
  }
  return {
    organizationId,
    knowledgeBaseId,
    beirIdsByDocumentId,
    chunks: documents.reduce((sum, document) => sum + document.chunkCount, 0),
  };
}
