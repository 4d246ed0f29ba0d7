import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, type AppConfig } from "@frontdesk/config";
import { saveUpload, type DocumentRef, type IngestionDeps } from "@frontdesk/core";
import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { createEmbeddingsProvider, type EmbeddingsProvider } from "@frontdesk/rag";
import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { pino } from "pino";
import { useInngestLogger } from "../src/client";

/** A migrated database, a temp data dir and an embedding model (by default the real local one the worker runs with). */
export interface Harness {
  db: Database;
  deps: IngestionDeps;
  config: AppConfig;
  embeddings: EmbeddingsProvider;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * "synthetic": deterministic vectors from a hash of the text, no model load and next to no CPU, for tests about
   * anything but the vectors themselves (crawling, retries, hostile input). Default "local": the real model.
   */
  embeddings?: "local" | "synthetic";
}

/** 512 dimensions like the local model, so chunks land in the same HNSW index. */
const syntheticEmbeddings = (): EmbeddingsProvider => ({
  embeddings: new SyntheticEmbeddings({ vectorSize: 512 }),
  model: "test/synthetic-512",
  dimensions: 512,
});

export async function createHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "frontdesk-worker-"));
  // Test sites are served on 127.0.0.1, which the SSRF guard refuses by default.
  const config = loadConfig({ FRONTDESK_DATA_DIR: dataDir, LOG_LEVEL: "silent", ALLOW_PRIVATE_NETWORK_FETCH: "true", ...env });
  const [db, embeddings] = await Promise.all([
    createTestDatabase(),
    options.embeddings === "synthetic" ? syntheticEmbeddings() : createEmbeddingsProvider(config),
  ]);
  const deps: IngestionDeps = {
    config,
    prisma: db.prisma,
    rag: { embeddings, chatModel: null },
    logger: pino({ level: "silent" }),
  };
  useInngestLogger(deps.logger);
  await db.prisma.organization.create({ data: { id: "org_test", name: "Test org", slug: "test-org" } });
  return {
    db,
    deps,
    config,
    embeddings,
    async close() {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let kbCounter = 0;

export interface NewDocument {
  fileName?: string;
  mimeType?: string;
  bytes?: Uint8Array;
  url?: string;
  /** Recorded size; defaults to the byte length (lets a test claim an oversized file). */
  sizeBytes?: number;
  knowledgeBase?: { chunkSize?: number; chunkOverlap?: number; embeddingModel?: string; embeddingDimensions?: number };
}

/** Inserts a queued document the way addDocument does (row, then the upload on disk). */
export async function createDocument(h: Harness, doc: NewDocument): Promise<DocumentRef> {
  const kb = await h.db.prisma.knowledgeBase.create({
    data: {
      organizationId: "org_test",
      name: `KB ${++kbCounter}`,
      chunkSize: doc.knowledgeBase?.chunkSize ?? 500,
      chunkOverlap: doc.knowledgeBase?.chunkOverlap ?? 50,
      embeddingModel: doc.knowledgeBase?.embeddingModel ?? h.embeddings.model,
      embeddingDimensions: doc.knowledgeBase?.embeddingDimensions ?? h.embeddings.dimensions,
    },
  });
  const source = doc.url ?? doc.fileName ?? "document";
  const document = await h.db.prisma.document.create({
    data: {
      organizationId: "org_test",
      knowledgeBaseId: kb.id,
      sourceKind: doc.url ? "url" : "file",
      sourceUri: source,
      title: source,
      mimeType: doc.mimeType ?? "application/octet-stream",
      sizeBytes: doc.sizeBytes ?? doc.bytes?.byteLength ?? 0,
      contentHash: `hash-${kbCounter}`,
    },
  });
  if (doc.bytes) {
    const storagePath = await saveUpload(h.config, {
      organizationId: "org_test",
      documentId: document.id,
      fileName: doc.fileName ?? "upload",
      bytes: doc.bytes,
    });
    await h.db.prisma.document.update({ where: { id: document.id }, data: { storagePath } });
  }
  return { organizationId: "org_test", knowledgeBaseId: kb.id, documentId: document.id };
}

export async function loadDocument(h: Harness, ref: DocumentRef) {
  const document = await h.db.prisma.document.findUniqueOrThrow({ where: { id: ref.documentId } });
  const chunks = await h.db.prisma.$queryRaw<
    Array<{ id: string; position: number; content: string; metadata: Record<string, unknown>; dims: number; embeddingModel: string; sentenceVectors: Uint8Array | null }>
  >`SELECT id, position, content, metadata, vector_dims(embedding) AS dims, "embeddingModel", "sentenceVectors"
    FROM chunk WHERE "documentId" = ${ref.documentId} ORDER BY position`;
  return { document, chunks };
}

/** A long Markdown FAQ: many sections, enough text for several chunks at small chunk sizes. */
export function faqMarkdown(sections = 6, sentences = 8): string {
  const topics = ["refunds", "shipping", "opening hours", "parking", "gift cards", "warranty", "privacy", "careers"];
  const body = Array.from({ length: sections }, (_, s) => {
    const topic = topics[s % topics.length]!;
    const text = Array.from(
      { length: sentences },
      (_, i) => `Our ${topic} rule number ${i + 1} says customers in section ${s + 1} are treated fairly and quickly.`,
    ).join(" ");
    return `## ${topic} (${s + 1})\n\n${text}`;
  });
  return `# Acme help center\n\n${body.join("\n\n")}\n`;
}
