-- Analytics overview (issue 16): conversations and messages of an organization by time.
CREATE INDEX "conversation_organizationId_createdAt_idx" ON "conversation"("organizationId", "createdAt");
CREATE INDEX "message_organizationId_createdAt_idx" ON "message"("organizationId", "createdAt");
