import { z } from "zod";

export const apiKeyRoleSchema = z.enum(["owner", "admin", "member"]);

/** `role` (default admin) is what the key may do, like a member's role; at most the creator's own role. */
export const createApiKeyInput = z.object({ name: z.string().trim().min(1).max(100), role: apiKeyRoleSchema.default("admin") });
export const revokeApiKeyInput = z.object({ id: z.string().min(1) });

export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

/** What callers may see about a key: never the secret or its hash. Dates are ISO strings, as in other views. */
export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: apiKeyRoleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

export const apiKeySummarySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export function toApiKeySummary(row: {
  id: string;
  name: string;
  prefix: string;
  role: z.infer<typeof apiKeyRoleSchema>;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeySummary {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
