-- Voice (issue 15): "sync to Vapi" uploads a bot's knowledge files to Vapi's file store behind a query tool.
ALTER TABLE "bot" ADD COLUMN "vapiFilesIntegrationId" TEXT,
ADD COLUMN "vapiQueryToolId" TEXT;

CREATE TABLE "vapi_file" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "vapiFileId" TEXT,
    "contentHash" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "vapiStatus" TEXT,
    "error" TEXT,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vapi_file_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "vapi_file_botId_documentId_key" ON "vapi_file"("botId", "documentId");

ALTER TABLE "vapi_file" ADD CONSTRAINT "vapi_file_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "vapi_file" ADD CONSTRAINT "vapi_file_botId_fkey" FOREIGN KEY ("botId") REFERENCES "bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
