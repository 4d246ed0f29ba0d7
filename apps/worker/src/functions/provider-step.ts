import { classifyProviderFailure } from "@frontdesk/core";
import { NonRetriableError, RetryAfterError } from "inngest";

/**
 * Runs a provider call inside a step, translating its failure for Inngest: a 4xx the provider will refuse again
 * stops the run (NonRetriableError), a 429 waits as long as the provider asked, anything else is retried.
 */
export async function callProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = classifyProviderFailure(error);
    if (!failure.retriable) throw new NonRetriableError(failure.message, { cause: error });
    if (failure.retryAfterSeconds !== undefined) throw new RetryAfterError(failure.message, failure.retryAfterSeconds * 1000, { cause: error });
    throw error;
  }
}
