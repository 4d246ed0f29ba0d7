import { IngestionFailure, markIngestionFailed, retryAfterMs, type IngestionDeps } from "@frontdesk/core";
import { NonRetriableError, RetryAfterError } from "inngest";

/** Longest wait honoured from a provider's Retry-After; beyond it the normal retries apply. */
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/**
 * Maps a step's error to what Inngest should do: IngestionFailure marks the documents failed and stops
 * (NonRetriableError); a provider refusal with Retry-After (429) becomes RetryAfterError so the retry waits
 * as asked; anything else is rethrown and retried per the function's `retries`.
 */
export async function classifyIngestionError(
  deps: Pick<IngestionDeps, "prisma">,
  refs: Array<{ organizationId: string; knowledgeBaseId: string; documentId: string }>,
  error: unknown,
): Promise<never> {
  if (error instanceof IngestionFailure) {
    for (const ref of refs) await markIngestionFailed(deps, ref, error.message);
    throw new NonRetriableError(error.message, { cause: error });
  }
  const wait = retryAfterMs(error);
  if (wait !== undefined && wait <= MAX_RETRY_AFTER_MS) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RetryAfterError(`rate limited by the embedding provider: ${message}`, wait, { cause: error });
  }
  throw error;
}
