-- The lead engine: SMS/WhatsApp messages keep the provider's id (replays refused, status callbacks matched),
-- leads carry a tier, score and reasons with their history, bots say where hot-lead alerts go, and each action
-- taken on a lead is recorded once per trigger.

-- CreateEnum
CREATE TYPE "LeadTier" AS ENUM ('hot', 'warm', 'cold');

-- AlterTable
ALTER TABLE "bot" ADD COLUMN     "leadAlerts" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "lead" ADD COLUMN     "tier" "LeadTier",
ADD COLUMN     "score" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "qualification" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "qualifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "lead_qualification_change" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "previousTier" "LeadTier",
    "tier" "LeadTier" NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "method" TEXT NOT NULL DEFAULT 'rules',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_qualification_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_action" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "message_organizationId_externalId_key" ON "message"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "lead_organizationId_tier_updatedAt_idx" ON "lead"("organizationId", "tier", "updatedAt");

-- CreateIndex
CREATE INDEX "lead_qualification_change_leadId_createdAt_idx" ON "lead_qualification_change"("leadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "lead_action_leadId_trigger_kind_key" ON "lead_action"("leadId", "trigger", "kind");

-- CreateIndex
CREATE INDEX "lead_action_organizationId_status_updatedAt_idx" ON "lead_action"("organizationId", "status", "updatedAt");

-- AddForeignKey
ALTER TABLE "lead_qualification_change" ADD CONSTRAINT "lead_qualification_change_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_qualification_change" ADD CONSTRAINT "lead_qualification_change_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_action" ADD CONSTRAINT "lead_action_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_action" ADD CONSTRAINT "lead_action_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;
