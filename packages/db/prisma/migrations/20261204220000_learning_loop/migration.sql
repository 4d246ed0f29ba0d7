-- Learning loop (issue 16): learned query expansions under review, failed retrievals, knowledge gaps.
ALTER TABLE "query_expansion" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'approved',
ADD COLUMN "confidence" DOUBLE PRECISION,
ADD COLUMN "provenance" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "seenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "acceptedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "rejectedExpansions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "timesUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "timesSuccessful" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "reviewedAt" TIMESTAMP(3);

CREATE INDEX "query_expansion_organizationId_status_idx" ON "query_expansion"("organizationId", "status");

CREATE TABLE "failed_retrieval" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "conversationId" TEXT,
    "messageId" TEXT,
    "query" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "knowledgeBaseIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "gapId" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedByMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "failed_retrieval_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "knowledge_gap" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAskedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'open',
    "examples" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "embedding" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "embeddingModel" TEXT,
    "faqDocumentId" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "knowledge_gap_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "failed_retrieval_organizationId_createdAt_idx" ON "failed_retrieval"("organizationId", "createdAt");
CREATE INDEX "failed_retrieval_conversationId_createdAt_idx" ON "failed_retrieval"("conversationId", "createdAt");
CREATE INDEX "failed_retrieval_gapId_idx" ON "failed_retrieval"("gapId");
CREATE INDEX "knowledge_gap_organizationId_status_count_idx" ON "knowledge_gap"("organizationId", "status", "count");
CREATE INDEX "knowledge_gap_botId_status_idx" ON "knowledge_gap"("botId", "status");

ALTER TABLE "failed_retrieval" ADD CONSTRAINT "failed_retrieval_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "failed_retrieval" ADD CONSTRAINT "failed_retrieval_gapId_fkey" FOREIGN KEY ("gapId") REFERENCES "knowledge_gap"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "knowledge_gap" ADD CONSTRAINT "knowledge_gap_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
