-- Knowledge lifecycle (progress, tags, crawls, re-embedding, query expansion), widget (appearance, leads,
-- handoff, operator messages) and integrations (encrypted configs, custom actions, bot tools, tool-call log,
-- outbound webhooks with delivery log).

-- AlterEnum
ALTER TYPE "MessageRole" ADD VALUE 'operator';

-- CreateEnum
CREATE TYPE "CrawlStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('untested', 'connected', 'error');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "ToolCallSource" AS ENUM ('chat', 'invoke', 'voice');

-- AlterTable
ALTER TABLE "bot" ADD COLUMN     "appearance" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "leadCapture" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "knowledge_base" ADD COLUMN     "retrievalSettings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "nextEmbeddingModel" TEXT,
ADD COLUMN     "nextEmbeddingDimensions" INTEGER,
ADD COLUMN     "reembedProgress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reembedError" TEXT;

-- AlterTable
ALTER TABLE "document" ADD COLUMN     "stage" TEXT,
ADD COLUMN     "progress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "httpEtag" TEXT,
ADD COLUMN     "httpLastModified" TEXT,
ADD COLUMN     "crawlId" TEXT;

-- AlterTable
ALTER TABLE "chunk" ADD COLUMN     "nextEmbedding" vector,
ADD COLUMN     "nextEmbeddingModel" TEXT;

-- AlterTable
ALTER TABLE "conversation" ADD COLUMN     "handoffRequestedAt" TIMESTAMP(3),
ADD COLUMN     "assigneeId" TEXT;

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "metadata" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "authorUserId" TEXT;

-- CreateTable
CREATE TABLE "crawl" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,
    "startUrl" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'url',
    "maxDepth" INTEGER NOT NULL DEFAULT 2,
    "maxPages" INTEGER NOT NULL DEFAULT 50,
    "sameOrigin" BOOLEAN NOT NULL DEFAULT true,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "status" "CrawlStatus" NOT NULL DEFAULT 'queued',
    "pagesDiscovered" INTEGER NOT NULL DEFAULT 0,
    "pagesIngested" INTEGER NOT NULL DEFAULT 0,
    "pagesUnchanged" INTEGER NOT NULL DEFAULT 0,
    "pagesSkipped" INTEGER NOT NULL DEFAULT 0,
    "pagesFailed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "crawl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "query_expansion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "expansions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "query_expansion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "conversationId" TEXT,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "encryptedConfig" JSONB NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicConfig" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'untested',
    "statusReason" TEXT,
    "lastTestedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custom_action" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "endpointUrl" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'POST',
    "authType" TEXT NOT NULL DEFAULT 'none',
    "authHeader" TEXT,
    "encryptedSecret" JSONB,
    "keyId" TEXT,
    "timeoutMs" INTEGER NOT NULL DEFAULT 15000,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custom_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bot_tool" (
    "botId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "integrationId" TEXT,
    "action" TEXT,
    "customActionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bot_tool_pkey" PRIMARY KEY ("botId","toolName")
);

-- CreateTable
CREATE TABLE "tool_call" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT,
    "conversationId" TEXT,
    "integrationId" TEXT,
    "customActionId" TEXT,
    "toolName" TEXT NOT NULL,
    "source" "ToolCallSource" NOT NULL DEFAULT 'chat',
    "arguments" JSONB NOT NULL DEFAULT '{}',
    "ok" BOOLEAN NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tool_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "encryptedSecret" JSONB NOT NULL,
    "keyId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_knowledgeBaseId_sourceUri_idx" ON "document"("knowledgeBaseId", "sourceUri");

-- CreateIndex
CREATE INDEX "document_crawlId_idx" ON "document"("crawlId");

-- CreateIndex
CREATE INDEX "crawl_organizationId_knowledgeBaseId_createdAt_idx" ON "crawl"("organizationId", "knowledgeBaseId", "createdAt");

-- CreateIndex
CREATE INDEX "query_expansion_organizationId_idx" ON "query_expansion"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "query_expansion_knowledgeBaseId_term_key" ON "query_expansion"("knowledgeBaseId", "term");

-- CreateIndex
CREATE UNIQUE INDEX "lead_conversationId_key" ON "lead"("conversationId");

-- CreateIndex
CREATE INDEX "lead_organizationId_createdAt_idx" ON "lead"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "lead_organizationId_email_idx" ON "lead"("organizationId", "email");

-- CreateIndex
CREATE INDEX "integration_organizationId_type_idx" ON "integration"("organizationId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "custom_action_organizationId_name_key" ON "custom_action"("organizationId", "name");

-- CreateIndex
CREATE INDEX "bot_tool_organizationId_idx" ON "bot_tool"("organizationId");

-- CreateIndex
CREATE INDEX "tool_call_organizationId_createdAt_idx" ON "tool_call"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "tool_call_organizationId_toolName_createdAt_idx" ON "tool_call"("organizationId", "toolName", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_endpoint_organizationId_idx" ON "webhook_endpoint"("organizationId");

-- CreateIndex
CREATE INDEX "webhook_delivery_endpointId_createdAt_idx" ON "webhook_delivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_delivery_organizationId_createdAt_idx" ON "webhook_delivery"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_crawlId_fkey" FOREIGN KEY ("crawlId") REFERENCES "crawl"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl" ADD CONSTRAINT "crawl_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl" ADD CONSTRAINT "crawl_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "knowledge_base"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "query_expansion" ADD CONSTRAINT "query_expansion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "query_expansion" ADD CONSTRAINT "query_expansion_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "knowledge_base"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead" ADD CONSTRAINT "lead_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead" ADD CONSTRAINT "lead_botId_fkey" FOREIGN KEY ("botId") REFERENCES "bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead" ADD CONSTRAINT "lead_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration" ADD CONSTRAINT "integration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_action" ADD CONSTRAINT "custom_action_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_tool" ADD CONSTRAINT "bot_tool_botId_fkey" FOREIGN KEY ("botId") REFERENCES "bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_tool" ADD CONSTRAINT "bot_tool_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_tool" ADD CONSTRAINT "bot_tool_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bot_tool" ADD CONSTRAINT "bot_tool_customActionId_fkey" FOREIGN KEY ("customActionId") REFERENCES "custom_action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tool_call" ADD CONSTRAINT "tool_call_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
