export { resolveIntegrationKeyring } from "./resolve-keyring";
export { maskSecret, seal, unseal } from "./sealed-secret";
export { redactSecretLookingKeys } from "./redact-arguments";
export { reencryptStoredSecrets, type ReencryptSummary } from "./reencrypt-stored-secrets";
