import type { AppConfig } from "@frontdesk/config";
import type { Logger } from "pino";
import { createClientIp, type ClientIpOf } from "./client-ip";
import { openRateLimits, type RateLimits } from "./rate-limits";

/** Who the client is (TRUST_PROXY) and where its rate limits are counted (memory or REDIS_URL). */
export interface ApiLimits {
  clientIp: ClientIpOf;
  rateLimits: RateLimits;
}

/** Fails start on a malformed TRUST_PROXY; an unreachable Redis only logs (see openRateLimits). */
export async function openApiLimits(config: AppConfig, logger: Logger): Promise<ApiLimits> {
  const clientIp = createClientIp(config.TRUST_PROXY);
  return { clientIp, rateLimits: await openRateLimits(config, logger) };
}
