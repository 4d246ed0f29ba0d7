export { createApiKey, type CreatedApiKey } from "./create-api-key";
export { listApiKeys } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateApiKey, type AuthenticatedApiKey } from "./authenticate-api-key";
export {
  apiKeyRoleSchema,
  apiKeySummarySchema,
  createApiKeyInput,
  revokeApiKeyInput,
  type ApiKeySummary,
  type CreateApiKeyInput,
  type RevokeApiKeyInput,
} from "./schemas";
