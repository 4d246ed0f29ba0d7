-- Durable parked runs (issue 14): the in-process executor keeps runs waiting on step.sleep / step.waitForEvent here,
-- so a restart resumes them and an event received by any replica wakes them.

CREATE TABLE "parked_run" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "state" JSONB NOT NULL,
    "waitKind" TEXT NOT NULL,
    "waitStepId" TEXT NOT NULL,
    "waitEvent" TEXT,
    "waitIf" TEXT,
    "waitUntil" TIMESTAMP(3) NOT NULL,
    "woken" BOOLEAN NOT NULL DEFAULT false,
    "wokenBy" JSONB,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "parked_run_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "parked_run_functionId_waitEvent_idx" ON "parked_run"("functionId", "waitEvent");
CREATE INDEX "parked_run_waitUntil_idx" ON "parked_run"("waitUntil");
