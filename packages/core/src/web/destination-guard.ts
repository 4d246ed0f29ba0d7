import type { AppConfig } from "@frontdesk/config";
import { assertPublicDestination, createPublicOnlyFetch, publicOnlyFetch, systemResolveHost, type ResolveHost } from "@frontdesk/integrations";
import type { WebFetchOptions } from "@frontdesk/rag";

const HINT = "(private networks need ALLOW_PRIVATE_NETWORK_FETCH=true)";

/**
 * The SSRF guard for URLs owners give us (URL documents, crawls): refuses hosts that resolve to private or
 * reserved addresses unless the deployment sets ALLOW_PRIVATE_NETWORK_FETCH. Checked on every redirect hop.
 * On its own it resolves DNS separately from the connection; use webFetchGuard for fetches.
 */
export function destinationGuard(
  config: Pick<AppConfig, "ALLOW_PRIVATE_NETWORK_FETCH">,
  resolve: ResolveHost = systemResolveHost,
): ((url: URL) => Promise<void>) | undefined {
  if (config.ALLOW_PRIVATE_NETWORK_FETCH) return undefined;
  return async (url) => {
    try {
      await assertPublicDestination(url.hostname, "web", resolve);
    } catch (error) {
      // Only a private address is about this setting; a host that does not resolve is a typo or a DNS problem.
      if ((error as { code?: string }).code !== "blocked_destination") throw error;
      throw new Error(`${(error as Error).message} ${HINT}`, { cause: error });
    }
  };
}

/**
 * Both halves of the guard for fetchWebResource: the early check on every hop (clear errors, IP literals) and a
 * fetch whose connections refuse private addresses at connect time, so a DNS answer that changes after the check
 * (rebinding) cannot reach the internal network. Nothing when ALLOW_PRIVATE_NETWORK_FETCH is set. `resolve` is
 * for tests; the default shares one connection pool for the process.
 */
export function webFetchGuard(
  config: Pick<AppConfig, "ALLOW_PRIVATE_NETWORK_FETCH">,
  resolve?: ResolveHost,
): Pick<WebFetchOptions, "assertDestination" | "fetch"> {
  if (config.ALLOW_PRIVATE_NETWORK_FETCH) return {};
  const guardedFetch = resolve ? createPublicOnlyFetch("web", resolve) : publicOnlyFetch("web");
  return {
    assertDestination: destinationGuard(config, resolve),
    fetch: async (input, init) => {
      try {
        return await guardedFetch(input, init);
      } catch (error) {
        // Keep the cause's code (fetchWebResource reads it) and add the same hint the early check gives.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        if (cause?.code === "blocked_destination") cause.message = `${cause.message} ${HINT}`;
        throw error;
      }
    },
  };
}
