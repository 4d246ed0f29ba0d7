export type {
  ActionContext,
  ActionDefinition,
  ActionDescriptor,
  ConnectionTestResult,
  IntegrationContext,
  IntegrationDefinition,
  IntegrationTypeDescriptor,
  JsonSchema,
} from "./types";
export { defineAction, defineIntegration } from "./define";
export { IntegrationError, parseRetryAfter } from "./errors";
export { DEFAULT_TIMEOUT_MS, isTransient, retryIdempotentRead } from "./retry";
export { createDeadlineAgent, ProviderResponseTooLargeError, ProviderTimeoutError } from "./net/deadline-agent";
export { escapeHtml } from "./html";
export { toJsonSchema } from "./json-schema";
export {
  describeIntegration,
  listIntegrationIds,
  listIntegrationTypes,
  loadIntegration,
  runAction,
  testIntegrationConnection,
  UnknownIntegrationError,
} from "./registry";
export { mergeConfigUpdate, redactConfig, secretFields } from "./config-secrets";
export { runToolSafely, type ToolOutcome } from "./tool-result";
export { buildIntegrationTools, type InstalledIntegration, type IntegrationTool } from "./tools";
export { assertPublicDestination, isPrivateAddress, systemResolveHost, type ResolveHost } from "./net/assert-public-destination";
export { MAX_RESPONSE_BYTES, readCappedText, type CappedText } from "./net/read-capped";
export { createPublicOnlyFetch, publicOnlyFetch, publicOnlyLookup, type FetchFunction } from "./net/public-only-fetch";
export * from "./signing";
export * from "./crypto";
export { deliverWebhook, type WebhookDelivery } from "./webhook/deliver-webhook";
export * as twilioProvider from "./twilio";
export * as hubspotProvider from "./hubspot";
export * as salesforceProvider from "./salesforce";
export * as calcomProvider from "./calcom";
export * as emailProvider from "./email";
export * as vapiProvider from "./vapi";
