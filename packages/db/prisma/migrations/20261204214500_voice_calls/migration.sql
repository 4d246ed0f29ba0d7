-- Voice (issue 15): the bot's Vapi server secret (encrypted), calls and their events.
ALTER TABLE "bot" ADD COLUMN "voiceSecret" JSONB,
ADD COLUMN "voiceSecretKeyId" TEXT,
ADD COLUMN "voiceSecretHint" TEXT;

CREATE TABLE "call" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "vapiCallId" TEXT NOT NULL,
    "customerNumber" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationSeconds" DOUBLE PRECISION,
    "endedReason" TEXT,
    "costUsd" DOUBLE PRECISION,
    "recordingUrl" TEXT,
    "summary" TEXT,
    "transcript" TEXT,
    "structuredData" JSONB,
    "successEvaluation" TEXT,
    "toolCallsCount" INTEGER NOT NULL DEFAULT 0,
    "toolErrorsCount" INTEGER NOT NULL DEFAULT 0,
    "userSentiment" TEXT,
    "interventionCount" INTEGER NOT NULL DEFAULT 0,
    "controlUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "call_event" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "speaker" TEXT,
    "text" TEXT,
    "isFinal" BOOLEAN,
    "secondsFromStart" DOUBLE PRECISION,
    "data" JSONB NOT NULL DEFAULT '{}',
    "response" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_event_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "call_conversationId_key" ON "call"("conversationId");
CREATE INDEX "call_organizationId_createdAt_idx" ON "call"("organizationId", "createdAt");
CREATE UNIQUE INDEX "call_botId_vapiCallId_key" ON "call"("botId", "vapiCallId");
CREATE INDEX "call_event_callId_createdAt_idx" ON "call_event"("callId", "createdAt");
CREATE UNIQUE INDEX "call_event_callId_type_eventKey_key" ON "call_event"("callId", "type", "eventKey");

ALTER TABLE "call" ADD CONSTRAINT "call_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call" ADD CONSTRAINT "call_botId_fkey" FOREIGN KEY ("botId") REFERENCES "bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call" ADD CONSTRAINT "call_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call_event" ADD CONSTRAINT "call_event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call_event" ADD CONSTRAINT "call_event_callId_fkey" FOREIGN KEY ("callId") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE CASCADE;
