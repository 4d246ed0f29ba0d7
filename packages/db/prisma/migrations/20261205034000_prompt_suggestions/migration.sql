-- Weekly prompt suggestions (issue 16): one row per bot, ISO week and key, with the evidence it rests on.

CREATE TABLE "prompt_suggestion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "method" TEXT NOT NULL DEFAULT 'rules',
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_suggestion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "prompt_suggestion_botId_week_key_key" ON "prompt_suggestion"("botId", "week", "key");
CREATE INDEX "prompt_suggestion_organizationId_status_createdAt_idx" ON "prompt_suggestion"("organizationId", "status", "createdAt");
CREATE INDEX "prompt_suggestion_botId_key_idx" ON "prompt_suggestion"("botId", "key");

ALTER TABLE "prompt_suggestion" ADD CONSTRAINT "prompt_suggestion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "prompt_suggestion" ADD CONSTRAINT "prompt_suggestion_botId_fkey" FOREIGN KEY ("botId") REFERENCES "bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
