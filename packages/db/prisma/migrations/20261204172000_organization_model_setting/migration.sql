-- Per-organization language model for answers (issue 13); no row = the server default from the environment.
CREATE TABLE "organization_model_setting" (
    "organizationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT,
    "baseUrl" TEXT,
    "encryptedKey" JSONB,
    "keyId" TEXT,
    "keyHint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_model_setting_pkey" PRIMARY KEY ("organizationId")
);

ALTER TABLE "organization_model_setting" ADD CONSTRAINT "organization_model_setting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
