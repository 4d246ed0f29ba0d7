/**
 * How long a provider asked us to wait (ms) when it refused with 429/503 and a Retry-After, else undefined.
 * Reads what OpenAI-style SDKs and fetch-based clients attach: `status` plus `headers` (a Headers object or a
 * plain record), `response.headers`, or a numeric `retryAfter` (seconds).
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { status?: unknown; retryAfter?: unknown; headers?: unknown; response?: { status?: unknown; headers?: unknown } };
  const status = Number(e.status ?? e.response?.status);
  if (typeof e.retryAfter === "number" && Number.isFinite(e.retryAfter)) return Math.max(0, e.retryAfter * 1000);
  if (status !== 429 && status !== 503) return retryAfterMs((error as { cause?: unknown }).cause, now);
  const raw = headerValue(e.headers, "retry-after") ?? headerValue(e.response?.headers, "retry-after");
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, unknown>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}
