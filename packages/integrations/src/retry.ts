import { IntegrationError } from "./errors";

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A failure worth one more try: the provider broke (5xx) or the connection dropped; never 4xx, never a timeout. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof IntegrationError)) return false;
  if (error.code === "network_error") return true;
  return error.status !== undefined && error.status >= 500 && error.status <= 599;
}

/**
 * Retry policy for idempotent reads only (GET, search): one retry after a jittered backoff (default 300–600 ms).
 * Writes are never retried here, because a 5xx after the provider applied a create would duplicate it; jobs retry
 * those with their own idempotency. Timeouts are not retried so the caller's deadline stays the bound.
 */
export async function retryIdempotentRead<T>(read: () => Promise<T>, opts: { retries?: number; backoffMs?: number } = {}): Promise<T> {
  const retries = opts.retries ?? 1;
  const backoffMs = opts.backoffMs ?? 300;
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= retries || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs * (attempt + 1) * (1 + Math.random())));
    }
  }
}
