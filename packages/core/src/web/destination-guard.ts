import type { AppConfig } from "@frontdesk/config";
import { assertPublicDestination } from "@frontdesk/integrations";

/**
 * The SSRF guard for URLs owners give us (URL documents, crawls): refuses hosts that resolve to private or
 * reserved addresses unless the deployment sets ALLOW_PRIVATE_NETWORK_FETCH. Checked on every redirect hop.
 */
export function destinationGuard(config: Pick<AppConfig, "ALLOW_PRIVATE_NETWORK_FETCH">): ((url: URL) => Promise<void>) | undefined {
  if (config.ALLOW_PRIVATE_NETWORK_FETCH) return undefined;
  return async (url) => {
    try {
      await assertPublicDestination(url.hostname, "web");
    } catch (error) {
      throw new Error(`${(error as Error).message} (private networks need ALLOW_PRIVATE_NETWORK_FETCH=true)`, { cause: error });
    }
  };
}
