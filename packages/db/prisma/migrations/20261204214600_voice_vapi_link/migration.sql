-- Voice (issue 15): a bot linked to a Vapi assistant, and what to restore when it is unlinked.
ALTER TABLE "bot" ADD COLUMN "vapiIntegrationId" TEXT,
ADD COLUMN "vapiAssistantId" TEXT,
ADD COLUMN "vapiRestore" JSONB;
