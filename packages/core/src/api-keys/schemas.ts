import { z } from "zod";

export const createApiKeyInput = z.object({ name: z.string().trim().min(1).max(100) });
export const revokeApiKeyInput = z.object({ id: z.string().min(1) });

export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

/** What callers may see about a key: never the secret or its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiKeySummarySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
