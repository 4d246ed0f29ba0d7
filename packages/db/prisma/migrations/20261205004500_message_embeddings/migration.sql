-- Search by meaning and words over conversations (issue 16): visitor and caller messages as vectors of the bot's
-- knowledge base embedding model, plus their words, scoped by organization.
CREATE TABLE "message_embedding" (
    "messageId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "embedding" vector NOT NULL,
    "embeddingModel" TEXT NOT NULL,
    "embeddingDimensions" INTEGER NOT NULL,
    "fts" tsvector NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_embedding_pkey" PRIMARY KEY ("messageId")
);

CREATE INDEX "message_embedding_organizationId_embeddingModel_idx" ON "message_embedding"("organizationId", "embeddingModel");
CREATE INDEX "message_embedding_conversationId_idx" ON "message_embedding"("conversationId");
ALTER TABLE "message_embedding" ADD CONSTRAINT "message_embedding_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Like chunk: one partial HNSW index per supported dimension (the column is untyped so models may differ), and
-- a GIN index for the words.
CREATE INDEX "message_embedding_384_idx" ON "message_embedding" USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE "embeddingDimensions" = 384;
CREATE INDEX "message_embedding_512_idx" ON "message_embedding" USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE "embeddingDimensions" = 512;
CREATE INDEX "message_embedding_768_idx" ON "message_embedding" USING hnsw ((embedding::vector(768)) vector_cosine_ops) WHERE "embeddingDimensions" = 768;
CREATE INDEX "message_embedding_1024_idx" ON "message_embedding" USING hnsw ((embedding::vector(1024)) vector_cosine_ops) WHERE "embeddingDimensions" = 1024;
CREATE INDEX "message_embedding_1536_idx" ON "message_embedding" USING hnsw ((embedding::vector(1536)) vector_cosine_ops) WHERE "embeddingDimensions" = 1536;
CREATE INDEX "message_embedding_fts_idx" ON "message_embedding" USING gin ("fts");
