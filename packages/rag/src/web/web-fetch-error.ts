/**
 * Why a web fetch failed. `permanent` failures (4xx, blocked or invalid addresses, size limits, unsupported
 * content) will fail again on retry; the others (timeouts, network errors, 5xx, 429) may not.
 */
export type WebFetchErrorCode = "invalid_url" | "blocked" | "timeout" | "network" | "http" | "too_large" | "too_many_redirects";

export class WebFetchError extends Error {
  override readonly name = "WebFetchError";
  readonly code: WebFetchErrorCode;
  readonly status: number | undefined;

  constructor(code: WebFetchErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }

  get permanent(): boolean {
    if (this.code === "timeout" || this.code === "network") return false;
    if (this.code === "http") return this.status !== undefined && this.status < 500 && this.status !== 408 && this.status !== 429;
    return true;
  }
}
