import twilio from "twilio";
import { IntegrationError, parseRetryAfter } from "../errors";
import type { IntegrationContext } from "../types";
import type { TwilioConfig } from "./config";

import type RequestClient from "twilio/lib/base/RequestClient";

/**
 * The SDK always builds https://*.twilio.com URLs; this request client swaps the origin for `baseUrl` (tests) and
 * remembers Retry-After, which the SDK's RestException drops.
 */
class FrontdeskRequestClient extends twilio.RequestClient {
  lastRetryAfter: string | undefined;

  constructor(private readonly baseUrl: string | undefined) {
    super({ timeout: 15_000 });
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
  const httpClient = new FrontdeskRequestClient(ctx.baseUrl);
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
      if (error instanceof Error) throw new IntegrationError({ provider: "twilio", message: error.message });
      throw error;
    },
  };
}
