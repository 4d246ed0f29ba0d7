-- New chunks of a document are staged here in batches (other queries interleave on PGlite's single connection),
-- then moved into "chunk" in one short transaction.
CREATE TABLE "staged_chunk" (
    "id" TEXT NOT NULL,
    "stagingId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "tokenCount" INTEGER NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "embedding" vector,
    "embeddingModel" TEXT NOT NULL,
    "embeddingDimensions" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staged_chunk_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "staged_chunk_documentId_stagingId_idx" ON "staged_chunk"("documentId", "stagingId");

ALTER TABLE "staged_chunk" ADD CONSTRAINT "staged_chunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
