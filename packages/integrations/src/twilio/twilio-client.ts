import twilio from "twilio";
import { IntegrationError, parseRetryAfter } from "../errors";
import { MAX_RESPONSE_BYTES } from "../net/read-capped";
import { DEFAULT_TIMEOUT_MS } from "../retry";
import type { IntegrationContext } from "../types";
import type { TwilioConfig } from "./config";

import type RequestClient from "twilio/lib/base/RequestClient";

/**
 * The SDK always builds https://*.twilio.com URLs; this request client swaps the origin for `baseUrl` (tests) and
 * remembers Retry-After, which the SDK's RestException drops.
 */
class FrontdeskRequestClient extends twilio.RequestClient {
  lastRetryAfter: string | undefined;

  constructor(
    private readonly baseUrl: string | undefined,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
    // The SDK's axios reads whole bodies; cap what one answer may make us buffer.
    this.axios.defaults.maxContentLength = MAX_RESPONSE_BYTES;
  }

  override async request<T>(opts: RequestClient.RequestOptions<T>) {
    if (this.baseUrl) {
      const original = new URL(opts.uri);
      opts = { ...opts, uri: new URL(original.pathname + original.search, this.baseUrl).href };
    }
    const response = await super.request<T>(opts);
    const headers = (response.headers ?? {}) as Record<string, string | undefined>;
    this.lastRetryAfter = headers["retry-after"];
    return response;
  }
}

export interface TwilioHandle {
  client: twilio.Twilio;
  /** Converts an SDK failure into an IntegrationError with Retry-After, rethrowing anything else. */
  toError(error: unknown): never;
}

export function createTwilioClient(config: TwilioConfig, ctx: IntegrationContext): TwilioHandle {
  const httpClient = new FrontdeskRequestClient(ctx.baseUrl, ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const client = twilio(config.accountSid, config.authToken, { httpClient });
  return {
    client,
    toError(error: unknown): never {
      if (error instanceof twilio.RestException) {
        throw new IntegrationError({
          provider: "twilio",
          status: error.status,
          message: error.code ? `Twilio ${error.code}: ${error.message}` : error.message,
          retryAfterSeconds: error.status === 429 ? parseRetryAfter(httpClient.lastRetryAfter) : undefined,
        });
      }
      if (isTimeout(error)) throw new IntegrationError({ provider: "twilio", code: "timeout", message: `Twilio timed out: ${(error as Error).message}` });
      if (error instanceof Error) throw new IntegrationError({ provider: "twilio", message: error.message });
      throw error;
    },
  };
}

/** The SDK's axios transport reports its request timeout as ECONNABORTED/ETIMEDOUT. */
function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNABORTED" || code === "ETIMEDOUT";
}
