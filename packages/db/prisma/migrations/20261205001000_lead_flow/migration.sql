-- The lead engine's flow (issue 14): follow-up sequences and the booking dialogue per bot, daily token usage per
-- organization and bot, and once-only markers for scheduled work shared by replicas (the daily summary).

-- AlterTable
ALTER TABLE "bot" ADD COLUMN     "followUps" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "booking" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "token_usage_daily" (
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "token_usage_daily_pkey" PRIMARY KEY ("organizationId","botId","day")
);

-- CreateTable
CREATE TABLE "job_marker" (
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_marker_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "token_usage_daily_organizationId_day_idx" ON "token_usage_daily"("organizationId", "day");

-- AddForeignKey
ALTER TABLE "token_usage_daily" ADD CONSTRAINT "token_usage_daily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
