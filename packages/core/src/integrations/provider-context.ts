import type { AppConfig } from "@frontdesk/config";
import type { IntegrationContext } from "@frontdesk/integrations";

const CALL_TIMEOUT_MS = 20_000;

/** INTEGRATION_BASE_URLS "calcom=https://cal.internal,hubspot=http://127.0.0.1:4010" → { calcom: …, hubspot: … }. */
export function parseBaseUrls(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const eq = entry.indexOf("=");
        return [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()] as const;
      })
      .filter(([type, url]) => type !== "" && url !== ""),
  );
}

/**
 * Runtime knobs for provider calls: deployment base URL override and private-network opt-in, plus (unless
 * `withTimeout: false`, for callers that bring their own signal) a 20 s timeout starting now.
 */
export function integrationProviderContext(
  config: Pick<AppConfig, "INTEGRATION_BASE_URLS" | "ALLOW_PRIVATE_NETWORK_FETCH">,
  type: string,
  options: { withTimeout?: boolean } = {},
): IntegrationContext {
  const baseUrl = parseBaseUrls(config.INTEGRATION_BASE_URLS)[type];
  return {
    ...(baseUrl ? { baseUrl } : {}),
    allowPrivateNetworks: config.ALLOW_PRIVATE_NETWORK_FETCH,
    ...(options.withTimeout === false ? {} : { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
  };
}
