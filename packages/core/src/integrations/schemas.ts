import { z } from "zod";

const name = z.string().trim().min(1, "name is required").max(200);
/** Provider settings as the provider's configSchema describes them (GET /integrations/types). */
const configObject = z.record(z.string(), z.unknown());

export const createIntegrationInput = z.object({
  /** Registry id, e.g. "hubspot" (see GET /integrations/types). */
  type: z.string().trim().min(1).max(64),
  /** Defaults to the provider's name. */
  name: name.optional(),
  config: configObject,
  enabled: z.boolean().optional(),
  /** Save without a successful connection test (status stays "untested"). */
  skipTest: z.boolean().optional(),
});
export type CreateIntegrationInput = z.input<typeof createIntegrationInput>;

export const updateIntegrationInput = z
  .object({
    name: name.optional(),
    /** Replaces the settings; a secret field left blank or omitted keeps the stored value. */
    config: configObject.optional(),
    enabled: z.boolean().optional(),
    /** Save changed settings without a successful connection test. */
    skipTest: z.boolean().optional(),
  })
  .strict();
export type UpdateIntegrationInput = z.input<typeof updateIntegrationInput>;

export const integrationStatusSchema = z.enum(["untested", "connected", "error"]);

/** What callers may see: non-secret settings and masked secrets; the stored ciphertext never leaves the server. */
export const integrationSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  status: integrationStatusSchema,
  /** Why the last test or sync failed (status "error"). */
  statusReason: z.string().nullable(),
  /** Non-secret settings. */
  config: configObject,
  /** Secret fields that are set, masked ("••••abcd"). */
  secrets: z.record(z.string(), z.string()),
  /** The provider supports "sync now". */
  canSync: z.boolean(),
  lastTestedAt: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  createdAt: z.string(),
  /** "Last updated" in the admin. */
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof integrationSchema>;

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The provider's own error message when ok is false. */
  error: z.string().optional(),
  /** The provider's HTTP status when it refused. */
  providerStatus: z.number().int().optional(),
  detail: z.string().optional(),
  integration: integrationSchema,
});
export type ConnectionTestView = z.infer<typeof connectionTestResultSchema>;

export const syncResultSchema = connectionTestResultSchema;
export type SyncView = z.infer<typeof syncResultSchema>;

export const integrationTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** JSON Schema of the settings form; secret fields carry writeOnly: true. */
  configJsonSchema: z.record(z.string(), z.unknown()),
  canSync: z.boolean(),
  actions: z.array(z.object({ name: z.string(), description: z.string(), inputJsonSchema: z.record(z.string(), z.unknown()) })),
});
export type IntegrationTypeView = z.infer<typeof integrationTypeSchema>;
