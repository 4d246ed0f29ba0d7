/**
 * Why a web fetch failed. `permanent` failures (4xx, blocked or invalid addresses, size limits, unsupported
 * content) will fail again on retry; the others (timeouts, network errors, 5xx, 429) may not.
 */
export type WebFetchErrorCode =
  | "invalid_url"
  | "blocked"
  | "unresolvable"
  | "timeout"
  | "network"
  | "http"
  | "too_large"
  | "too_many_redirects";

/** DNS answers that mean the host name does not exist (or could not be looked up): a typo, not a blocked address. */
const UNRESOLVABLE = new Set(["unresolvable_destination", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);

/** The error's own code or its cause's, e.g. "ENOTFOUND" from undici's fetch or "unresolvable_destination" from a guard. */
export function isUnresolvableHost(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && UNRESOLVABLE.has(code)) return true;
  }
  return false;
}

/** "Could not resolve host …": said apart from "not allowed" (a private address), which a typo is not. */
export function unresolvableHostError(url: URL, cause: unknown): WebFetchError {
  return new WebFetchError("unresolvable", `Could not resolve host ${url.hostname}: no such domain name (check the address)`, { cause });
}

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
