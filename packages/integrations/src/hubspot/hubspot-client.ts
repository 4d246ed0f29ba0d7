import { Client } from "@hubspot/api-client";
import { IntegrationError, parseRetryAfter } from "../errors";
import type { IntegrationContext } from "../types";
import type { HubspotConfig } from "./config";

export function createHubspotClient(config: HubspotConfig, ctx: IntegrationContext): Client {
  // Retries stay with the caller's job queue (429 carries retryAfterSeconds), so the SDK never sleeps in a request.
  return new Client({ accessToken: config.accessToken, numberOfApiCallRetries: 0, ...(ctx.baseUrl ? { basePath: ctx.baseUrl } : {}) });
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
  if (isApiException(error)) {
    throw new IntegrationError({
      provider: "hubspot",
      status: error.code,
      message: `HubSpot ${error.code}: ${hubspotMessage(error.body) ?? "request failed"}`,
      retryAfterSeconds: error.code === 429 ? (parseRetryAfter(error.headers["retry-after"]) ?? 10) : undefined,
    });
  }
  if (error instanceof Error) throw new IntegrationError({ provider: "hubspot", message: error.message });
  throw error;
}
