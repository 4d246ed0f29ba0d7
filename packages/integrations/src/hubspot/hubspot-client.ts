import { Client } from "@hubspot/api-client";
import { IntegrationError, parseRetryAfter } from "../errors";
import { createDeadlineAgent, ProviderResponseTooLargeError, ProviderTimeoutError } from "../net/deadline-agent";
import { DEFAULT_TIMEOUT_MS } from "../retry";
import type { IntegrationContext } from "../types";
import type { HubspotConfig } from "./config";

export const HUBSPOT_BASE_URL = "https://api.hubapi.com";

export function createHubspotClient(config: HubspotConfig, ctx: IntegrationContext): Client {
  const basePath = ctx.baseUrl ?? HUBSPOT_BASE_URL;
  // The SDK's own retries would also repeat writes and sleep up to 10 s on 429; reads retry once through
  // retryIdempotentRead instead, and 429 goes back to the caller's job queue with retryAfterSeconds.
  return new Client({
    accessToken: config.accessToken,
    numberOfApiCallRetries: 0,
    basePath,
    httpAgent: createDeadlineAgent(basePath, ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}

interface ApiExceptionLike {
  code: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Every codegen module has its own ApiException class, so match by shape rather than instanceof. */
export function isApiException(error: unknown): error is ApiExceptionLike {
  return error instanceof Error && typeof (error as Partial<ApiExceptionLike>).code === "number" && "body" in error;
}

export function hubspotMessage(body: unknown): string | undefined {
  if (typeof body === "string") {
    try {
      return hubspotMessage(JSON.parse(body));
    } catch {
      return body || undefined;
    }
  }
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") return body.message;
  return undefined;
}

export function toHubspotError(error: unknown): never {
  if (error instanceof IntegrationError) throw error;
  if (isApiException(error)) {
    throw new IntegrationError({
      provider: "hubspot",
      status: error.code,
      message: `HubSpot ${error.code}: ${hubspotMessage(error.body) ?? "request failed"}`,
      retryAfterSeconds: error.code === 429 ? (parseRetryAfter(error.headers["retry-after"]) ?? 10) : undefined,
    });
  }
  if (error instanceof ProviderTimeoutError) {
    throw new IntegrationError({ provider: "hubspot", code: "timeout", message: `HubSpot timed out: ${error.message}` });
  }
  if (error instanceof ProviderResponseTooLargeError || (error as { cause?: unknown } | null)?.cause instanceof ProviderResponseTooLargeError) {
    throw new IntegrationError({ provider: "hubspot", code: "unexpected_response", message: `HubSpot answered with a ${(error as Error).message}` });
  }
  if (error instanceof Error) throw new IntegrationError({ provider: "hubspot", message: error.message });
  throw error;
}
