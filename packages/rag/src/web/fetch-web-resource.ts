import { isUnresolvableHost, unresolvableHostError, WebFetchError } from "./web-fetch-error";

export const CRAWLER_USER_AGENT = "FrontdeskBot/0.1 (+knowledge ingestion)";

export interface WebFetchOptions {
  maxBytes: number;
  /** Whole request, body included (default 20 s). */
  timeoutMs?: number;
  userAgent?: string;
  accept?: string;
  /** Checked before every request, each redirect hop included; throw to refuse the destination (SSRF guard). */
  assertDestination?: (url: URL) => Promise<void>;
  /**
   * Makes each request (default: the global fetch). The SSRF guard passes one that also checks the address it
   * connects to (DNS rebinding); a refusal there rejects with a `cause` whose code is "blocked_destination".
   */
  fetch?: (input: URL, init: RequestInit) => Promise<Response>;
  /** Validators from the last fetch: a 304 answer comes back as `not_modified`. */
  etag?: string | null;
  lastModified?: string | null;
  maxRedirects?: number;
  signal?: AbortSignal;
}

export type WebResource =
  | { status: "ok"; url: string; bytes: Uint8Array; contentType: string | null; etag: string | null; lastModified: string | null }
  | { status: "not_modified"; url: string; etag: string | null; lastModified: string | null };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an http(s) URL the careful way: redirects followed by hand so each hop passes the destination guard,
 * a timeout over the whole exchange, a byte cap enforced while streaming, and conditional headers when
 * validators are given. Failures are WebFetchErrors saying whether retrying could help.
 */
export async function fetchWebResource(input: string, options: WebFetchOptions): Promise<WebResource> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  let url = parseHttpUrl(input);
  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? CRAWLER_USER_AGENT,
    accept: options.accept ?? "text/html,application/xhtml+xml,application/pdf;q=0.9,text/*;q=0.8,*/*;q=0.5",
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  for (let hop = 0; ; hop += 1) {
    if (options.assertDestination) {
      try {
        await options.assertDestination(url);
      } catch (error) {
        if (isUnresolvableHost(error)) throw unresolvableHostError(url, error);
        throw new WebFetchError("blocked", `${url.href} is not allowed: ${(error as Error).message}`, { cause: error });
      }
    }
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, { redirect: "manual", signal, headers });
    } catch (error) {
      throw transportError(url, error, timeoutMs);
    }
    const validators = { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      if (!location) throw new WebFetchError("http", `${url.href} redirected without a Location`, { status: response.status });
      if (hop >= (options.maxRedirects ?? 5)) throw new WebFetchError("too_many_redirects", `${input} redirected too many times`);
      url = parseHttpUrl(new URL(location, url).href);
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: "not_modified", url: url.href, ...validators };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new WebFetchError("http", `${url.href} answered HTTP ${response.status}`, { status: response.status });
    }
    const bytes = await readLimited(response, options.maxBytes, url, timeoutMs);
    return { status: "ok", url: url.href, bytes, contentType: response.headers.get("content-type"), ...validators };
  }
}

function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new WebFetchError("invalid_url", `"${input}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WebFetchError("invalid_url", `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

function transportError(url: URL, error: unknown, timeoutMs: number): WebFetchError {
  const name = (error as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new WebFetchError("timeout", `${url.href} did not answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === "blocked_destination") {
    return new WebFetchError("blocked", `${url.href} is not allowed: ${cause.message ?? "private address"}`, { cause: error });
  }
  if (isUnresolvableHost(error)) return unresolvableHostError(url, error);
  const reason = cause?.code ?? cause?.message ?? (error as Error)?.message ?? "network error";
  return new WebFetchError("network", `${url.href} is unreachable (${reason})`, { cause: error });
}

async function readLimited(response: Response, maxBytes: number, url: URL, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new WebFetchError("too_large", `${url.href} is ${declared} bytes, the limit is ${maxBytes}`);
  }
  if (!response.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const part of response.body) {
      size += part.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new WebFetchError("too_large", `${url.href} is larger than the limit of ${maxBytes} bytes`);
      }
      parts.push(part);
    }
  } catch (error) {
    if (error instanceof WebFetchError) throw error;
    throw transportError(url, error, timeoutMs);
  }
  return Buffer.concat(parts);
}
