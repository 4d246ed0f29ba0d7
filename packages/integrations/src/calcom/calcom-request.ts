import { z } from "zod";
import { IntegrationError, parseRetryAfter } from "../errors";
import { MAX_RESPONSE_BYTES, readCappedText } from "../net/read-capped";
import { DEFAULT_TIMEOUT_MS, retryIdempotentRead } from "../retry";
import type { IntegrationContext } from "../types";

export const CALCOM_BASE_URL = "https://api.cal.com";
/** Cal.com versions each endpoint by header; without it some endpoints 404. */
export const SLOTS_API_VERSION = "2024-09-04";
export const BOOKINGS_API_VERSION = "2024-08-13";

const errorBody = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.unknown().optional() }).optional(),
  message: z.unknown().optional(),
});

function errorMessage(body: unknown): string | undefined {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const message = parsed.data.error?.message ?? parsed.data.message;
  return typeof message === "string" ? message : message === undefined ? undefined : JSON.stringify(message);
}

/** One Cal.com v2 call: bearer auth, version header, `{status:"success", data}` envelope validated with zod. */
export async function calcomRequest<T>(opts: {
  apiKey: string;
  ctx: IntegrationContext;
  method: "GET" | "POST";
  path: string;
  apiVersion?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  data: z.ZodType<T>;
}): Promise<T> {
  const url = new URL(opts.path, opts.ctx.baseUrl ?? CALCOM_BASE_URL);
  for (const [key, value] of Object.entries(opts.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { Authorization: `Bearer ${opts.apiKey}`, Accept: "application/json" };
  if (opts.apiVersion) headers["cal-api-version"] = opts.apiVersion;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const timeoutMs = opts.ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = opts.ctx.signal ? AbortSignal.any([opts.ctx.signal, deadline]) : deadline;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: opts.method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal });
    const body = await readCappedText(response);
    if (body.truncated) {
      throw new IntegrationError({ provider: "calcom", status: response.status, code: "unexpected_response", message: `Cal.com answered ${opts.path} with more than ${MAX_RESPONSE_BYTES} bytes` });
    }
    text = body.text;
  } catch (error) {
    if (error instanceof IntegrationError) throw error;
    if (deadline.aborted) throw new IntegrationError({ provider: "calcom", code: "timeout", message: `Cal.com timed out: no response within ${timeoutMs} ms` });
    throw new IntegrationError({ provider: "calcom", message: `Cal.com unreachable: ${(error as Error).message}` });
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  if (!response.ok) {
    throw new IntegrationError({
      provider: "calcom",
      status: response.status,
      message: `Cal.com ${response.status}: ${errorMessage(json) ?? response.statusText}`,
      retryAfterSeconds: response.status === 429 ? (parseRetryAfter(response.headers.get("retry-after")) ?? 60) : undefined,
    });
  }
  const envelope = z.object({ status: z.literal("success"), data: opts.data }).safeParse(json);
  if (!envelope.success) {
    throw new IntegrationError({ provider: "calcom", status: response.status, code: "unexpected_response", message: `Cal.com returned an unexpected body for ${opts.path}` });
  }
  return envelope.data.data;
}

/** GETs are idempotent: one bounded retry on 5xx or a dropped connection (see retryIdempotentRead). */
export function calcomGet<T>(opts: Omit<Parameters<typeof calcomRequest<T>>[0], "method" | "body">): Promise<T> {
  return retryIdempotentRead(() => calcomRequest({ ...opts, method: "GET" }));
}
