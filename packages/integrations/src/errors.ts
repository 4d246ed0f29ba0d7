/** A provider call failed; `status` is the provider's HTTP status so callers can map 401/404/409/429. */
export class IntegrationError extends Error {
  readonly provider: string;
  readonly status: number | undefined;
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(opts: { provider: string; message: string; status?: number; code?: string; retryAfterSeconds?: number }) {
    super(opts.message);
    this.name = "IntegrationError";
    this.provider = opts.provider;
    this.status = opts.status;
    this.code = opts.code ?? codeForStatus(opts.status);
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

function codeForStatus(status: number | undefined): string {
  if (status === undefined) return "network_error";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 400 && status < 500) return "invalid_request";
  return "provider_error";
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
