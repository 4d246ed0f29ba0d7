import { createHash } from "node:crypto";
import { ExtractionError } from "@frontdesk/rag";
import { faqChunkText } from "../knowledge/faq-content";
import { formatBytes } from "../knowledge/format-bytes";
import { readFaq } from "../knowledge/views";
import { readUpload } from "../storage";
import { contentReader } from "./content-reader";
import { fetchUrlSource, type FetchedSource } from "./fetch-url-source";
import { IngestionFailure } from "./ingestion-failure";
import { knowledgeBaseEmbeddings } from "./knowledge-base-embeddings";
import { readFingerprint } from "./fingerprint";
import { STAGE_PROGRESS } from "./report-progress";
import type { DocumentRef, ExtractOutcome, IngestionDeps, IngestionFingerprint } from "./types";

/**
 * Step 1: loads the document's bytes (stored upload or URL), skips work already done for the same content and
 * settings, marks the document processing and extracts its text.
 */
export async function extractDocument(deps: IngestionDeps, ref: DocumentRef): Promise<ExtractOutcome> {
  const document = await deps.prisma.document.findFirst({
    where: { id: ref.documentId, organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId },
    include: { knowledgeBase: true },
  });
  if (!document) return { outcome: "missing" };
  const kb = document.knowledgeBase;

  const limit = deps.config.UPLOAD_MAX_BYTES;
  if (document.sizeBytes > limit) {
    throw new IngestionFailure(`file is ${formatBytes(document.sizeBytes)}, limit is ${formatBytes(limit)}`);
  }
  await knowledgeBaseEmbeddings(deps, kb);

  const source = await loadSource(deps, document);
  const fingerprint: IngestionFingerprint = {
    contentHash: createHash("sha256").update(source.bytes).digest("hex"),
    embeddingModel: kb.embeddingModel,
    chunkSize: kb.chunkSize,
    chunkOverlap: kb.chunkOverlap,
  };
  if (document.status === "ready" && sameFingerprint(readFingerprint(document.metadata), fingerprint)) {
    // The chunks already are of these bytes (e.g. the version that was still serving after a newer one failed
    // was uploaded again): nothing to redo, and no failure left to report.
    if (document.stage !== null || document.error !== null) {
      await deps.prisma.document.updateMany({ where: { id: document.id }, data: { stage: null, progress: 100, error: null } });
    }
    return { outcome: "unchanged", chunkCount: document.chunkCount };
  }

  // A document that is already searchable (a new version of it is coming in) stays ready: its old chunks
  // keep answering until the new ones are swapped in by the store step.
  await deps.prisma.document.updateMany({
    where: { id: document.id, organizationId: document.organizationId },
    data: {
      ...(document.status === "ready" ? {} : { status: "processing" }),
      error: null,
      stage: "extract",
      progress: STAGE_PROGRESS.extract,
      attempts: { increment: 1 },
    },
  });

  if (document.sourceKind === "faq") {
    // Exactly one chunk, never split: the question and its answer belong together.
    return {
      outcome: "extracted",
      fingerprint,
      title: null,
      mimeType: "text/plain",
      sizeBytes: source.bytes.byteLength,
      pageCount: null,
      format: "text",
      sections: [{ text: new TextDecoder().decode(source.bytes), atomic: true }],
      warnings: [],
    };
  }

  let extracted;
  try {
    // In a worker thread with a heap and time limit: a hostile file fails here, alone, with a readable reason.
    extracted = await contentReader(deps.config).extractText(source);
  } catch (error) {
    if (error instanceof ExtractionError) throw new IngestionFailure(error.message, { cause: error });
    throw error;
  }
  assertTextFitsInRun(extracted.text);
  return {
    outcome: "extracted",
    fingerprint,
    title: extracted.title ?? null,
    mimeType: extracted.mimeType,
    sizeBytes: source.bytes.byteLength,
    pageCount: extracted.pageCount ?? null,
    format: extracted.type === "markdown" || extracted.type === "html" || extracted.type === "docx" ? "markdown" : "text",
    sections: extracted.records
      ? extracted.records.map((text) => ({ text, atomic: true }))
      : (extracted.pages ?? [{ text: extracted.text }]),
    warnings: extracted.warnings ?? [],
  };
}

async function loadSource(
  deps: IngestionDeps,
  document: { sourceKind: string; sourceUri: string | null; storagePath: string | null; mimeType: string; title: string; metadata: unknown },
): Promise<FetchedSource> {
  if (document.sourceKind === "faq") {
    const faq = readFaq(document.metadata);
    if (!faq) throw new IngestionFailure("FAQ document has no question and answer; add it again");
    return { bytes: new TextEncoder().encode(faqChunkText(faq)), mimeType: "text/plain" };
  }
  if (document.sourceKind === "url") {
    if (!document.sourceUri) throw new IngestionFailure("URL document has no URL");
    return fetchUrlSource(document.sourceUri, deps.config);
  }
  if (!document.storagePath) throw new IngestionFailure("the uploaded file is missing; upload it again");
  let bytes: Uint8Array;
  try {
    bytes = await readUpload(deps.config, document.storagePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new IngestionFailure("the uploaded file is missing; upload it again", { cause: error });
    }
    throw error;
  }
  return { bytes, mimeType: document.mimeType, fileName: document.sourceUri ?? document.storagePath };
}

// Step results travel through Inngest's run state (4 MB per step); more text than this would not fit.
const MAX_TEXT_BYTES = 3 * 1024 * 1024;

function assertTextFitsInRun(text: string) {
  const size = Buffer.byteLength(text);
  if (size > MAX_TEXT_BYTES) {
    throw new IngestionFailure(
      `document has ${formatBytes(size)} of text, limit is ${formatBytes(MAX_TEXT_BYTES)}; split it into smaller files`,
    );
  }
}

const sameFingerprint = (a: IngestionFingerprint | undefined, b: IngestionFingerprint) =>
  a !== undefined &&
  a.contentHash === b.contentHash &&
  a.embeddingModel === b.embeddingModel &&
  a.chunkSize === b.chunkSize &&
  a.chunkOverlap === b.chunkOverlap;
