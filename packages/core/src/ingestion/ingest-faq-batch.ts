import { createHash } from "node:crypto";
import { countTokens, replaceChunksOfDocuments } from "@frontdesk/rag";
import { faqChunkText } from "../knowledge/faq-content";
import { readFaq } from "../knowledge/views";
import { embeddingCatalog } from "../knowledge/embedding-catalog";
import { unpackEmbeddingBatches } from "./embed-chunks";
import { IngestionFailure } from "./ingestion-failure";
import { knowledgeBaseEmbeddings } from "./knowledge-base-embeddings";
import { readFingerprint } from "./fingerprint";
import { markIngestionFailed } from "./mark-ingestion-failed";
import { STAGE_PROGRESS } from "./report-progress";
import type { IngestionDeps, IngestionFingerprint } from "./types";

export interface FaqBatchRef {
  organizationId: string;
  knowledgeBaseId: string;
  documentIds: string[];
}

export interface LoadedFaq {
  documentId: string;
  content: string;
  tokenCount: number;
  contentHash: string;
}

export interface LoadedFaqBatch {
  settings: Omit<IngestionFingerprint, "contentHash">;
  faqs: LoadedFaq[];
}

/**
 * Step 1 of a FAQ batch: reads the pairs still needing work (missing, already ingested for the same content
 * and settings are skipped) and marks them processing. A knowledge base on another embedding model fails them.
 */
export async function loadFaqBatch(deps: IngestionDeps, ref: FaqBatchRef): Promise<LoadedFaqBatch> {
  const kb = await deps.prisma.knowledgeBase.findFirst({ where: { id: ref.knowledgeBaseId, organizationId: ref.organizationId } });
  const settings = { embeddingModel: kb?.embeddingModel ?? deps.rag.embeddings.model, chunkSize: kb?.chunkSize ?? 0, chunkOverlap: kb?.chunkOverlap ?? 0 };
  if (!kb) return { settings, faqs: [] };
  const documents = await deps.prisma.document.findMany({
    where: { id: { in: ref.documentIds }, organizationId: ref.organizationId, knowledgeBaseId: kb.id, sourceKind: "faq" },
  });
  try {
    await knowledgeBaseEmbeddings(deps, kb);
  } catch (error) {
    if (!(error instanceof IngestionFailure)) throw error;
    for (const doc of documents) await markIngestionFailed(deps, { ...ref, documentId: doc.id }, error.message);
    return { settings, faqs: [] };
  }

  const faqs: LoadedFaq[] = [];
  for (const doc of documents) {
    const faq = readFaq(doc.metadata);
    if (!faq) {
      await markIngestionFailed(deps, { ...ref, documentId: doc.id }, "FAQ document has no question and answer; add it again");
      continue;
    }
    const content = faqChunkText(faq);
    const contentHash = createHash("sha256").update(content).digest("hex");
    const done = readFingerprint(doc.metadata);
    const unchanged =
      doc.status === "ready" &&
      done?.contentHash === contentHash &&
      done.embeddingModel === settings.embeddingModel &&
      done.chunkSize === settings.chunkSize &&
      done.chunkOverlap === settings.chunkOverlap;
    if (unchanged) continue;
    faqs.push({ documentId: doc.id, content, tokenCount: countTokens(content), contentHash });
  }
  if (faqs.length > 0) {
    await deps.prisma.document.updateMany({
      where: { id: { in: faqs.map((faq) => faq.documentId) }, organizationId: ref.organizationId, status: { not: "ready" } },
      data: { status: "processing" },
    });
    await deps.prisma.document.updateMany({
      where: { id: { in: faqs.map((faq) => faq.documentId) }, organizationId: ref.organizationId },
      data: { stage: "embed", progress: STAGE_PROGRESS.embed, error: null, attempts: { increment: 1 } },
    });
  }
  // Settled unchanged ones still carry the stage "queued" from the import.
  await deps.prisma.document.updateMany({
    where: { id: { in: ref.documentIds }, organizationId: ref.organizationId, status: "ready", stage: "queued" },
    data: { stage: null, progress: 100 },
  });
  return { settings, faqs };
}

/**
 * Last step of a FAQ batch: every pair's single chunk replaces its old one and the documents become ready,
 * all in ONE transaction (a search sees the old answers or the new ones, never none). Returns how many.
 */
export async function storeFaqBatch(
  deps: IngestionDeps,
  ref: FaqBatchRef,
  input: { batch: LoadedFaqBatch; embeddingBatches: string[] },
): Promise<number> {
  const { dimensions } = await embeddingCatalog(deps.rag).load(input.batch.settings.embeddingModel);
  const { vectors, sentenceVectors } = unpackEmbeddingBatches(input.embeddingBatches, dimensions);
  if (vectors.length !== input.batch.faqs.length) {
    throw new Error(`have ${vectors.length} embeddings for ${input.batch.faqs.length} FAQs`);
  }
  // Deleted meanwhile: nothing to store for them (their chunks went with the row).
  const alive = new Set(
    (
      await deps.prisma.document.findMany({
        where: { id: { in: input.batch.faqs.map((faq) => faq.documentId) }, organizationId: ref.organizationId },
        select: { id: true },
      })
    ).map((doc) => doc.id),
  );
  const stored = input.batch.faqs.map((faq, i) => ({ faq, embedding: vectors[i]!, sentences: sentenceVectors[i] ?? null })).filter(({ faq }) => alive.has(faq.documentId));
  if (stored.length === 0) return 0;
  const now = new Date();
  await replaceChunksOfDocuments(
    deps.prisma,
    {
      organizationId: ref.organizationId,
      knowledgeBaseId: ref.knowledgeBaseId,
      embeddingModel: input.batch.settings.embeddingModel,
      dimensions,
      documents: stored.map(({ faq, embedding, sentences }) => ({
        documentId: faq.documentId,
        chunks: [{ content: faq.content, tokenCount: faq.tokenCount, position: 0, metadata: {}, embedding, sentenceVectors: sentences }],
      })),
    },
    async (tx) => {
      // One statement for the whole batch (a Prisma update per row costs ~100 round trips here).
      const rows = stored.map(({ faq }) => ({
        id: faq.documentId,
        tokenCount: faq.tokenCount,
        ingestion: { ...input.batch.settings, contentHash: faq.contentHash },
      }));
      await tx.$executeRaw`
        UPDATE document AS d SET status = 'ready'::"DocumentStatus", stage = NULL, progress = 100, error = NULL,
               "chunkCount" = 1, "tokenCount" = r."tokenCount", "processedAt" = ${now}, "updatedAt" = ${now},
               metadata = d.metadata || jsonb_build_object('ingestion', r.ingestion)
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "tokenCount" int, ingestion jsonb)
        WHERE d.id = r.id AND d."organizationId" = ${ref.organizationId}`;
    },
  );
  return stored.length;
}

/** When a FAQ batch fails for good: every pair still pending in it is marked failed with the reason. */
export async function failFaqBatch(deps: Pick<IngestionDeps, "prisma">, ref: FaqBatchRef, reason: string): Promise<void> {
  for (const documentId of ref.documentIds) {
    await markIngestionFailed(deps, { ...ref, documentId }, reason, { onlyIfPending: true });
  }
}
