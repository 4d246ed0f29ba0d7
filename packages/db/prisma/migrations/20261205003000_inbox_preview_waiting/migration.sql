-- Inbox (issue 14): admin try-it chats are marked so the inbox can leave them out, and the "waiting for a person"
-- count in the navigation reads conversations by status and assignee.
ALTER TABLE "conversation" ADD COLUMN "preview" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "conversation_organizationId_status_assigneeId_idx" ON "conversation"("organizationId", "status", "assigneeId");
