import { IntegrationError, isTransient } from "@frontdesk/integrations";

/** How a background job should treat a failed provider call. */
export interface ProviderFailure {
  /** Worth another attempt: a 5xx, a dropped connection, a timeout or a 429; never another 4xx. */
  retriable: boolean;
  /** The provider's Retry-After (429), when it gave one. */
  retryAfterSeconds?: number;
  message: string;
}

/** Jobs retry writes themselves (with their own idempotency); this tells them whether another try can help. */
export function classifyProviderFailure(error: unknown): ProviderFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof IntegrationError)) return { retriable: true, message };
  if (error.status === 429) return { retriable: true, message, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  return { retriable: isTransient(error) || error.code === "timeout", message };
}
